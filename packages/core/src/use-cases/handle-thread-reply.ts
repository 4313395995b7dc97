import type { ChatEvent } from '../domain/chat-event.ts';
import type { Issue } from '../domain/issue.ts';
import { isDoneStatus } from '../domain/ticket-lifecycle.ts';
import { CoreError, isTicketClosed } from '../errors.ts';
import {
  alreadySolvedNotice,
  chatReplyComment,
  helpText,
  linkedFilesLine,
  resolvedConfirmation,
} from '../messages.ts';
import type { BotContext } from './bot-deps.ts';
import { chatAuthorName } from './chat-author.ts';
import { commentHash } from './comment-hash.ts';
import { deliverOnce } from './deliver-once.ts';
import { deliveryKeys, type MessageRef } from './delivery-keys.ts';
import { findWrittenComment } from './find-written-comment.ts';
import type { ChatOutcome } from './outcomes.ts';
import { replyCommand } from './reply-command.ts';
import { continuesDoneTicket, replyToDoneTicket } from './reply-to-done-ticket.ts';
import { post } from './sync-ticket-status.ts';
import { uploadChatFiles } from './upload-chat-files.ts';

/**
 * A reply in a thread: `help` lists the commands, `resolve` solves the ticket, anything else
 * becomes a public ticket comment. On a resolved issue a reply continues the ticket (reopen or
 * follow-up, see `replyToDoneTicket`) and `resolve` says it is already solved, unless this very
 * message was already being handled before the issue was resolved (a retry finishes it).
 */
export async function handleThreadReply(
  ctx: BotContext,
  event: ChatEvent,
  threadId: string,
): Promise<ChatOutcome> {
  const fields = { channel: event.channel, threadId, messageId: event.messageId };
  const found = await ctx.repo.findByThread({ platform: event.platform, channel: event.channel, threadId });
  if (found === undefined) {
    ctx.logger.info(fields, 'reply in an untracked thread ignored');
    return { outcome: 'ignored', reason: 'untracked-thread' };
  }
  const issue: ThreadIssue = { ...found, threadId };
  if (issue.ticketId === null) {
    // The opening message is still being handled; the job layer retries this one later.
    throw new CoreError('issue.ticket-pending', `issue ${issue.id} has no ticket yet`);
  }
  const ref: MessageRef = { platform: event.platform, channel: event.channel, messageId: event.messageId };
  const plain = await ctx.chat.toPlainText(event.text);
  const command = replyCommand(plain);
  if (command === 'help') {
    await post(ctx, issue, deliveryKeys.help(ref), () => helpText);
    return { outcome: 'help-sent', issueId: issue.id };
  }
  const key = command === 'resolve' ? deliveryKeys.resolve(ref) : deliveryKeys.chatToTicket(ref);
  if (issue.status === 'resolved') {
    const handled = (await ctx.repo.findDelivery(key)) !== undefined;
    if (command === 'resolve' && !handled) return replyToResolved(ctx, issue, ref, issue.ticketId);
    if (command !== 'resolve' && (!handled || (await continuesDoneTicket(ctx, issue, ref)))) {
      const comment = await replyComment(ctx, event, plain, issue.id);
      return replyToDoneTicket(ctx, { issue: { ...issue, ticketId: issue.ticketId }, ref, comment, key });
    }
  }
  return command === 'resolve'
    ? resolve(ctx, issue, ref, key, issue.ticketId)
    : addComment(ctx, event, issue, key, issue.ticketId, plain);
}

/** An issue found by its thread, so its thread id is known. */
type ThreadIssue = Issue & { readonly threadId: string };

async function resolve(
  ctx: BotContext,
  issue: ThreadIssue,
  ref: MessageRef,
  key: string,
  ticketId: string,
): Promise<ChatOutcome> {
  // Already solved in Zendesk (and not by an earlier run of this command): say so, change nothing there.
  if ((await ctx.repo.findDelivery(key)) === undefined) {
    const ticket = await ctx.tickets.getTicket(ticketId);
    if (ticket !== undefined && isDoneStatus(ticket.status)) {
      const answer = await replyToResolved(ctx, issue, ref, ticketId);
      // The bot's own record follows Zendesk's, as a status notice would have made it.
      const change = await ctx.tickets.lastStatusChange(ticketId);
      const now = ctx.clock.now();
      const at = change?.at ?? ticket.updatedAt ?? now;
      const sync = { ticketStatus: ticket.status, ticketUpdatedAt: ticket.updatedAt ?? now, syncedAt: now };
      await ctx.repo.applyTicketSync(issue.id, { ...sync, resolvedAt: at });
      return answer;
    }
  }
  await post(
    ctx,
    issue,
    key,
    () => resolvedConfirmation(ctx.tickets.ticketUrl(ticketId)),
    async () => {
      await ctx.tickets.solveTicket(ticketId);
      await ctx.repo.markResolved(issue.id, ctx.clock.now());
    },
  );
  ctx.logger.info({ issueId: issue.id, ticketId }, 'issue resolved from chat');
  return { outcome: 'resolved', issueId: issue.id, ticketId };
}

async function addComment(
  ctx: BotContext,
  event: ChatEvent,
  issue: ThreadIssue,
  key: string,
  ticketId: string,
  plain: string,
): Promise<ChatOutcome> {
  const comment = await replyComment(ctx, event, plain, issue.id);
  const contentHash = await commentHash(comment.body);
  try {
    const commentId = await deliverOnce(
      ctx,
      // The body's hash goes on record before the add, so the forwarder never echoes it back.
      { key, kind: 'chat-to-ticket', issueId: issue.id, sourceId: event.messageId, contentHash },
      {
        perform: async () => (await ctx.tickets.addComment(ticketId, comment)).id,
        find: () => findWrittenComment(ctx, ticketId, comment, 'chat-to-ticket'),
      },
    );
    return { outcome: 'comment-added', issueId: issue.id, ticketId, commentId };
  } catch (error) {
    // Closed on the ticketing side before the bot heard of it: the reply opens a follow-up.
    if (!isTicketClosed(error)) throw error;
    const ref: MessageRef = { platform: event.platform, channel: event.channel, messageId: event.messageId };
    return replyToDoneTicket(ctx, { issue: { ...issue, ticketId }, ref, comment, key });
  }
}

async function replyComment(ctx: BotContext, event: ChatEvent, plain: string, issueId: string) {
  const author = await chatAuthorName(ctx, event);
  const fileNames = event.files.map((file) => file.name);
  const ref: MessageRef = { platform: event.platform, channel: event.channel, messageId: event.messageId };
  const files = await uploadChatFiles(ctx, issueId, ref, event.files);
  const linked = files.linked.length === 0 ? '' : `\n\n${linkedFilesLine(files.linked)}`;
  return {
    body: chatReplyComment(author, plain.trim(), fileNames) + linked,
    public: true,
    ...(files.uploads.length > 0 && { uploads: files.uploads }),
  };
}

async function replyToResolved(ctx: BotContext, issue: ThreadIssue, ref: MessageRef, ticketId: string) {
  await post(ctx, issue, deliveryKeys.resolvedReply(ref), () =>
    alreadySolvedNotice(ctx.tickets.ticketUrl(ticketId)),
  );
  return { outcome: 'already-resolved', issueId: issue.id } as const;
}
