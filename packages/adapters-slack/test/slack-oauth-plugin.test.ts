import { MemoryTokenStore } from '@zenslackchat/adapters-memory';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack, type FakeSlackMode } from '../src/fake/index.ts';
import { slackOAuthPlugin } from '../src/oauth/slack-oauth-plugin.ts';
import { slackTokenFromStore } from '../src/oauth/slack-token-from-store.ts';
import { SlackChatAdapter } from '../src/slack-chat-adapter.ts';

const REDIRECT = 'http://localhost:8000/slack/oauth/';
let fake: FakeSlack;
let store: MemoryTokenStore;
let app: FastifyInstance;
/** The admin session a test request belongs to, from a test header. */
const sessionBinding = (request: { headers: Record<string, unknown> }) => {
  const session = request.headers['x-test-session'];
  return typeof session === 'string' ? session : undefined;
};
const SESSION = { 'x-test-session': 'session-A' };
const exchanged = () => fake.calls.some((call) => call.method === 'oauth.v2.access');

/** A fake Slack answering in `mode` and the plugin in front of it. */
async function setUp(mode: FakeSlackMode = 'full'): Promise<void> {
  fake = await FakeSlack.start({ mode });
  store = new MemoryTokenStore();
  app = Fastify();
  await app.register(slackOAuthPlugin, {
    clientId: fake.identity.clientId,
    clientSecret: fake.identity.clientSecret,
    stateSecret: 'slack state secret for tests',
    sessionBinding,
    tokenStore: store,
    redirectUri: REDIRECT,
    authorizationUrl: fake.authorizeUrl,
    apiUrl: fake.url,
    successRedirect: '/admin/',
  });
  await app.ready();
}

beforeEach(() => setUp());
afterEach(async () => {
  await app.close();
  await fake.close();
});

/** Starts an install and follows the fake authorize page; returns the callback query and cookie. */
async function authorize(extra = ''): Promise<{ query: string; cookie: string; authorizeUrl: URL }> {
  const start = await app.inject({ method: 'GET', url: '/slack/install/', headers: SESSION });
  expect(start.statusCode).toBe(302);
  const authorizeUrl = new URL(String(start.headers.location));
  const cookie = String(start.headers['set-cookie']).split(';')[0] ?? '';
  const slack = await fetch(`${authorizeUrl}${extra}`, { redirect: 'manual' });
  expect(slack.status).toBe(302);
  const back = new URL(String(slack.headers.get('location')));
  expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
  return { query: back.search, cookie, authorizeUrl };
}

