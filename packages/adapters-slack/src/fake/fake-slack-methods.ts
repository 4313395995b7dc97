import { checkFakeClient } from '@zenslackchat/adapter-kit';
import type { FakeMessage, FakeMetadata, FakeSlackState } from './fake-slack-state.ts';
import { compareTs, flag, timeRange } from './fake-slack-ts.ts';
import { userObject } from './fake-slack-users.ts';
import { cursorPage, messageObject, type SlackAnswer } from './fake-slack-wire.ts';

export type { SlackAnswer } from './fake-slack-wire.ts';
/** A method handler: request params in, answer body out. */
export type FakeMethod = (state: FakeSlackState, params: Readonly<Record<string, unknown>>) => SlackAnswer;

// Errors are HTTP 200 with `ok: false` and a code from the method's "Errors" table:
// https://api.slack.com/web#evaluating_responses
const fail = (error: string): SlackAnswer => ({ ok: false, error });
const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
const MAX_TEXT = 40_000;

function parseMetadata(value: unknown): FakeMetadata | undefined | 'invalid' {
  if (value === undefined) return undefined;
  try {
    const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
    const meta = parsed as Partial<FakeMetadata>;
    if (
      typeof meta.event_type !== 'string' ||
      typeof meta.event_payload !== 'object' ||
      meta.event_payload === null
    ) {
      return 'invalid';
    }
    return { event_type: meta.event_type, event_payload: meta.event_payload };
  } catch {
    return 'invalid';
  }
}

