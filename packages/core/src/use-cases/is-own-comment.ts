import type { TicketComment } from '../domain/ticket.ts';
import type { BotContext } from './bot-deps.ts';
import { commentHash } from './comment-hash.ts';

/**
 * True when the bot wrote `comment` (so it must never be forwarded back to chat): its author is
 * the bot's ticket identity, or a delivery of the issue is writing that body right now (pending,
 * recorded with the body's hash before the add), or a chat reply or bot comment delivery produced
 * it. The pending check comes first: a delivery only goes from pending to done, and it was begun
 * before its comment existed, so one of the two checks sees it whatever completes in between.
 */
export async function isOwnComment(
  ctx: BotContext,
  issueId: string,
  comment: TicketComment,
): Promise<boolean> {
  const own = await ctx.ticketIdentity();
  if (own !== undefined && comment.author.id === own) return true;
  if ((await ctx.repo.findPendingByContent(issueId, await commentHash(comment.body))) !== undefined) {
    return true;
  }
  if ((await ctx.repo.findDeliveryByTarget('chat-to-ticket', comment.id)) !== undefined) return true;
  return (await ctx.repo.findDeliveryByTarget('bot-comment', comment.id)) !== undefined;
}
