import { MemoryTokenStore } from '@zenslackchat/adapters-memory';
import type { Clock } from '@zenslackchat/core';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeZendesk } from '../src/fake/index.ts';
import {
  STATE_COOKIE,
  ZendeskTicketAdapter,
  zendeskOAuthPlugin,
  zendeskTokenFromStore,
} from '../src/index.ts';

const REDIRECT = 'https://bot.example.com/zendesk/oauth/';
let fake: FakeZendesk;
let app: FastifyInstance;
let store: MemoryTokenStore;
let now: number;
const clock: Clock = { now: () => new Date(now) };
/** The admin session a test request belongs to, from a test header. */
const sessionBinding = (request: { headers: Record<string, unknown> }) => {
  const session = request.headers['x-test-session'];
  return typeof session === 'string' ? session : undefined;
};
const SESSION = { 'x-test-session': 'session-A' };

beforeEach(async () => {
  fake = await FakeZendesk.start();
  store = new MemoryTokenStore();
  now = Date.parse('2026-11-27T10:00:00Z');
  app = Fastify();
  await app.register(zendeskOAuthPlugin, {
    subdomain: 'acme',
    oauthBaseUrl: fake.oauthBaseUrl,
    clientId: fake.oauthClient.clientId,
    clientSecret: fake.oauthClient.clientSecret,
    redirectUri: REDIRECT,
    tokenStore: store,
    stateSecret: 'zendesk state secret for tests',
    sessionBinding,
    impersonate: true,
    successRedirect: '/admin/',
    clock,
  });
});
afterEach(async () => {
  await app.close();
  await fake.close();
});

/** Starts the flow; returns the state cookie and the URL Zendesk sent the browser back to. */
async function startAndApprove(): Promise<{ cookie: string; callback: URL }> {
  const start = await app.inject({ method: 'GET', url: '/zendesk/oauth/start/', headers: SESSION });
  expect(start.statusCode).toBe(302);
  const setCookie = String(start.headers['set-cookie']);
  expect(setCookie).toMatch(/HttpOnly/);
  expect(setCookie).toMatch(/Secure/);
  expect(setCookie).toMatch(/SameSite=Lax/);
  const cookie = setCookie.split(';')[0] ?? '';
  const authorize = await fetch(String(start.headers.location), { redirect: 'manual' });
  expect(authorize.status).toBe(302);
  return { cookie, callback: new URL(authorize.headers.get('location') ?? '') };
}