/** The Web API methods the fake speaks, in Slack's wire format. */
export const FAKE_METHODS: Readonly<Record<string, FakeMethod>> = {
  // https://api.slack.com/methods/auth.test — the example has ok, url, team, user, team_id,
  // user_id; bot tokens also get bot_id and is_enterprise_install (full mode only).
  'auth.test': (state) => ({
    ok: true,
    url: `https://${state.identity.teamDomain}.slack.com/`,
    team: state.identity.teamName,
    user: 'zenslackchat',
    team_id: state.identity.teamId,
    user_id: state.identity.botUserId,
    ...(state.identity.mode === 'full' ? { bot_id: state.identity.botId, is_enterprise_install: false } : {}),
  }),
  'chat.postMessage': (state, params) => {
    const channel = str(params.channel);
    if (channel === undefined || !state.hasChannel(channel)) return fail('channel_not_found');
    const text = typeof params.text === 'string' ? params.text : '';
    if (text === '' && params.blocks === undefined) return fail('no_text');
    if (text.length > MAX_TEXT) return fail('msg_too_long');
    const metadata = parseMetadata(params.metadata);
    if (metadata === 'invalid') return fail('invalid_metadata_format');
    const threadTs = str(params.thread_ts);
    const message: FakeMessage = {
      channel,
      ts: state.nextTs(),
      text,
      user: state.identity.botUserId,
      botId: state.identity.botId,
      ...(threadTs === undefined ? {} : { threadTs }),
      ...(metadata === undefined ? {} : { metadata }),
    };
    state.messages.push(message);
    // https://api.slack.com/methods/chat.postMessage — "Common successful response": ok, channel,
    // ts and the message as Slack parsed it.
    return {
      ok: true,
      channel,
      ts: message.ts,
      message: messageObject(state, message, { withMetadata: true }),
    };
  },
  'chat.update': (state, params) => {
    const channel = str(params.channel);
    if (channel === undefined || !state.hasChannel(channel)) return fail('channel_not_found');
    const index = state.messages.findIndex((m) => m.channel === channel && m.ts === params.ts);
    const found = state.messages[index];
    if (found === undefined) return fail('message_not_found');
    // "cant_update_message: Authenticated user does not have permission to update this message."
    if (found.botId !== state.identity.botId) return fail('cant_update_message');
    const text = typeof params.text === 'string' ? params.text : '';
    if (text === '' && params.blocks === undefined) return fail('no_text');
    if (text.length > MAX_TEXT) return fail('msg_too_long');
    const updated: FakeMessage = { ...found, text };
    state.messages[index] = updated;
    // https://api.slack.com/methods/chat.update — "Typical success response": ok, channel, ts,
    // text and the message as updated.
    return {
      ok: true,
      channel,
      ts: updated.ts,
      text,
      message: messageObject(state, updated, { withMetadata: true }),
    };
  },
  // https://api.slack.com/methods/users.info — `{ ok, user }`; the user's shape is in userObject.
  'users.info': (state, params) => {
    const user = state.users.get(String(params.user ?? ''));
    if (user === undefined) return fail('user_not_found');
    return { ok: true, user: userObject(user, state.identity.teamId, state.identity.mode) };
  },
  'chat.getPermalink': (state, params) => {
    const channel = String(params.channel ?? '');
    if (!state.hasChannel(channel)) return fail('channel_not_found');
    const message = state.messages.find((m) => m.channel === channel && m.ts === params.message_ts);
    if (message === undefined) return fail('message_not_found');
    const base = `https://${state.identity.teamDomain}.slack.com/archives/${channel}/p${message.ts.replace('.', '')}`;
    const thread = message.threadTs === undefined ? '' : `?thread_ts=${message.threadTs}&cid=${channel}`;
    // https://api.slack.com/methods/chat.getPermalink — `{ ok, channel, permalink }`.
    return { ok: true, channel, permalink: `${base}${thread}` };
  },
  'conversations.replies': (state, params) => {
    const channel = String(params.channel ?? '');
    if (!state.hasChannel(channel)) return fail('channel_not_found');
    const ts = String(params.ts ?? '');
    const thread = state.messages.filter((m) => m.channel === channel && (m.ts === ts || m.threadTs === ts));
    if (thread.length === 0) return fail('thread_not_found');
    const sorted = [...thread].sort((a, b) => a.ts.localeCompare(b.ts));
    const withMetadata = flag(params.include_all_metadata);
    // https://api.slack.com/methods/conversations.replies — the parent first, then the replies,
    // oldest first; `has_more` and `response_metadata.next_cursor` page through them.
    return cursorPage(
      state.identity.mode,
      sorted.map((m) => messageObject(state, m, { withMetadata })),
      params,
    );
  },
  // https://api.slack.com/methods/conversations.history — top-level messages newest first; with
  // `oldest` and no `latest` the pages start at the oldest end ("those closest to oldest").
  // Full answers add pin_count, channel_actions_ts and channel_actions_count.
  'conversations.history': (state, params) => {
    const channel = String(params.channel ?? '');
    if (!state.hasChannel(channel)) return fail('channel_not_found');
    const range = timeRange(params);
    if (range === 'invalid') return fail('invalid_ts_oldest');
    const top = state.messages.filter(
      (m) => m.channel === channel && (m.threadTs === undefined || m.threadTs === m.ts) && range(m.ts),
    );
    const fromOldest = params.oldest !== undefined && params.latest === undefined;
    const sorted = [...top].sort((a, b) => (fromOldest ? compareTs(a.ts, b.ts) : compareTs(b.ts, a.ts)));
    const withMetadata = flag(params.include_all_metadata);
    return cursorPage(
      state.identity.mode,
      sorted.map((m) => messageObject(state, m, { withMetadata })),
      params,
      { pin_count: 0, channel_actions_ts: null, channel_actions_count: 0 },
    );
  },
  'oauth.v2.access': (state, params) => {
    const client = checkFakeClient(state.identity, params.client_id, params.client_secret);
    if (client === 'unknown-client') return fail('invalid_client_id');
    if (client === 'wrong-secret') return fail('bad_client_secret');
    const code = String(params.code ?? '');
    const issued = state.codes.get(code);
    if (issued === undefined) return fail('invalid_code');
    state.codes.delete(code);
    if (params.redirect_uri !== undefined && params.redirect_uri !== issued.redirectUri)
      return fail('bad_redirect_uri');
    const token = state.nextId('xoxb-fake-');
    state.tokens.add(token);
    // https://api.slack.com/methods/oauth.v2.access — the documented example's fields; the
    // installer's own token is left out because the fake never grants user scopes. Minimal: no
    // `enterprise` (a workspace install has none) and no `is_enterprise_install` (not in the example).
    return {
      ok: true,
      app_id: state.identity.appId,
      authed_user: { id: 'U0INSTALLER' },
      scope: issued.scopes,
      token_type: 'bot',
      access_token: token,
      bot_user_id: state.identity.botUserId,
      team: { id: state.identity.teamId, name: state.identity.teamName },
      ...(state.identity.mode === 'full' ? { enterprise: null, is_enterprise_install: false } : {}),
    };
  },
};

/** Methods callable without a bearer token (they authenticate the app by client id and secret). */
export const TOKENLESS_METHODS: ReadonlySet<string> = new Set(['oauth.v2.access']);
