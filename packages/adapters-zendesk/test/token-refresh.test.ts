import { MemoryTokenStore } from '@zenslackchat/adapters-memory';
import type { Clock, StoredToken } from '@zenslackchat/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeZendesk } from '../src/fake/index.ts';
import { ZendeskTicketAdapter, zendeskTokenFromStore } from '../src/index.ts';

const REDIRECT = 'https://bot.example.com/zendesk/oauth/';
let fake: FakeZendesk;
let store: MemoryTokenStore;
let now: number;
const clock: Clock = { now: () => new Date(now) };

beforeEach(async () => {
  fake = await FakeZendesk.start({ tokenLifetimeS: 3600 });
  store = new MemoryTokenStore();
  now = Date.parse('2026-11-27T10:00:00Z');
});
afterEach(() => fake.close());

/** Gets a grant from the fake's OAuth pages, as the OAuth plugin would, and stores it. */
async function connect(): Promise<StoredToken> {
  const { clientId, clientSecret } = fake.oauthClient;
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: REDIRECT,
    scope: 'read write',
  });
  const authorize = await fetch(`${fake.oauthBaseUrl}/oauth/authorizations/new?${query}`, {
    redirect: 'manual',
  });
  const code = new URL(authorize.headers.get('location') ?? '').searchParams.get('code');
  const body = {
    grant_type: 'authorization_code',
    code,
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uri: REDIRECT,
  };
  const answer = (await (
    await fetch(`${fake.oauthBaseUrl}/oauth/tokens`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    })
  ).json()) as { access_token: string; refresh_token: string; expires_in: number };
  const grant: StoredToken = {
    provider: 'zendesk',
    account: 'acme',
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token,
    expiresAt: new Date(now + answer.expires_in * 1000),
    scopes: ['read', 'write'],
    metadata: {},
    updatedAt: clock.now(),
  };
  await store.save(grant);
  return grant;
}

const refreshClient = () => ({ ...fake.oauthClient, oauthBaseUrl: fake.oauthBaseUrl });
const refreshes = () =>
  fake.requests.filter(
    (r) => r.path === '/oauth/tokens' && (r.body as { grant_type?: string }).grant_type === 'refresh_token',
  );
const adapter = (accessToken: string | (() => Promise<string>)) =>
  new ZendeskTicketAdapter({
    apiUrl: fake.apiUrl,
    auth: { kind: 'oauth', accessToken },
    ticketUrl: 'https://x/agent/tickets',
  });

describe('zendeskTokenFromStore with refresh', () => {
  it('uses a grant that is not about to expire as stored', async () => {
    const grant = await connect();
    const read = zendeskTokenFromStore(store, 'acme', { refresh: refreshClient(), clock });
    expect(await read()).toBe(grant.accessToken);
    expect(refreshes()).toHaveLength(0);
  });

  it('refreshes an expiring grant once for concurrent callers, saves it, and the old token stops working', async () => {
    const grant = await connect();
    now += 3600_000 - 30_000;
    const read = zendeskTokenFromStore(store, 'acme', { refresh: refreshClient(), clock });
    const tokens = await Promise.all([read(), read(), read()]);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(grant.accessToken);
    expect(refreshes()).toHaveLength(1);
    expect(refreshes()[0]?.body).toMatchObject({
      refresh_token: grant.refreshToken,
      client_id: 'zenslackchat',
    });
    const saved = await store.get('zendesk', 'acme');
    expect(saved?.accessToken).toBe(tokens[0]);
    expect(saved?.refreshToken).not.toBe(grant.refreshToken);
    expect(saved?.expiresAt?.getTime()).toBe(now + 3600_000);
    expect(await adapter(read).getTicket('1')).toBeUndefined();
    await expect(adapter(grant.accessToken).getTicket('1')).rejects.toMatchObject({ reason: 'Unauthorized' });
  });

  it("refreshes once across two processes sharing the store: the second uses the first one's rotated grant", async () => {
    const grant = await connect();
    now += 3600_000 - 30_000;
    // Two getters stand for two processes: each has its own in-process single flight.
    const first = zendeskTokenFromStore(store, 'acme', { refresh: refreshClient(), clock });
    const second = zendeskTokenFromStore(store, 'acme', { refresh: refreshClient(), clock });
    const tokens = await Promise.all([first(), second()]);
    expect(refreshes()).toHaveLength(1);
    expect(tokens[1]).toBe(tokens[0]);
    expect(tokens[0]).not.toBe(grant.accessToken);
    expect(await adapter(second).getTicket('1')).toBeUndefined();
  });

  it('is Unauthorized when Zendesk refuses the refresh token', async () => {
    const grant = await connect();
    await store.save({ ...grant, refreshToken: 'revoked', expiresAt: new Date(now - 1) });
    const read = zendeskTokenFromStore(store, 'acme', { refresh: refreshClient(), clock });
    await expect(read()).rejects.toMatchObject({ reason: 'Unauthorized', integration: 'zendesk' });
  });

  it('is Unavailable when Zendesk cannot be reached for the refresh', async () => {
    const grant = await connect();
    await store.save({ ...grant, expiresAt: new Date(now - 1) });
    const read = zendeskTokenFromStore(store, 'acme', {
      refresh: { ...fake.oauthClient, oauthBaseUrl: 'http://127.0.0.1:1' },
      clock,
    });
    await expect(read()).rejects.toMatchObject({ reason: 'Unavailable', retryable: true });
  });

  it('without a refresh client, uses the stored token as it is', async () => {
    const grant = await connect();
    now += 2 * 3600_000;
    expect(await zendeskTokenFromStore(store, 'acme', { clock })()).toBe(grant.accessToken);
  });
});
