import type { TicketCommentNotice } from '../domain/notices.ts';
import type { TicketState } from '../domain/ticket-lifecycle.ts';
import type { BotContext } from './bot-deps.ts';
import { forwardTicketComments } from './forward-ticket-comments.ts';
import type { CommentsOutcome } from './outcomes.ts';
import { syncTicketStatus } from './sync-ticket-status.ts';
import { untrackedTicket } from './untracked-ticket.ts';

/**
 * Every ticket notice means "this ticket changed": read its state, forward its new comments, then
 * apply its status. The state is read first and recorded last, so a comment that arrives in
 * between leaves the ticket newer than the recorded sync and the next sweep looks again.
 * `state` is given by the sweep, which read it in bulk (null: absent from that read); a webhook
 * reads it here (one call).
 */
export async function handleTicketNotice(
  ctx: BotContext,
  notice: TicketCommentNotice,
  state?: TicketState | null,
): Promise<CommentsOutcome> {
  const issue = await ctx.repo.findByTicket(notice.ticketId);
  if (issue === undefined) return untrackedTicket(ctx, notice);
  const read =
    state === undefined ? (await ctx.tickets.getTicketStates([notice.ticketId]))[0] : (state ?? undefined);
  // A ticket absent from the read may be deleted: its comments cannot be listed any more.
  const comments = read === undefined ? undefined : await forwardTicketComments(ctx, notice);
  const fresh = (await ctx.repo.findById(issue.id)) ?? issue;
  const status = await syncTicketStatus(ctx, fresh, read);
  const forwarded = comments?.outcome === 'comments-forwarded' ? comments.forwarded : 0;
  const skipped = comments?.outcome === 'comments-forwarded' ? comments.skipped : 0;
  return { outcome: 'comments-forwarded', issueId: issue.id, forwarded, skipped, status };
}
