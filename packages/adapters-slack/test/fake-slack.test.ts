import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../src/fake/index.ts';

let fake: FakeSlack;
beforeEach(async () => {
  fake = await FakeSlack.start();
});
afterEach(() => fake.close());

const call = async (method: string, init: RequestInit = {}) => {
  const res = await fetch(`${fake.url}${method}`, { method: 'POST', ...init });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
};
const bearer = (token = fake.token) => ({ authorization: `Bearer ${token}` });

describe('FakeSlack wire format', () => {
  it('takes JSON bodies with a Bearer token', async () => {
    const res = await call('chat.postMessage', {
      headers: { ...bearer(), 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({
        channel: 'C1',
        text: 'hi',
        metadata: { event_type: 't', event_payload: { key: 'k' } },
      }),
    });
    expect(res.body).toMatchObject({ ok: true, channel: 'C1' });
    expect(fake.messages[0]).toMatchObject({
      channel: 'C1',
      text: 'hi',
      metadata: { event_payload: { key: 'k' } },
    });
    expect(fake.calls[0]).toMatchObject({
      method: 'chat.postMessage',
      token: fake.token,
      contentType: 'application/json',
    });
  });

  it('takes form bodies with the token as a param, and never records the token as a param', async () => {
    const body = new URLSearchParams({ token: fake.token, channel: 'C1', text: 'hi' });
    expect((await call('chat.postMessage', { body })).body.ok).toBe(true);
    expect(fake.calls[0]?.params.token).toBeUndefined();
  });

  it('answers not_authed, invalid_auth and token_revoked', async () => {
    expect((await call('auth.test')).body.error).toBe('not_authed');
    expect((await call('auth.test', { headers: bearer('xoxb-nope') })).body.error).toBe('invalid_auth');
    fake.revokeToken(fake.token);
    expect((await call('auth.test', { headers: bearer() })).body.error).toBe('token_revoked');
  });

  it('answers Slack errors for bad input', async () => {
    const post = (params: Record<string, string>) =>
      call('chat.postMessage', { headers: bearer(), body: new URLSearchParams(params) });
    expect((await post({ channel: 'C1' })).body.error).toBe('no_text');
    expect((await post({ channel: 'C1', text: 'x'.repeat(40_001) })).body.error).toBe('msg_too_long');
    expect((await post({ channel: 'C1', text: 'a', metadata: '{' })).body.error).toBe(
      'invalid_metadata_format',
    );
    expect((await call('nope.method', { headers: bearer() })).body.error).toBe('unknown_method');
    const json = { headers: { ...bearer(), 'content-type': 'application/json' }, body: '{' };
    expect((await call('chat.postMessage', json)).body.error).toBe('invalid_json');
  });

  it('returns metadata only when asked, and pages history with cursors', async () => {
    for (let i = 0; i < 5; i += 1)
      fake.addMessage({
        channel: 'C1',
        text: `m${i}`,
        user: 'U1',
        metadata: { event_type: 't', event_payload: {} },
      });
    const first = await call('conversations.history', {
      headers: bearer(),
      body: new URLSearchParams({ channel: 'C1', limit: '3' }),
    });
    const messages = first.body.messages as { text: string; metadata?: unknown }[];
    expect(messages.map((m) => m.text)).toEqual(['m4', 'm3', 'm2']);
    expect(messages[0]?.metadata).toBeUndefined();
    const cursor = (first.body.response_metadata as { next_cursor: string }).next_cursor;
    const second = await call('conversations.history', {
      headers: bearer(),
      body: new URLSearchParams({ channel: 'C1', limit: '3', cursor, include_all_metadata: 'true' }),
    });
    const rest = second.body.messages as { text: string; metadata?: unknown }[];
    expect(rest.map((m) => m.text)).toEqual(['m1', 'm0']);
    expect(rest[0]?.metadata).toBeDefined();
    expect(second.body.has_more).toBe(false);
  });
});

describe('FakeSlack failure injection', () => {
  it('answers 429 with Retry-After in whole seconds', async () => {
    fake.failNext('rate-limited', { retryAfterMs: 1500 });
    const res = await call('auth.test', { headers: bearer() });
    expect([res.status, res.headers.get('retry-after'), res.body.error]).toEqual([429, '2', 'ratelimited']);
  });

  it('fails only the named method, as many times as asked', async () => {
    fake.failNext('unavailable', { method: 'users.info', count: 2 });
    expect((await call('auth.test', { headers: bearer() })).status).toBe(200);
    expect((await call('users.info', { headers: bearer() })).status).toBe(500);
    expect((await call('users.info', { headers: bearer() })).status).toBe(500);
    expect((await call('users.info', { headers: bearer() })).body.error).toBe('user_not_found');
  });

  it('carries out a timed-out call before answering late', async () => {
    fake.failNext('timeout', { delayMs: 50 });
    const res = await call('chat.postMessage', {
      headers: bearer(),
      body: new URLSearchParams({ channel: 'C1', text: 'late' }),
    });
    expect(res.body.ok).toBe(true);
    expect(fake.messages).toHaveLength(1);
  });

  it('still answers with latency set', async () => {
    fake.setLatency(5);
    expect((await call('auth.test', { headers: bearer() })).body.ok).toBe(true);
  });
});
