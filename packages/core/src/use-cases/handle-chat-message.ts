import type { ChatEvent } from '../domain/chat-event.ts';
import type { BotContext } from './bot-deps.ts';
import { classifyChatEvent } from './classify-chat-event.ts';
import { handleThreadReply } from './handle-thread-reply.ts';
import { noteChatChange } from './note-chat-change.ts';
import { openChatIssue } from './open-chat-issue.ts';
import type { ChatOutcome } from './outcomes.ts';

/**
 * A chat message from the platform: top-level messages open issues, replies in tracked threads
 * are commands or ticket comments, edits and deletions of what reached a ticket become internal
 * notes, everything else is ignored. Safe to run again with the same
 * event: nothing is created, posted or commented twice.
 */
export async function handleChatMessage(ctx: BotContext, event: ChatEvent): Promise<ChatOutcome> {
  const fields = { eventId: event.eventId, channel: event.channel, messageId: event.messageId };
  if (event.channel === ctx.settings.supportChannel && !ctx.settings.processingEnabled) {
    ctx.logger.warn(fields, 'processing disabled; chat message ignored');
    return { outcome: 'ignored', reason: 'processing-disabled' };
  }
  const kind = classifyChatEvent(event, ctx.settings, await ctx.identity());
  switch (kind.kind) {
    case 'ignored':
      ctx.logger.debug({ ...fields, reason: kind.reason, subtype: event.subtype }, 'chat message ignored');
      return { outcome: 'ignored', reason: kind.reason };
    case 'top-level':
      return openChatIssue(ctx, event);
    case 'reply':
      return handleThreadReply(ctx, event, kind.threadId);
    case 'change':
      return noteChatChange(ctx, event, kind.change);
  }
}
