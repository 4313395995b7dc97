import { CoreError } from '../errors.ts';
import { resolvedConfirmation } from '../messages.ts';
import type { BotContext } from './bot-deps.ts';
import { deliveryKeys } from './delivery-keys.ts';
import type { ResolveOutcome } from './outcomes.ts';
import { postOnce } from './post-once.ts';

/**
 * An admin resolves an issue (the counterpart of the chat `resolve` command): solve its ticket,
 * mark it resolved, then confirm once in its thread. The confirmation's delivery is recorded
 * before the ticket is touched, so a run that failed at any step finishes on a re-run even though
 * the issue already shows resolved; an issue resolved some other way gets no new message.
 * An issue whose ticket is still being created throws `issue.ticket-pending` (retry later).
 */
export async function resolveIssue(ctx: BotContext, issueId: string): Promise<ResolveOutcome> {
  const issue = await ctx.repo.findById(issueId);
  if (issue === undefined) {
    ctx.logger.info({ issueId }, 'admin resolve of an unknown issue ignored');
    return { outcome: 'ignored', reason: 'unknown-issue' };
  }
  const { ticketId, threadId } = issue;
  if (ticketId === null) {
    throw new CoreError('issue.ticket-pending', `issue ${issue.id} has no ticket yet`);
  }
  const key = deliveryKeys.adminResolve(issue.id);
  if (issue.status === 'resolved' && (await ctx.repo.findDelivery(key)) === undefined) {
    return { outcome: 'already-resolved', issueId: issue.id };
  }
  const solveAndMark = async () => {
    await ctx.tickets.solveTicket(ticketId);
    await ctx.repo.markResolved(issue.id, ctx.clock.now());
  };
  if (threadId === null) {
    // An emailed ticket whose thread is not posted yet: nowhere to confirm; both steps are idempotent.
    await solveAndMark();
  } else {
    await postOnce(ctx, {
      key,
      kind: 'bot-message',
      issueId: issue.id,
      channel: issue.channel,
      threadId,
      text: () => resolvedConfirmation(ctx.tickets.ticketUrl(ticketId)),
      before: solveAndMark,
    });
  }
  ctx.logger.info({ issueId: issue.id, ticketId }, 'issue resolved by an admin');
  return { outcome: 'resolved', issueId: issue.id, ticketId };
}
