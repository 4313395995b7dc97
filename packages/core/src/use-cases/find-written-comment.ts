import type { DeliveryKind } from '../domain/delivery.ts';
import type { NewComment } from '../domain/ticket.ts';
import type { BotDeps } from './bot-deps.ts';

/**
 * Finds a comment an earlier, unrecorded attempt wrote: same body and visibility, and not yet the
 * target of any delivery of `kind` (so an identical earlier reply is not mistaken for it). Lists
 * the whole ticket, so it is only for retries of a delivery that may have half-happened.
 */
export async function findWrittenComment(
  deps: Pick<BotDeps, 'tickets' | 'repo'>,
  ticketId: string,
  comment: NewComment,
  kind: Extract<DeliveryKind, 'chat-to-ticket' | 'bot-comment'>,
): Promise<string | undefined> {
  const comments = await deps.tickets.listCommentsAfter(ticketId, null);
  for (const candidate of comments) {
    if (candidate.public !== comment.public || candidate.body !== comment.body) continue;
    if ((await deps.repo.findDeliveryByTarget(kind, candidate.id)) === undefined) return candidate.id;
  }
  return undefined;
}
