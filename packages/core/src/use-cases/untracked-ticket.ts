import type { TicketCommentNotice } from '../domain/notices.ts';
import { CoreError } from '../errors.ts';
import type { BotContext } from './bot-deps.ts';
import { emailNoticeSource } from './delivery-keys.ts';
import type { CommentsOutcome } from './outcomes.ts';

/**
 * A comment notice for a ticket the bot does not track. When an email notice for the ticket was
 * received, the email flow is about to record it: this throws `issue.ticket-untracked`
 * (retryable), so the job layer keeps the notice and retries it (dead-lettered with a log line if
 * the flow never records the ticket within the retry budget). Any other ticket is not the bot's:
 * the notice is dropped with a log line.
 */
export async function untrackedTicket(
  ctx: BotContext,
  notice: TicketCommentNotice,
): Promise<CommentsOutcome> {
  const { ticketId } = notice;
  if (await ctx.repo.hasInboundEvent(emailNoticeSource(ctx.tickets.system), ticketId)) {
    throw new CoreError('issue.ticket-untracked', `ticket ${ticketId} is not recorded yet by its email flow`);
  }
  ctx.logger.info({ ticketId }, 'comment notice for an untracked ticket dropped');
  return { outcome: 'ignored', reason: 'unknown-ticket' };
}
