import { ManualClock, MemoryTokenStore } from '@zenslackchat/adapters-memory';
import type { LogFields } from '@zenslackchat/core';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakePagerDuty } from '../src/fake/index.ts';
import { PagerDutyOnCallAdapter, pagerDutyOAuthPlugin, pagerDutyTokenFromStore } from '../src/index.ts';

const REDIRECT_URI = 'https://bot.example.com/pagerduty/oauth/';

let fake: FakePagerDuty;
let app: FastifyInstance;
let store: MemoryTokenStore;
let clock: ManualClock;
let logs: LogFields[];

beforeEach(async () => {
  fake = await FakePagerDuty.start({ tokenLifetimeSeconds: 3600 });
  store = new MemoryTokenStore();
  clock = new ManualClock(new Date('2026-11-27T10:00:00Z'));
  logs = [];
  const log = (fields: LogFields, message: string) => void logs.push({ ...fields, message });
  app = Fastify();
  await app.register(pagerDutyOAuthPlugin, {
    clientId: fake.clientId,
    clientSecret: fake.clientSecret,
    redirectUri: REDIRECT_URI,
    oauthBaseUrl: fake.oauthBaseUrl,
    tokenStore: store,
    stateSecret: 'pagerduty state secret for tests',
    sessionBinding: (request) => {
      const session = request.headers['x-test-session'];
      return typeof session === 'string' ? session : undefined;
    },
    successRedirect: '/admin/',
    clock,
    logger: { debug: log, info: log, warn: log, error: log },
  });
});
afterEach(async () => {
  await app.close();
  await fake.close();
});

/** Start → PagerDuty's authorize page → back to the callback URL, as a browser would go. */
async function authorize(session = 'session-A'): Promise<{ callback: URL; cookie: string }> {
  const start = await app.inject({
    method: 'GET',
    url: '/pagerduty/oauth/start/',
    headers: { 'x-test-session': session },
  });
  expect(start.statusCode).toBe(302);
  const cookie = String(start.headers['set-cookie']).split(';')[0] ?? '';
  const authorizePage = await fetch(String(start.headers.location), { redirect: 'manual' });
  expect(authorizePage.status).toBe(302);
  return { callback: new URL(authorizePage.headers.get('location') ?? ''), cookie };
}

const callback = (url: URL, cookie?: string, session = 'session-A') =>
  app.inject({
    method: 'GET',
    url: `${url.pathname}${url.search}`,
    headers: { 'x-test-session': session, ...(cookie ? { cookie } : {}) },
  });