describe('zendesk oauth', () => {
  it('runs the authorization-code flow against the fake and stores a token the adapter can use', async () => {
    const { cookie, callback } = await startAndApprove();
    const authorizeRequest = fake.requests.find((r) => r.path === '/oauth/authorizations/new');
    expect(authorizeRequest?.query).toMatchObject({
      response_type: 'code',
      client_id: 'zenslackchat',
      redirect_uri: REDIRECT,
      scope: 'read write impersonate',
      code_challenge_method: 'S256',
    });
    expect(callback.origin + callback.pathname).toBe(REDIRECT);

    const done = await app.inject({
      method: 'GET',
      url: `/zendesk/oauth/${callback.search}`,
      headers: { ...SESSION, cookie },
    });
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe('/admin/');
    expect(String(done.headers['set-cookie'])).toMatch(/Max-Age=0/);

    const grant = await store.get('zendesk', 'acme');
    expect(grant).toMatchObject({
      provider: 'zendesk',
      account: 'acme',
      scopes: ['read', 'write', 'impersonate'],
    });
    const tokenRequest = fake.requests.find((r) => r.path === '/oauth/tokens');
    expect(tokenRequest?.body).toMatchObject({
      grant_type: 'authorization_code',
      client_id: 'zenslackchat',
      redirect_uri: REDIRECT,
      code: callback.searchParams.get('code'),
      code_verifier: expect.stringMatching(/^[\w-]{43}$/),
    });

    const port = new ZendeskTicketAdapter({
      apiUrl: fake.apiUrl,
      auth: { kind: 'oauth', accessToken: zendeskTokenFromStore(store, 'acme'), onBehalfOf: fake.agentEmail },
      ticketUrl: 'https://acme.zendesk.com/agent/tickets',
    });
    const ticket = await port.createTicket({
      idempotencyKey: 'k',
      subject: 's',
      description: 'd',
      externalId: 'e',
    });
    const create = fake.requests.find((r) => r.method === 'POST' && r.path === '/api/v2/tickets.json');
    expect(create?.headers.authorization).toBe(`Bearer ${grant?.accessToken}`);
    expect(create?.headers['x-on-behalf-of']).toBe(fake.agentEmail);
    expect(fake.ticket(ticket.id)?.submitter_id).toBe(fake.agent.id);
  });

  it('refuses a callback without the state cookie, storing nothing', async () => {
    const { callback } = await startAndApprove();
    const res = await app.inject({
      method: 'GET',
      url: `/zendesk/oauth/${callback.search}`,
      headers: SESSION,
    });
    expect(res.statusCode).toBe(403);
    expect(await store.list('zendesk')).toEqual([]);
    expect(fake.requests.some((r) => r.path === '/oauth/tokens')).toBe(false);
  });

  it('refuses a state that does not match the cookie', async () => {
    const first = await startAndApprove();
    const second = await startAndApprove();
    const res = await app.inject({
      method: 'GET',
      url: `/zendesk/oauth/${first.callback.search}`,
      headers: { ...SESSION, cookie: second.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(await store.list('zendesk')).toEqual([]);
  });

  it('refuses a forged or expired state cookie', async () => {
    const { cookie, callback } = await startAndApprove();
    const [name, value = ''] = cookie.split('=');
    const forged = `${name}=${value.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))}`;
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/zendesk/oauth/${callback.search}`,
          headers: { ...SESSION, cookie: forged },
        })
      ).statusCode,
    ).toBe(403);
    now += 11 * 60 * 1000;
    expect(
      (await app.inject({ method: 'GET', url: `/zendesk/oauth/${callback.search}`, headers: { cookie } }))
        .statusCode,
    ).toBe(403);
    expect(await store.list('zendesk')).toEqual([]);
    expect(name).toBe(STATE_COOKIE);
  });

  it('refuses a forged state cookie with a matching state parameter, before any code exchange', async () => {
    const { callback } = await startAndApprove();
    callback.searchParams.set('state', 'attacker-chosen-state');
    const res = await app.inject({
      method: 'GET',
      url: `/zendesk/oauth/${callback.search}`,
      headers: { ...SESSION, cookie: `${STATE_COOKIE}=attacker-chosen-state` },
    });
    expect(res.statusCode).toBe(403);
    expect(fake.requests.some((r) => r.path === '/oauth/tokens')).toBe(false);
  });

  it('refuses a state started in another admin session, before any code exchange', async () => {
    const { cookie, callback } = await startAndApprove();
    const res = await app.inject({
      method: 'GET',
      url: `/zendesk/oauth/${callback.search}`,
      headers: { 'x-test-session': 'session-B', cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(fake.requests.some((r) => r.path === '/oauth/tokens')).toBe(false);
  });

  it('answers 400 when the admin denied access, and 502 when the token call fails', async () => {
    const denied = await startAndApprove();
    const state = denied.callback.searchParams.get('state');
    const res = await app.inject({
      method: 'GET',
      url: `/zendesk/oauth/?error=access_denied&state=${state}`,
      headers: { ...SESSION, cookie: denied.cookie },
    });
    expect(res.statusCode).toBe(400);

    const used = await startAndApprove();
    const wrongCode = `/zendesk/oauth/?code=not-a-code&state=${used.callback.searchParams.get('state')}`;
    const failed = await app.inject({
      method: 'GET',
      url: wrongCode,
      headers: { ...SESSION, cookie: used.cookie },
    });
    expect(failed.statusCode).toBe(502);
    expect(await store.list('zendesk')).toEqual([]);
  });
});

describe('zendeskTokenFromStore', () => {
  it('is Unauthorized before any grant, then reads and caches the stored token', async () => {
    const read = zendeskTokenFromStore(store, 'acme', { clock, cacheMs: 1000 });
    await expect(read()).rejects.toMatchObject({ reason: 'Unauthorized' });
    const grant = { provider: 'zendesk', account: 'acme', accessToken: 'one', scopes: [], metadata: {} };
    await store.save({ ...grant, updatedAt: clock.now() });
    expect(await read()).toBe('one');
    await store.save({ ...grant, accessToken: 'two', updatedAt: clock.now() });
    expect(await read()).toBe('one');
    now += 1001;
    expect(await read()).toBe('two');
  });

  it('a bad bearer token is Unauthorized at the API', async () => {
    const port = new ZendeskTicketAdapter({
      apiUrl: fake.apiUrl,
      auth: { kind: 'oauth', accessToken: 'revoked' },
      ticketUrl: 'https://acme.zendesk.com/agent/tickets',
    });
    await expect(port.getTicket('1')).rejects.toMatchObject({ reason: 'Unauthorized' });
  });
});

describe('zendeskOAuthPlugin defaults', () => {
  const base = {
    clientId: 'id',
    clientSecret: 'secret',
    redirectUri: REDIRECT,
    stateSecret: 'zendesk state secret for tests',
    sessionBinding,
  };

  it('asks for impersonate only when told to (ZENDESK_AGENT_EMAIL is set)', async () => {
    const scopeOf = async (impersonate: boolean | undefined) => {
      const app2 = Fastify();
      await app2.register(zendeskOAuthPlugin, {
        ...base,
        subdomain: 'acme',
        tokenStore: new MemoryTokenStore(),
        ...(impersonate === undefined ? {} : { impersonate }),
      });
      const res = await app2.inject({ method: 'GET', url: '/zendesk/oauth/start/', headers: SESSION });
      await app2.close();
      return new URL(String(res.headers.location)).searchParams.get('scope');
    };
    expect(await scopeOf(undefined)).toBe('read write');
    expect(await scopeOf(false)).toBe('read write');
    expect(await scopeOf(true)).toBe('read write impersonate');
  });

  it("sends the admin to the subdomain's authorization page", async () => {
    const app2 = Fastify();
    await app2.register(zendeskOAuthPlugin, {
      ...base,
      subdomain: 'acme',
      tokenStore: new MemoryTokenStore(),
    });
    const res = await app2.inject({ method: 'GET', url: '/zendesk/oauth/start/', headers: SESSION });
    expect(String(res.headers.location)).toMatch(
      /^https:\/\/acme\.zendesk\.com\/oauth\/authorizations\/new\?/,
    );
    await app2.close();
  });

  it('refuses to start with an invalid subdomain', async () => {
    const app2 = Fastify();
    const register = app2.register(zendeskOAuthPlugin, {
      ...base,
      subdomain: 'evil.com/x',
      tokenStore: new MemoryTokenStore(),
    });
    await expect(register).rejects.toThrow(/subdomain/);
    await app2.close();
  });
});
