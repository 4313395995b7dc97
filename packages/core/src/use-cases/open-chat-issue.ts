import type { ChatEvent } from '../domain/chat-event.ts';
import {
  chatAuthorLine,
  filesOnlySubject,
  linkedFilesLine,
  ticketConfirmation,
  ticketDescription,
  untitledSubject,
} from '../messages.ts';
import type { BotContext } from './bot-deps.ts';
import { chatAuthorName, chatRequester } from './chat-author.ts';
import { deliveryKeys, externalIdOf, type MessageRef, threadOf } from './delivery-keys.ts';
import { leaseDelivery, releaseLease, whileLeased } from './delivery-lease.ts';
import type { ChatOutcome } from './outcomes.ts';
import { postOnCallNotice } from './post-on-call-notice.ts';
import { postOnce } from './post-once.ts';
import { ticketSubject } from './ticket-subject.ts';
import { uploadChatFiles } from './upload-chat-files.ts';

/**
 * A top-level chat message opens an issue: claim the thread, create its ticket (idempotent on
 * the message's key), record it, confirm in the thread with the ticket link, then name who is on
 * call. Every step is skipped on a re-run once done, so a retry finishes a half-done run.
 */
export async function openChatIssue(ctx: BotContext, event: ChatEvent): Promise<ChatOutcome> {
  const ref: MessageRef = { platform: event.platform, channel: event.channel, messageId: event.messageId };
  const { issue, created } = await ctx.repo.claimThread({ ...threadOf(ref), openedAt: ctx.clock.now() });
  const ticketId = issue.ticketId ?? (await createTicket(ctx, event, ref, issue.id));
  await postOnce(ctx, {
    key: deliveryKeys.confirm(issue.id),
    kind: 'bot-message',
    issueId: issue.id,
    channel: event.channel,
    threadId: event.messageId,
    text: () => ticketConfirmation(ctx.tickets.ticketUrl(ticketId)),
  });
  await postOnCallNotice(ctx, {
    issueId: issue.id,
    channel: event.channel,
    threadId: event.messageId,
    newIssue: created,
  });
  ctx.logger.info({ issueId: issue.id, ticketId, channel: event.channel }, 'chat issue opened');
  return { outcome: 'ticket-created', issueId: issue.id, ticketId };
}

async function createTicket(ctx: BotContext, event: ChatEvent, ref: MessageRef, issueId: string) {
  const { chat, settings } = ctx;
  const plain = await chat.toPlainText(event.text);
  const permalink = await chat.permalink(event.channel, event.messageId);
  const fileNames = event.files.map((file) => file.name);
  const requester = await chatRequester(ctx, event);
  // A stand-in requester: the description says who really asked, as the chat shows them.
  const byLine = requester.isAuthor ? '' : `${chatAuthorLine(await chatAuthorName(ctx, event))}\n\n`;
  const files = await uploadChatFiles(ctx, issueId, ref, event.files);
  const linked = files.linked.length === 0 ? '' : `\n\n${linkedFilesLine(files.linked)}`;
  const key = deliveryKeys.ticket(ref);
  const leased = await leaseDelivery(ctx, { key, kind: 'ticket', issueId, sourceId: event.messageId });
  if (leased.done) return leased.targetId;
  try {
    const ticket = await whileLeased(ctx, key, leased.owner, () =>
      ctx.tickets.createTicket({
        idempotencyKey: key,
        subject:
          ticketSubject(plain) || (fileNames.length > 0 ? filesOnlySubject(fileNames) : untitledSubject),
        description: byLine + ticketDescription(plain.trim(), fileNames, permalink) + linked,
        externalId: externalIdOf(ref),
        ...(settings.ticketGroupId !== undefined && { groupId: settings.ticketGroupId }),
        ...(settings.ticketAssigneeId !== undefined && { assigneeId: settings.ticketAssigneeId }),
        ...(requester.person !== undefined && { requester: requester.person }),
        ...(files.uploads.length > 0 && { uploads: files.uploads }),
      }),
    );
    await ctx.repo.recordCreatedTicket({
      issueId,
      ticketId: ticket.id,
      summary: ticket.subject,
      commentCursor: ticket.firstCommentId,
      deliveryKey: key,
      owner: leased.owner,
    });
    return ticket.id;
  } catch (error) {
    await releaseLease(ctx, key, leased.owner);
    throw error;
  }
}