describe('pagerDutyOAuthPlugin', () => {
  it('sends the browser to PagerDuty with client, redirect, scopes and a state kept in an HttpOnly cookie', async () => {
    const start = await app.inject({
      method: 'GET',
      url: '/pagerduty/oauth/start/',
      headers: { 'x-test-session': 'session-A' },
    });
    const location = new URL(String(start.headers.location));
    expect(`${location.origin}${location.pathname}`).toBe(`${fake.oauthBaseUrl}/oauth/authorize`);
    expect(location.searchParams.get('client_id')).toBe(fake.clientId);
    expect(location.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(location.searchParams.get('response_type')).toBe('code');
    expect(location.searchParams.get('scope')).toBe('openid read');
    const setCookie = String(start.headers['set-cookie']);
    expect(setCookie).toContain(`=${location.searchParams.get('state')};`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Secure/);
  });

  it('exchanges the code and saves the grant under provider pagerduty', async () => {
    const { callback: url, cookie } = await authorize();
    const done = await callback(url, cookie);
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe('/admin/');
    const token = await store.get('pagerduty');
    expect(token).toMatchObject({
      provider: 'pagerduty',
      account: 'PACCT01',
      accountName: 'fake-subdomain',
      scopes: ['openid', 'read'],
      expiresAt: new Date('2026-11-27T11:00:00Z'),
    });
    expect(token?.refreshToken).toBeTruthy();
    const exchange = fake.requests.find((r) => r.path === '/oauth/token');
    expect(new URLSearchParams(exchange?.body).get('redirect_uri')).toBe(REDIRECT_URI);
    expect(JSON.stringify(logs)).not.toContain(token?.accessToken);
  });

  it('refuses a callback without the state cookie and stores nothing', async () => {
    const { callback: url } = await authorize();
    expect((await callback(url)).statusCode).toBe(400);
    expect(await store.list('pagerduty')).toEqual([]);
    expect(fake.requests.some((r) => r.path === '/oauth/token')).toBe(false);
  });

  it('refuses a callback whose state differs from the cookie and stores nothing', async () => {
    const { callback: url, cookie } = await authorize();
    url.searchParams.set('state', 'forged-state');
    expect((await callback(url, cookie)).statusCode).toBe(400);
    expect(await store.list('pagerduty')).toEqual([]);
  });

  it('refuses a forged state cookie with a matching state parameter before any code exchange', async () => {
    const { callback: url } = await authorize();
    url.searchParams.set('state', 'attacker-chosen-state');
    const forged = await callback(url, 'zsc_pagerduty_oauth_state=attacker-chosen-state');
    expect(forged.statusCode).toBe(400);
    expect(fake.requests.some((r) => r.path === '/oauth/token')).toBe(false);
    expect(await store.list('pagerduty')).toEqual([]);
    expect(logs.some((line) => line.reason === 'forged')).toBe(true);
  });

  it('refuses a state started in another admin session, before any code exchange', async () => {
    const { callback: url, cookie } = await authorize('session-A');
    expect((await callback(url, cookie, 'session-B')).statusCode).toBe(400);
    expect(fake.requests.some((r) => r.path === '/oauth/token')).toBe(false);
  });

  it('refuses to start without an admin session', async () => {
    const start = await app.inject({ method: 'GET', url: '/pagerduty/oauth/start/' });
    expect(start.statusCode).toBe(403);
  });

  it('reports a denied authorization and stores nothing', async () => {
    fake.denyNextAuthorization();
    const { callback: url, cookie } = await authorize();
    expect(url.searchParams.get('error')).toBe('access_denied');
    expect((await callback(url, cookie)).statusCode).toBe(400);
    expect(await store.list('pagerduty')).toEqual([]);
  });

  it('answers 502 when the token endpoint fails, and stores nothing', async () => {
    const { callback: url, cookie } = await authorize();
    fake.failNext('unavailable', { endpoint: 'token' });
    expect((await callback(url, cookie)).statusCode).toBe(502);
    expect(await store.list('pagerduty')).toEqual([]);
  });
});

describe('pagerDutyTokenFromStore', () => {
  const getter = () =>
    pagerDutyTokenFromStore(store, {
      refresh: { clientId: fake.clientId, clientSecret: fake.clientSecret, oauthBaseUrl: fake.oauthBaseUrl },
      clock,
    });

  it('lets the adapter read on-call with the stored token (Bearer)', async () => {
    const { callback: url, cookie } = await authorize();
    await callback(url, cookie);
    fake.setOnCall('PPOL1', { primary: ['Ann'], secondary: ['Bob'] });
    const port = new PagerDutyOnCallAdapter({
      apiUrl: fake.apiUrl,
      auth: { kind: 'oauth', accessToken: getter() },
    });
    const onCall = await port.whoIsOnCall('PPOL1');
    expect(onCall.primary.map((p) => p.name)).toEqual(['Ann']);
    const stored = await store.get('pagerduty');
    expect(fake.requests.at(-1)?.authorization).toBe(`Bearer ${stored?.accessToken}`);
  });

  it('refreshes an expired token once, saves the new grant and uses it', async () => {
    const { callback: url, cookie } = await authorize();
    await callback(url, cookie);
    const first = await store.get('pagerduty');
    const get = getter();
    expect(await get()).toBe(first?.accessToken);
    clock.advance(3600_000 - 30_000);
    const [a, b] = await Promise.all([get(), get()]);
    expect(a).toBe(b);
    expect(a).not.toBe(first?.accessToken);
    const refreshes = fake.requests.filter(
      (r) => new URLSearchParams(r.body).get('grant_type') === 'refresh_token',
    );
    expect(refreshes).toHaveLength(1);
    const second = await store.get('pagerduty');
    expect(second).toMatchObject({ accessToken: a, account: 'PACCT01', updatedAt: clock.now() });
    expect(second?.refreshToken).not.toBe(first?.refreshToken);
    expect(second?.expiresAt?.getTime()).toBe(clock.now().getTime() + 3600_000);
    fake.setOnCall('PPOL1', { primary: ['Ann'], secondary: [] });
    const port = new PagerDutyOnCallAdapter({
      apiUrl: fake.apiUrl,
      auth: { kind: 'oauth', accessToken: get },
    });
    await expect(port.whoIsOnCall('PPOL1')).resolves.toEqual({ primary: [{ name: 'Ann' }], secondary: [] });
    expect(fake.requests.at(-1)?.authorization).toBe(`Bearer ${a}`);
  });

  it('is Unauthorized when nothing is stored or the refresh token is refused', async () => {
    await expect(getter()()).rejects.toMatchObject({ reason: 'Unauthorized' });
    await store.save({
      provider: 'pagerduty',
      account: 'PACCT01',
      accessToken: 'old',
      refreshToken: 'unknown-refresh-token',
      expiresAt: new Date(clock.now().getTime() - 1),
      scopes: ['read'],
      metadata: {},
      updatedAt: clock.now(),
    });
    await expect(getter()()).rejects.toMatchObject({ reason: 'Unauthorized', integration: 'pagerduty' });
  });
});
