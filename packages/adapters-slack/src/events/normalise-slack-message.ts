import type { ChatEvent, ChatFile } from '@zenslackchat/core';
import { z } from 'zod';

const optionalText = z.string().nullish();

const fileSchema = z.looseObject({
  id: optionalText,
  name: optionalText,
  title: optionalText,
  permalink: optionalText,
  url_private: optionalText,
});

const innerMessageSchema = z.looseObject({
  text: optionalText,
  user: optionalText,
  bot_id: optionalText,
  ts: optionalText,
  thread_ts: optionalText,
  files: z.array(fileSchema).nullish(),
});

/** A Slack `message` event as far as the bot reads it. */
export const messageEventSchema = innerMessageSchema.extend({
  type: z.literal('message'),
  channel: z.string().min(1),
  ts: z.string().min(1),
  subtype: optionalText,
  message: innerMessageSchema.nullish(),
});

const messageEnvelopeSchema = z.looseObject({ event_id: z.string().min(1), event: messageEventSchema });

type InnerMessage = z.infer<typeof innerMessageSchema>;

const some = (value: string | null | undefined): string | undefined =>
  value === null || value === undefined || value === '' ? undefined : value;

function toFiles(files: InnerMessage['files']): ChatFile[] {
  return (files ?? []).map((file) => {
    const url = some(file.permalink) ?? some(file.url_private);
    return { name: some(file.name) ?? some(file.title) ?? some(file.id) ?? 'file', ...(url ? { url } : {}) };
  });
}

/**
 * Normalises an `event_callback` payload carrying a `message` event into the core's chat event:
 * plain messages, thread replies (`thread_ts` ≠ `ts`), bot posts, file shares (text + files),
 * joins and other subtypes as they are. For `message_changed` the edited message supplies text,
 * user and thread while channel and id are the event's own (the core ignores edits by subtype).
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
  const source: InnerMessage = event.subtype === 'message_changed' && event.message ? event.message : event;
  const ownTs = some(source.ts) ?? event.ts;
  const threadTs = some(source.thread_ts);
  const userId = some(source.user);
  const botId = some(source.bot_id);
  const subtype = some(event.subtype);
  return {
    eventId,
    platform: 'slack',
    channel: event.channel,
    messageId: event.ts,
    ...(threadTs !== undefined && threadTs !== ownTs ? { threadId: threadTs } : {}),
    ...(userId ? { userId } : {}),
    ...(botId ? { botId } : {}),
    ...(subtype ? { subtype } : {}),
    text: source.text ?? '',
    files: toFiles(source.files),
  };
}
