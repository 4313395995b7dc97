import type { Issue } from '../domain/issue.ts';
import type { TicketComment } from '../domain/ticket.ts';
import { ticketCommentMessage, unknownTicketAuthor } from '../messages.ts';
import type { BotContext } from './bot-deps.ts';
import { deliveryKeys } from './delivery-keys.ts';
import { isOwnComment } from './is-own-comment.ts';
import { postOnce } from './post-once.ts';
import { shareTicketFiles } from './share-ticket-files.ts';

/** What forwarding a ticket's new comments did. */
export interface ForwardCount {
  readonly forwarded: number;
  readonly skipped: number;
}

/**
 * Forwards a ticket's new comments (read from the issue's cursor, oldest first) to its chat
 * thread, each exactly once and in order: internal notes and the bot's own comments (also those
 * still being written: `isOwnComment`) skipped, the cursor advanced after each. Comments of
 * resolved issues are still forwarded.
 */
export async function forwardComments(
  ctx: BotContext,
  issue: Issue & { readonly threadId: string; readonly ticketId: string },
  comments: readonly TicketComment[],
): Promise<ForwardCount> {
  let forwarded = 0;
  for (const comment of comments) {
    if (comment.public && !(await isOwnComment(ctx, issue.id, comment))) {
      await forward(ctx, issue, issue.threadId, issue.ticketId, comment);
      forwarded += 1;
    }
    await ctx.repo.setCommentCursor(issue.id, comment.id);
  }
  const skipped = comments.length - forwarded;
  ctx.logger.info(
    { issueId: issue.id, ticketId: issue.ticketId, forwarded, skipped },
    'ticket comments handled',
  );
  return { forwarded, skipped };
}

/**
 * Posts one public comment in the thread: its files first (`shareTicketFiles`: copied into the
 * thread, or linked), then the comment naming them, with links only for those not copied. A
 * comment already posted is left alone, so a retry never copies a file its message links.
 */
async function forward(
  ctx: BotContext,
  issue: Issue,
  threadId: string,
  ticketId: string,
  comment: TicketComment,
): Promise<void> {
  const key = deliveryKeys.ticketToChat(comment.id);
  if ((await ctx.repo.findDelivery(key))?.state === 'done') return;
  const files = await shareTicketFiles(ctx, { issueId: issue.id, channel: issue.channel, threadId }, comment);
  await postOnce(ctx, {
    key,
    kind: 'ticket-to-chat',
    issueId: issue.id,
    sourceId: comment.id,
    channel: issue.channel,
    threadId,
    text: () => ticketCommentMessage(comment.author.name ?? unknownTicketAuthor, comment.body, files),
    // A comment longer than the platform allows is cut with a link to the whole ticket.
    overflowUrl: ctx.tickets.ticketUrl(ticketId),
  });
}
