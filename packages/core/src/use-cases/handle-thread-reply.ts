import type { ChatEvent } from '../domain/chat-event.ts';
import type { Issue } from '../domain/issue.ts';
import { CoreError, isTicketClosed } from '../errors.ts';
import { alreadyResolvedNotice, chatReplyComment, helpText, resolvedConfirmation } from '../messages.ts';
import type { BotContext } from './bot-deps.ts';
import { chatAuthorName } from './chat-author.ts';
import { commentHash } from './comment-hash.ts';
import { deliverOnce } from './deliver-once.ts';
import { deliveryKeys, type MessageRef } from './delivery-keys.ts';
import { findWrittenComment } from './find-written-comment.ts';
import type { ChatOutcome } from './outcomes.ts';
import { postOnce } from './post-once.ts';
import { replyCommand } from './reply-command.ts';

/**
 * A reply in a thread: `help` lists the commands, `resolve` solves the ticket, anything else
 * becomes a public ticket comment. A reply to a resolved issue gets a notice instead, unless this
 * very message was already being handled before the issue was resolved (a retry finishes it).
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
  if (issue.status === 'resolved' && (await ctx.repo.findDelivery(key)) === undefined) {
    return replyToResolved(ctx, issue, ref, issue.ticketId);
  }
  return command === 'resolve'
    ? resolve(ctx, issue, key, issue.ticketId)
    : addComment(ctx, event, issue, key, issue.ticketId, plain);
}

/** An issue found by its thread, so its thread id is known. */
type ThreadIssue = Issue & { readonly threadId: string };

async function resolve(
  ctx: BotContext,
  issue: ThreadIssue,
  key: string,
  ticketId: string,
): Promise<ChatOutcome> {
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
  const author = await chatAuthorName(ctx, event);
  const fileNames = event.files.map((file) => file.name);
  const comment = { body: chatReplyComment(author, plain.trim(), fileNames), public: true };
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
    // Only a ticket the adapter confirmed closed means "resolved"; any other failure changes nothing.
    if (!isTicketClosed(error)) throw error;
    await ctx.repo.markResolved(issue.id, ctx.clock.now());
    const ref: MessageRef = { platform: event.platform, channel: event.channel, messageId: event.messageId };
    return replyToResolved(ctx, issue, ref, ticketId);
  }
}

async function replyToResolved(ctx: BotContext, issue: ThreadIssue, ref: MessageRef, ticketId: string) {
  await post(ctx, issue, deliveryKeys.resolvedReply(ref), () =>
    alreadyResolvedNotice(ctx.tickets.ticketUrl(ticketId)),
  );
  return { outcome: 'already-resolved', issueId: issue.id } as const;
}

function post(
  ctx: BotContext,
  issue: ThreadIssue,
  key: string,
  text: () => string,
  before?: () => Promise<void>,
) {
  return postOnce(ctx, {
    key,
    kind: 'bot-message',
    issueId: issue.id,
    channel: issue.channel,
    threadId: issue.threadId,
    text,
    ...(before !== undefined && { before }),
  });
}
