import type { Issue } from '../domain/issue.ts';
import type { TicketCommentNotice } from '../domain/notices.ts';
import type { TicketComment } from '../domain/ticket.ts';
import { CoreError } from '../errors.ts';
import { ticketCommentMessage, unknownTicketAuthor } from '../messages.ts';
import type { BotContext } from './bot-deps.ts';
import { deliveryKeys } from './delivery-keys.ts';
import { isOwnComment } from './is-own-comment.ts';
import type { CommentsOutcome } from './outcomes.ts';
import { postOnce } from './post-once.ts';
import { untrackedTicket } from './untracked-ticket.ts';

/**
 * Forwards a ticket's new comments to its chat thread, each exactly once and in order: one
 * `listCommentsAfter` from the issue's cursor, internal notes and the bot's own comments (also
 * those still being written: `isOwnComment`) skipped, the cursor advanced after each. Comments of
 * resolved issues are still forwarded. A ticket not tracked yet may be retried (`untrackedTicket`).
 */
export async function forwardTicketComments(
  ctx: BotContext,
  notice: TicketCommentNotice,
): Promise<CommentsOutcome> {
  const issue = await ctx.repo.findByTicket(notice.ticketId);
  if (issue === undefined) return untrackedTicket(ctx, notice);
  const threadId = issue.threadId;
  if (threadId === null) {
    // An emailed ticket whose thread is still being opened; the job layer retries this later.
    throw new CoreError('issue.thread-pending', `issue ${issue.id} has no chat thread yet`);
  }
  const comments = await ctx.tickets.listCommentsAfter(notice.ticketId, issue.commentCursor);
  let forwarded = 0;
  for (const comment of comments) {
    if (comment.public && !(await isOwnComment(ctx, issue.id, comment))) {
      await forward(ctx, issue, threadId, notice.ticketId, comment);
      forwarded += 1;
    }
    await ctx.repo.setCommentCursor(issue.id, comment.id);
  }
  const skipped = comments.length - forwarded;
  ctx.logger.info(
    { issueId: issue.id, ticketId: notice.ticketId, forwarded, skipped },
    'ticket comments handled',
  );
  return { outcome: 'comments-forwarded', issueId: issue.id, forwarded, skipped };
}

function forward(ctx: BotContext, issue: Issue, threadId: string, ticketId: string, comment: TicketComment) {
  return postOnce(ctx, {
    key: deliveryKeys.ticketToChat(comment.id),
    kind: 'ticket-to-chat',
    issueId: issue.id,
    sourceId: comment.id,
    channel: issue.channel,
    threadId,
    text: () =>
      ticketCommentMessage(comment.author.name ?? unknownTicketAuthor, comment.body, comment.attachments),
    // A comment longer than the platform allows is cut with a link to the whole ticket.
    overflowUrl: ctx.tickets.ticketUrl(ticketId),
  });
}
