import type { FakeMessage, FakeSlackMode, FakeSlackState } from './fake-slack-state.ts';

/** A Web API answer body. */
export type SlackAnswer = Readonly<Record<string, unknown>> & { readonly ok: boolean };

/**
 * A message object as conversations.history / conversations.replies list it and chat.postMessage
 * echoes it. Full: the fields of the documented examples (type, user, text, ts, thread_ts,
 * parent_user_id or reply_count, bot_id for the bot's posts). Minimal: `type`, `text`, `ts` (the
 * only fields every example has), plus `thread_ts` for thread messages and the `metadata` the
 * caller asked for with include_all_metadata.
 * https://api.slack.com/methods/conversations.history, https://api.slack.com/methods/conversations.replies
 */
export function messageObject(
  state: FakeSlackState,
  message: FakeMessage,
  options: { readonly withMetadata: boolean },
): Record<string, unknown> {
  const full = state.identity.mode === 'full';
  const replies = full ? state.messages.filter((m) => m.threadTs === message.ts && m.ts !== message.ts) : [];
  const parent =
    full && message.threadTs !== undefined
      ? state.messages.find((m) => m.ts === message.threadTs && m.channel === message.channel)
      : undefined;
  return {
    type: 'message',
    text: message.text,
    ts: message.ts,
    ...(full ? { user: message.user } : {}),
    ...(full && message.botId !== undefined ? { bot_id: message.botId, app_id: state.identity.appId } : {}),
    ...(full ? { team: state.identity.teamId } : {}),
    ...(message.threadTs === undefined ? {} : { thread_ts: message.threadTs }),
    ...(parent === undefined ? {} : { parent_user_id: parent.user }),
    ...(replies.length === 0 ? {} : { thread_ts: message.ts, reply_count: replies.length }),
    ...(options.withMetadata && message.metadata ? { metadata: message.metadata } : {}),
  };
}

/**
 * One page of a cursor-paginated list (https://api.slack.com/apis/pagination): `next_cursor` is
 * opaque and empty on the last page. Full answers carry every documented top-level field of the
 * method (`extra`); minimal ones keep `ok`, the list and `has_more` (history's example always has
 * it), and `response_metadata` only while there is a next page.
 */
export function cursorPage(
  mode: FakeSlackMode,
  items: readonly Record<string, unknown>[],
  params: Readonly<Record<string, unknown>>,
  extra: Readonly<Record<string, unknown>> = {},
): SlackAnswer {
  const limit = Math.min(Math.max(Number(params.limit) || 100, 1), 999);
  const cursor = typeof params.cursor === 'string' && params.cursor !== '' ? params.cursor : undefined;
  const offset = cursor
    ? Number(
        Buffer.from(cursor, 'base64url')
          .toString()
          .replace(/^next:/, ''),
      ) || 0
    : 0;
  const slice = items.slice(offset, offset + limit);
  const more = offset + limit < items.length;
  const next = more ? Buffer.from(`next:${offset + limit}`).toString('base64url') : '';
  if (mode === 'minimal')
    return {
      ok: true,
      messages: slice,
      has_more: more,
      ...(more ? { response_metadata: { next_cursor: next } } : {}),
    };
  return { ok: true, messages: slice, has_more: more, ...extra, response_metadata: { next_cursor: next } };
}
