import type { Issue } from '../domain/issue.ts';
import type { NewComment, Ticket } from '../domain/ticket.ts';
import { isTicketClosed } from '../errors.ts';
import { alreadyResolvedNotice, followUpNotice, reopenedByReplyNotice } from '../messages.ts';
import type { BotContext } from './bot-deps.ts';
import { deliverOnce } from './deliver-once.ts';
import { deliveryKeys, externalIdOf, type MessageRef } from './delivery-keys.ts';
import { findWrittenComment } from './find-written-comment.ts';
import type { ChatOutcome } from './outcomes.ts';
import { post, type SyncedIssue } from './sync-ticket-status.ts';

/** A reply on a resolved issue, with the comment it becomes. */
export interface DoneTicketReply {
  readonly issue: SyncedIssue;
  readonly ref: MessageRef;
  readonly comment: NewComment;
  /** The reply's own delivery key (`chat-to-ticket`). */
  readonly key: string;
}

/**
 * Whether a reply on a resolved issue is the continuation of an earlier run of this very reply
 * (a reopen or follow-up begun for it), rather than a retry of a reply handled before the issue
 * was resolved.
 */
export async function continuesDoneTicket(ctx: BotContext, issue: Issue, ref: MessageRef): Promise<boolean> {
  if (await ctx.repo.findDelivery(deliveryKeys.followUp(ref))) return true;
  return (
    issue.resolvedAt !== null &&
    (await ctx.repo.findDelivery(deliveryKeys.ticketReopened(issue.id, issue.resolvedAt))) !== undefined
  );
}

/**
 * A reply in the thread of a resolved issue continues its ticket. A solved ticket takes the reply
 * with `status: open` (an API comment does not reopen it by itself) and the issue reopens; a
 * closed one is continued by a follow-up ticket the thread follows from then on; a deleted one
 * gets the "already resolved" notice. Each step is keyed, so a re-run finishes without repeating.
 */
export async function replyToDoneTicket(ctx: BotContext, reply: DoneTicketReply): Promise<ChatOutcome> {
  const { issue } = reply;
  const ticket = await ctx.tickets.getTicket(issue.ticketId);
  if (ticket === undefined) {
    await post(ctx, issue, deliveryKeys.resolvedReply(reply.ref), () =>
      alreadyResolvedNotice(ctx.tickets.ticketUrl(issue.ticketId)),
    );
    return { outcome: 'already-resolved', issueId: issue.id };
  }
  if (ticket.status === 'closed') return openFollowUp(ctx, reply, ticket);
  try {
    return await reopenWithReply(ctx, reply, ticket);
  } catch (error) {
    if (!isTicketClosed(error)) throw error;
    return openFollowUp(ctx, reply, { ...ticket, status: 'closed' });
  }
}

async function reopenWithReply(
  ctx: BotContext,
  reply: DoneTicketReply,
  ticket: Ticket,
): Promise<ChatOutcome> {
  const { issue, comment } = reply;
  if (issue.status === 'resolved' && issue.resolvedAt !== null) {
    // The same key a status sync uses for this resolution's reopening: told once either way.
    await post(ctx, issue, deliveryKeys.ticketReopened(issue.id, issue.resolvedAt), () =>
      reopenedByReplyNotice(ctx.tickets.ticketUrl(issue.ticketId)),
    );
  }
  const commentId = await deliverOnce(
    ctx,
    { key: reply.key, kind: 'chat-to-ticket', issueId: issue.id, sourceId: reply.ref.messageId },
    {
      perform: async () => (await ctx.tickets.addComment(issue.ticketId, { ...comment, reopen: true })).id,
      find: () => findWrittenComment(ctx, issue.ticketId, comment, 'chat-to-ticket'),
    },
  );
  const now = ctx.clock.now();
  await ctx.repo.applyTicketSync(issue.id, {
    ticketStatus: 'open',
    ticketUpdatedAt: ticket.updatedAt ?? now,
    syncedAt: now,
    resolvedAt: null,
  });
  ctx.logger.info({ issueId: issue.id, ticketId: issue.ticketId }, 'reply reopened a solved ticket');
  return { outcome: 'comment-added', issueId: issue.id, ticketId: issue.ticketId, commentId };
}

async function openFollowUp(ctx: BotContext, reply: DoneTicketReply, closed: Ticket): Promise<ChatOutcome> {
  const { issue, ref, comment } = reply;
  const followUp = await ctx.tickets.createFollowUp({
    idempotencyKey: deliveryKeys.followUpTicket(ref),
    sourceTicketId: closed.id,
    subject: closed.subject,
    description: comment.body,
    // The reply's own message: unique, and the follow-up's link back to chat.
    externalId: externalIdOf(ref),
    ...(closed.groupId === null ? {} : { groupId: closed.groupId }),
    ...(closed.assigneeId === null ? {} : { assigneeId: closed.assigneeId }),
    ...(closed.requester === null ? {} : { requester: closed.requester }),
  });
  const closedUrl = ctx.tickets.ticketUrl(closed.id);
  await post(ctx, issue, deliveryKeys.followUp(ref), () =>
    followUpNotice(closedUrl, ctx.tickets.ticketUrl(followUp.id)),
  );
  // The reply is the follow-up's first comment: recorded as delivered, never echoed back.
  const commentId = await deliverOnce(
    ctx,
    { key: reply.key, kind: 'chat-to-ticket', issueId: issue.id, sourceId: ref.messageId },
    { perform: async () => followUp.firstCommentId ?? followUp.id },
  );
  await ctx.repo.repointTicket(issue.id, followUp.id, followUp.firstCommentId);
  ctx.logger.info(
    { issueId: issue.id, ticketId: closed.id, followUpId: followUp.id },
    'follow-up ticket opened',
  );
  return { outcome: 'follow-up-opened', issueId: issue.id, ticketId: followUp.id, commentId };
}
