import type { Issue } from '../domain/issue.ts';
import type { TicketCommentNotice } from '../domain/notices.ts';
import type { TicketState } from '../domain/ticket-lifecycle.ts';
import { CoreError } from '../errors.ts';
import type { BotContext } from './bot-deps.ts';
import { forwardComments } from './forward-ticket-comments.ts';
import { noteRedactions } from './note-redactions.ts';
import type { CommentsOutcome } from './outcomes.ts';
import { type FreshRead, syncTicketStatus } from './sync-ticket-status.ts';
import { untrackedTicket } from './untracked-ticket.ts';

/**
 * Every ticket notice means "this ticket changed": read what happened to it since the issue's
 * cursor (its new comments, its status and last status change: one call on Zendesk), forward the
 * comments, then apply the status. That read is made after the issue was read, and the issue is
 * read again before the status is applied: when its status changed in between, the read may be
 * older than that change and is not applied ('stale'). `state` is given by the sweep, which read it in
 * bulk before (null: absent from that read); a webhook reads it here (one call). The state's time
 * is what is recorded as the sync's, so a change made after it leaves the ticket newer than the
 * record and the next sweep looks again.
 */
export async function handleTicketNotice(
  ctx: BotContext,
  notice: TicketCommentNotice,
  state?: TicketState | null,
): Promise<CommentsOutcome> {
  const { ticketId } = notice;
  const issue = await ctx.repo.findByTicket(ticketId);
  if (issue === undefined) return untrackedTicket(ctx, notice);
  if (issue.platform !== ctx.chat.platform) {
    ctx.logger.warn(
      { ticketId, issueId: issue.id, platform: issue.platform },
      'ticket notice for another chat platform ignored',
    );
    return { outcome: 'ignored', reason: 'other-platform', issueId: issue.id };
  }
  const { threadId } = issue;
  // An emailed ticket whose thread is still being opened; the job layer retries this later.
  if (threadId === null)
    throw new CoreError('issue.thread-pending', `issue ${issue.id} has no chat thread yet`);
  const earlier =
    state === undefined ? (await ctx.tickets.getTicketStates([ticketId]))[0] : (state ?? undefined);
  const history = await ctx.tickets.readHistory(ticketId, issue.commentCursor);
  // Redactions first: they concern comments already handled, and forwarding moves the cursor past them.
  if (history?.redactedCommentIds !== undefined && history.redactedCommentIds.length > 0)
    await noteRedactions(ctx, issue, history.redactedCommentIds);
  // A ticket a read of its own finds nothing of is gone: its comments cannot be listed any more.
  const counts =
    history === undefined
      ? { forwarded: 0, skipped: 0 }
      : await forwardComments(ctx, { ...issue, threadId, ticketId }, history.comments);
  let fresh: FreshRead | undefined;
  if (history !== undefined) {
    const status = history.status ?? earlier?.status ?? (await ctx.tickets.getTicket(ticketId))?.status;
    const updatedAt = earlier?.updatedAt ?? history.updatedAt ?? ctx.clock.now();
    fresh =
      status === undefined
        ? undefined
        : { state: { id: ticketId, status, updatedAt }, change: history.lastChange };
  }
  // A resolve, a reopening reply or a follow-up that ran meanwhile makes this read older than the
  // issue: the run that changed it, or the notice its change brings, syncs the status instead.
  const now = (await ctx.repo.findById(issue.id)) ?? issue;
  const status = changedMeanwhile(issue, now) ? 'stale' : await syncTicketStatus(ctx, now, fresh);
  return { outcome: 'comments-forwarded', issueId: issue.id, ...counts, status };
}

function changedMeanwhile(before: Issue, now: Issue): boolean {
  return (
    before.status !== now.status ||
    before.ticketId !== now.ticketId ||
    before.resolvedAt?.getTime() !== now.resolvedAt?.getTime()
  );
}
