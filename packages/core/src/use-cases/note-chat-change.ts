import type { ChatEvent } from '../domain/chat-event.ts';
import type { Delivery } from '../domain/delivery.ts';
import { CoreError, isTicketClosed } from '../errors.ts';
import { chatDeleteNote, chatEditNote } from '../messages.ts';
import type { BotContext } from './bot-deps.ts';
import { chatAuthorName } from './chat-author.ts';
import { commentHash } from './comment-hash.ts';
import { deliverOnce } from './deliver-once.ts';
import { deliveryKeys, type MessageRef } from './delivery-keys.ts';
import { findWrittenComment } from './find-written-comment.ts';
import type { ChatOutcome } from './outcomes.ts';

/**
 * A chat message edited or deleted after it reached a ticket (as its opening message or as a
 * reply) adds an internal note to that ticket: ticket comments cannot be edited, and a public
 * comment would notify the requester. Once per edit (keyed on the change's event id) and once per
 * deletion. The message is found through the record of delivering it, so no thread is needed
 * (a deletion may not say which thread it was in).
 */
export async function noteChatChange(
  ctx: BotContext,
  event: ChatEvent,
  change: 'edit' | 'delete',
): Promise<ChatOutcome> {
  const ref: MessageRef = { platform: event.platform, channel: event.channel, messageId: event.messageId };
  const fields = { channel: event.channel, messageId: event.messageId, change };
  const original = await originalDelivery(ctx, ref);
  if (original === undefined || original.issueId === null) {
    ctx.logger.info(fields, 'change to a message that never reached a ticket ignored');
    return { outcome: 'ignored', reason: 'untracked-message' };
  }
  if (original.state !== 'done') {
    // The message itself is still being delivered; the job layer retries this change later.
    throw new CoreError('change.original-pending', `message ${event.messageId} is not on its ticket yet`);
  }
  const issue = await ctx.repo.findById(original.issueId);
  const ticketId = issue?.ticketId ?? null;
  if (issue === undefined || ticketId === null) {
    throw new CoreError('issue.ticket-pending', `issue ${original.issueId} has no ticket yet`);
  }
  const author = await chatAuthorName(ctx, event);
  const body =
    change === 'edit'
      ? chatEditNote(author, (await ctx.chat.toPlainText(event.text)).trim())
      : chatDeleteNote(author);
  const comment = { body, public: false };
  const key = change === 'edit' ? deliveryKeys.chatEdit(ref, event.eventId) : deliveryKeys.chatDelete(ref);
  const contentHash = await commentHash(body);
  try {
    const commentId = await deliverOnce(
      ctx,
      { key, kind: 'chat-to-ticket', issueId: issue.id, sourceId: event.messageId, contentHash },
      {
        perform: async () => (await ctx.tickets.addComment(ticketId, comment)).id,
        find: () => findWrittenComment(ctx, ticketId, comment, 'chat-to-ticket'),
      },
    );
    ctx.logger.info({ ...fields, issueId: issue.id, ticketId }, 'chat change noted on the ticket');
    return { outcome: 'change-noted', issueId: issue.id, ticketId, commentId };
  } catch (error) {
    if (!isTicketClosed(error)) throw error;
    ctx.logger.info({ ...fields, issueId: issue.id, ticketId }, 'chat change not noted: ticket closed');
    return { outcome: 'ignored', reason: 'ticket-closed' };
  }
}

async function originalDelivery(ctx: BotContext, ref: MessageRef): Promise<Delivery | undefined> {
  return (
    (await ctx.repo.findDelivery(deliveryKeys.chatToTicket(ref))) ??
    (await ctx.repo.findDelivery(deliveryKeys.ticket(ref)))
  );
}