describe('Slack OAuth install', () => {
  it('completes against minimal answers (no enterprise fields, auth.test without bot_id)', async () => {
    await app.close();
    await fake.close();
    await setUp('minimal');
    const { query, cookie } = await authorize();
    const callback = await app.inject({
      method: 'GET',
      url: `/slack/oauth/${query}`,
      headers: { ...SESSION, cookie },
    });
    expect(callback.headers.location).toBe('/admin/');
    const saved = await store.get('slack', 'T0FAKE');
    expect(saved).toMatchObject({ account: 'T0FAKE', metadata: { botUserId: 'U0BOT', appId: 'A0FAKE' } });
    expect(saved?.accessToken).toMatch(/^xoxb-fake-/);
  });

  it('runs start → Slack → callback → stored installation → token used for a post', async () => {
    const { query, cookie, authorizeUrl } = await authorize();
    expect(authorizeUrl.origin + authorizeUrl.pathname).toBe(fake.authorizeUrl);
    expect(authorizeUrl.searchParams.get('scope')).toBe(
      'channels:history,groups:history,chat:write,users:read,users:read.email,files:read,files:write',
    );
    expect(authorizeUrl.searchParams.get('redirect_uri')).toBe(REDIRECT);
    expect(cookie).toMatch(/^slack-app-oauth-state=/);

    const callback = await app.inject({
      method: 'GET',
      url: `/slack/oauth/${query}`,
      headers: { ...SESSION, cookie },
    });
    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toBe('/admin/');

    const saved = await store.get('slack', 'T0FAKE');
    expect(saved).toMatchObject({
      provider: 'slack',
      account: 'T0FAKE',
      accountName: 'Fake Workspace',
      scopes: [
        'channels:history',
        'groups:history',
        'chat:write',
        'users:read',
        'users:read.email',
        'files:read',
        'files:write',
      ],
      metadata: { botUserId: 'U0BOT', botId: 'B0BOT', appId: 'A0FAKE' },
    });
    expect(saved?.accessToken).toMatch(/^xoxb-fake-/);
    expect(saved?.accessToken).not.toBe(fake.token);

    const chat = new SlackChatAdapter({ token: slackTokenFromStore(store), apiUrl: fake.url });
    await chat.postMessage({ channel: 'C0SUPPORT', text: 'installed!', key: 'k' });
    expect(fake.calls.at(-1)).toMatchObject({ method: 'chat.postMessage', token: saved?.accessToken });
  });

  it('asks for user scopes only when configured', async () => {
    const { authorizeUrl } = await authorize();
    expect(authorizeUrl.searchParams.has('user_scope')).toBe(false);
    const legacy = Fastify();
    await legacy.register(slackOAuthPlugin, {
      clientId: 'c',
      clientSecret: 's',
      stateSecret: 'slack state secret for tests',
      sessionBinding,
      tokenStore: store,
      redirectUri: REDIRECT,
      userScopes: ['channels:history'],
    });
    const start = await legacy.inject({ method: 'GET', url: '/slack/install/', headers: SESSION });
    const url = new URL(String(start.headers.location));
    expect([url.origin + url.pathname, url.searchParams.get('user_scope')]).toEqual([
      'https://slack.com/oauth/v2/authorize',
      'channels:history',
    ]);
    await legacy.close();
  });

  it('refuses a callback whose state does not match the browser cookie', async () => {
    const first = await authorize();
    const second = await authorize();
    const res = await app.inject({
      method: 'GET',
      url: `/slack/oauth/${first.query}`,
      headers: { ...SESSION, cookie: second.cookie },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('invalid, expired or was cancelled');
    expect(exchanged()).toBe(false);
    expect(await store.list('slack')).toHaveLength(0);
  });

  it('refuses a callback without the state cookie, or without a state', async () => {
    const { query } = await authorize();
    expect(
      (await app.inject({ method: 'GET', url: `/slack/oauth/${query}`, headers: SESSION })).statusCode,
    ).toBe(400);
    const noState = await app.inject({ method: 'GET', url: '/slack/oauth/?code=abc', headers: SESSION });
    expect(noState.statusCode).toBe(400);
    expect(exchanged()).toBe(false);
    expect(await store.list('slack')).toHaveLength(0);
  });

  it('refuses a forged state even with a matching cookie', async () => {
    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJub3ciOiIyMDI2In0.c2lnbmF0dXJl';
    const res = await app.inject({
      method: 'GET',
      url: `/slack/oauth/?code=abc&state=${forged}`,
      headers: { ...SESSION, cookie: `slack-app-oauth-state=${forged}` },
    });
    expect(res.statusCode).toBe(400);
    expect(exchanged()).toBe(false);
    expect(await store.list('slack')).toHaveLength(0);
  });

  it('refuses a state started in another admin session, before any code exchange', async () => {
    const { query, cookie } = await authorize();
    const res = await app.inject({
      method: 'GET',
      url: `/slack/oauth/${query}`,
      headers: { 'x-test-session': 'session-B', cookie },
    });
    expect(res.statusCode).toBe(400);
    expect(exchanged()).toBe(false);
    expect(await store.list('slack')).toHaveLength(0);
  });

  it('refuses to start without an admin session', async () => {
    expect((await app.inject({ method: 'GET', url: '/slack/install/' })).statusCode).toBe(403);
  });

  it('shows an error page when the installer cancels', async () => {
    const { query, cookie } = await authorize('&deny=1');
    const res = await app.inject({
      method: 'GET',
      url: `/slack/oauth/${query}`,
      headers: { ...SESSION, cookie },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Slack installation failed');
  });

  it('shows a 502 page when Slack refuses the code exchange', async () => {
    const { query, cookie } = await authorize();
    fake.failNext('platform-error', { method: 'oauth.v2.access', error: 'invalid_code' });
    const res = await app.inject({
      method: 'GET',
      url: `/slack/oauth/${query}`,
      headers: { ...SESSION, cookie },
    });
    expect(res.statusCode).toBe(502);
    expect(await store.list('slack')).toHaveLength(0);
  });
});
