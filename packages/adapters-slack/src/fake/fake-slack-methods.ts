import type { FakeMessage, FakeMetadata, FakeSlackState } from './fake-slack-state.ts';

/** A Web API answer body. */
export type SlackAnswer = Readonly<Record<string, unknown>> & { readonly ok: boolean };
/** A method handler: request params in, answer body out. */
export type FakeMethod = (state: FakeSlackState, params: Readonly<Record<string, unknown>>) => SlackAnswer;

const fail = (error: string): SlackAnswer => ({ ok: false, error });
const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
const flag = (value: unknown): boolean => value === true || value === 'true' || value === '1' || value === 1;
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

function wire(message: FakeMessage, withMetadata: boolean): Record<string, unknown> {
  return {
    type: 'message',
    text: message.text,
    user: message.user,
    ts: message.ts,
    ...(message.botId === undefined ? {} : { bot_id: message.botId }),
    ...(message.threadTs === undefined ? {} : { thread_ts: message.threadTs }),
    ...(withMetadata && message.metadata ? { metadata: message.metadata } : {}),
  };
}

function page(
  items: readonly Record<string, unknown>[],
  params: Readonly<Record<string, unknown>>,
): SlackAnswer {
  const limit = Math.min(Math.max(Number(params.limit) || 100, 1), 1000);
  const offset = str(params.cursor)
    ? Number(Buffer.from(String(params.cursor), 'base64url').toString()) || 0
    : 0;
  const slice = items.slice(offset, offset + limit);
  const next = offset + limit < items.length ? Buffer.from(String(offset + limit)).toString('base64url') : '';
  return { ok: true, messages: slice, has_more: next !== '', response_metadata: { next_cursor: next } };
}

/** The Web API methods the fake speaks, in Slack's wire format. */
export const FAKE_METHODS: Readonly<Record<string, FakeMethod>> = {
  'auth.test': (state) => ({
    ok: true,
    url: `https://${state.identity.teamDomain}.slack.com/`,
    team: state.identity.teamName,
    user: 'zenslackchat',
    team_id: state.identity.teamId,
    user_id: state.identity.botUserId,
    bot_id: state.identity.botId,
    is_enterprise_install: false,
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
    return { ok: true, channel, ts: message.ts, message: wire(message, true) };
  },
  'users.info': (state, params) => {
    const user = state.users.get(String(params.user ?? ''));
    if (user === undefined) return fail('user_not_found');
    const profile = {
      display_name: user.name ?? '',
      real_name: user.name ?? '',
      ...(user.email === undefined ? {} : { email: user.email }),
    };
    const handle = (user.name ?? user.id).toLowerCase().replace(/\s+/g, '.');
    return {
      ok: true,
      user: { id: user.id, team_id: state.identity.teamId, name: handle, real_name: user.name, profile },
    };
  },
  'chat.getPermalink': (state, params) => {
    const channel = String(params.channel ?? '');
    if (!state.hasChannel(channel)) return fail('channel_not_found');
    const message = state.messages.find((m) => m.channel === channel && m.ts === params.message_ts);
    if (message === undefined) return fail('message_not_found');
    const base = `https://${state.identity.teamDomain}.slack.com/archives/${channel}/p${message.ts.replace('.', '')}`;
    const thread = message.threadTs === undefined ? '' : `?thread_ts=${message.threadTs}&cid=${channel}`;
    return { ok: true, channel, permalink: `${base}${thread}` };
  },
  'conversations.replies': (state, params) => {
    const channel = String(params.channel ?? '');
    if (!state.hasChannel(channel)) return fail('channel_not_found');
    const ts = String(params.ts ?? '');
    const thread = state.messages.filter((m) => m.channel === channel && (m.ts === ts || m.threadTs === ts));
    if (thread.length === 0) return fail('thread_not_found');
    const sorted = [...thread].sort((a, b) => a.ts.localeCompare(b.ts));
    return page(
      sorted.map((m) => wire(m, flag(params.include_all_metadata))),
      params,
    );
  },
  'conversations.history': (state, params) => {
    const channel = String(params.channel ?? '');
    if (!state.hasChannel(channel)) return fail('channel_not_found');
    const top = state.messages.filter(
      (m) => m.channel === channel && (m.threadTs === undefined || m.threadTs === m.ts),
    );
    const newestFirst = [...top].sort((a, b) => b.ts.localeCompare(a.ts));
    return page(
      newestFirst.map((m) => wire(m, flag(params.include_all_metadata))),
      params,
    );
  },
  'oauth.v2.access': (state, params) => {
    if (params.client_id !== state.identity.clientId) return fail('invalid_client_id');
    if (params.client_secret !== state.identity.clientSecret) return fail('bad_client_secret');
    const code = String(params.code ?? '');
    const issued = state.codes.get(code);
    if (issued === undefined) return fail('invalid_code');
    state.codes.delete(code);
    if (params.redirect_uri !== undefined && params.redirect_uri !== issued.redirectUri)
      return fail('bad_redirect_uri');
    const token = state.nextId('xoxb-fake-');
    state.tokens.add(token);
    return {
      ok: true,
      app_id: state.identity.appId,
      authed_user: { id: 'U0INSTALLER' },
      scope: issued.scopes,
      token_type: 'bot',
      access_token: token,
      bot_user_id: state.identity.botUserId,
      team: { id: state.identity.teamId, name: state.identity.teamName },
      enterprise: null,
      is_enterprise_install: false,
    };
  },
};

/** Methods callable without a bearer token (they authenticate the app by client id and secret). */
export const TOKENLESS_METHODS: ReadonlySet<string> = new Set(['oauth.v2.access']);
