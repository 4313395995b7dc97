import type { ChatEvent, ChatIdentity } from '../domain/chat-event.ts';
import type { BotSettings } from '../settings.ts';
import type { ChatIgnoreReason } from './outcomes.ts';

/**
 * Subtypes that carry a new message: a file share, a reply also shown in the channel, and a bot
 * post (then subject to the allowed-bot rule). Edits and deletions are changes (see
 * `CHANGE_SUBTYPES`); every other subtype (joins, topic changes, pins...) is ignored.
 */
export const HANDLED_SUBTYPES = ['file_share', 'thread_broadcast', 'bot_message'] as const;

/** Subtypes of a change to an earlier message, the same names on every platform. */
export const CHANGE_SUBTYPES = ['message_changed', 'message_deleted'] as const;

/** How a chat message is to be handled. */
export type ChatEventKind =
  | { readonly kind: 'top-level' }
  | { readonly kind: 'change'; readonly change: 'edit' | 'delete' }
  | { readonly kind: 'reply'; readonly threadId: string }
  | { readonly kind: 'ignored'; readonly reason: ChatIgnoreReason };

/** Decides whether and how a chat message is handled; pure apart from its inputs. */
export function classifyChatEvent(
  event: ChatEvent,
  settings: BotSettings,
  self: ChatIdentity,
): ChatEventKind {
  if (event.channel !== settings.supportChannel) return ignored('other-channel');
  if (event.subtype === 'message_changed' || event.subtype === 'message_deleted') {
    if (isOwnMessage(event, self)) return ignored('own-message');
    if (event.subtype === 'message_changed' && event.unchanged === true) return ignored('subtype');
    return { kind: 'change', change: event.subtype === 'message_changed' ? 'edit' : 'delete' };
  }
  if (event.subtype !== undefined && !(HANDLED_SUBTYPES as readonly string[]).includes(event.subtype)) {
    return ignored('subtype');
  }
  if (isOwnMessage(event, self)) return ignored('own-message');
  const isBot = event.botId !== undefined || event.subtype === 'bot_message';
  if (isBot && (event.botId === undefined || !settings.allowedBotIds.includes(event.botId))) {
    return ignored('bot-not-allowed');
  }
  if (event.text.trim() === '' && event.files.length === 0) return ignored('empty');
  if (event.threadId !== undefined && event.threadId !== event.messageId) {
    return { kind: 'reply', threadId: event.threadId };
  }
  return { kind: 'top-level' };
}

/** True when the bot itself posted `event` (its user or bot id); such events are never handled. */
export function isOwnMessage(event: ChatEvent, self: ChatIdentity): boolean {
  if (event.userId !== undefined && event.userId === self.userId) return true;
  return event.botId !== undefined && self.botId !== undefined && event.botId === self.botId;
}

function ignored(reason: ChatIgnoreReason): ChatEventKind {
  return { kind: 'ignored', reason };
}
