import type { ChatEvent, ChatFile } from '@zenslackchat/core';
import { z } from 'zod';

const optionalText = z.string().nullish();

const fileSchema = z.looseObject({
  id: optionalText,
  name: optionalText,
  title: optionalText,
  permalink: optionalText,
  url_private: optionalText,
  url_private_download: optionalText,
  mimetype: optionalText,
  size: z.unknown(),
});

const innerMessageSchema = z.looseObject({
  text: optionalText,
  user: optionalText,
  bot_id: optionalText,
  ts: optionalText,
  thread_ts: optionalText,
  files: z.array(fileSchema).nullish(),
  // Set on a message a person edited (https://docs.slack.dev/reference/events/message/message_changed/).
  edited: z.looseObject({ ts: optionalText }).nullish(),
});

/** A Slack `message` event as far as the bot reads it. */
export const messageEventSchema = innerMessageSchema.extend({
  type: z.literal('message'),
  channel: z.string().min(1),
  ts: z.string().min(1),
  subtype: optionalText,
  message: innerMessageSchema.nullish(),
  previous_message: innerMessageSchema.nullish(),
  deleted_ts: optionalText,
});

const messageEnvelopeSchema = z.looseObject({ event_id: z.string().min(1), event: messageEventSchema });

type InnerMessage = z.infer<typeof innerMessageSchema>;

const some = (value: string | null | undefined): string | undefined =>
  value === null || value === undefined || value === '' ? undefined : value;

function toFiles(files: InnerMessage['files']): ChatFile[] {
  return (files ?? []).map((file) => {
    const url = some(file.permalink) ?? some(file.url_private);
    const id = some(file.id);
    const downloadUrl = some(file.url_private_download);
    const mimeType = some(file.mimetype);
    return {
      name: some(file.name) ?? some(file.title) ?? id ?? 'file',
      ...(url ? { url } : {}),
      ...(id ? { id } : {}),
      ...(downloadUrl ? { downloadUrl } : {}),
      ...(typeof file.size === 'number' && Number.isSafeInteger(file.size) && file.size >= 0
        ? { size: file.size }
        : {}),
      ...(mimeType ? { mimeType } : {}),
    };
  });
}

/**
 * Normalises an `event_callback` payload carrying a `message` event into the core's chat event:
 * plain messages, thread replies (`thread_ts` ≠ `ts`), bot posts, file shares (text + files),
 * joins and other subtypes as they are. An edit (`message_changed`) is the edited message: its
 * own `ts`, thread, user and new text, `unchanged` when Slack re-sent it without `edited` or with
 * the same text (link previews, language detection). A deletion (`message_deleted`) is the
 * deleted message (`deleted_ts`), with user and thread from `previous_message` when Slack sends it.
 * Undefined when the payload is not a well-formed message event.
 */
export function normaliseSlackMessage(payload: unknown): ChatEvent | undefined {
  const parsed = messageEnvelopeSchema.safeParse(payload);
  return parsed.success ? toChatEvent(parsed.data.event_id, parsed.data.event) : undefined;
}

/**
 * `normaliseSlackMessage` for an envelope already checked (the events endpoint's): validates only
 * the inner `message` event, so the envelope is not parsed twice.
 */
export function normaliseMessageEvent(eventId: string, rawEvent: unknown): ChatEvent | undefined {
  const parsed = messageEventSchema.safeParse(rawEvent);
  return parsed.success ? toChatEvent(eventId, parsed.data) : undefined;
}

function toChatEvent(eventId: string, event: z.infer<typeof messageEventSchema>): ChatEvent {
  const source = sourceOf(event);
  const ownTs = some(source.ts) ?? event.ts;
  const threadTs = some(source.thread_ts);
  const userId = some(source.user);
  const botId = some(source.bot_id);
  const subtype = some(event.subtype);
  return {
    eventId,
    platform: 'slack',
    channel: event.channel,
    messageId: changedId(event) ?? event.ts,
    ...(threadTs !== undefined && threadTs !== ownTs ? { threadId: threadTs } : {}),
    ...(userId ? { userId } : {}),
    ...(botId ? { botId } : {}),
    ...(subtype ? { subtype } : {}),
    ...(subtype === 'message_changed' && isUnchanged(event) ? { unchanged: true } : {}),
    text: source.text ?? '',
    files: toFiles(source.files),
  };
}

type MessageEvent = z.infer<typeof messageEventSchema>;

// The message an edit or deletion is about; the event itself for everything else.
function sourceOf(event: MessageEvent): InnerMessage {
  if (event.subtype === 'message_changed' && event.message) return event.message;
  if (event.subtype === 'message_deleted' && event.previous_message) return event.previous_message;
  return event;
}

// https://docs.slack.dev/reference/events/message/message_changed/: look for `message.ts`;
// https://docs.slack.dev/reference/events/message/message_deleted/: `deleted_ts` is the message's.
function changedId(event: MessageEvent): string | undefined {
  if (event.subtype === 'message_changed') return some(event.message?.ts);
  if (event.subtype === 'message_deleted') return some(event.deleted_ts) ?? some(event.previous_message?.ts);
  return undefined;
}

function isUnchanged(event: MessageEvent): boolean {
  const edited = event.message?.edited;
  if (edited === null || edited === undefined) return true;
  const before = event.previous_message;
  return before !== null && before !== undefined && (before.text ?? '') === (event.message?.text ?? '');
}
