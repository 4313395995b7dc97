import { isIntegrationError } from '@zenslackchat/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../src/fake/index.ts';
import { SlackChatAdapter } from '../src/slack-chat-adapter.ts';
import type { SlackChatAdapterOptions } from '../src/slack-chat-config.ts';

let fake: FakeSlack;
const adapter = (options: Partial<SlackChatAdapterOptions> = {}) =>
  new SlackChatAdapter({ token: fake.token, apiUrl: fake.url, timeoutMs: 1000, ...options });
const rejection = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isIntegrationError(error)) throw new Error(`expected an IntegrationError, got ${String(error)}`);
  return error;
};

beforeEach(async () => {
  fake = await FakeSlack.start({ channels: ['C0SUPPORT'] });
});
afterEach(() => fake.close());

describe('SlackChatAdapter.postMessage', () => {
  it('posts escaped text with delivery metadata, top level and in a thread', async () => {
    const slack = adapter();
    const root = await slack.postMessage({ channel: 'C0SUPPORT', text: 'a <b> & c', key: 'k1' });
    const reply = await slack.postMessage({
      channel: 'C0SUPPORT',
      threadId: root.id,
      text: 'reply',
      key: 'k2',
    });
    expect(fake.messages.map((m) => [m.ts, m.threadTs, m.text])).toEqual([
      [root.id, undefined, 'a &lt;b&gt; &amp; c'],
      [reply.id, root.id, 'reply'],
    ]);
    expect(fake.messages[0]?.metadata).toEqual({
      event_type: 'zenslackchat_delivery',
      event_payload: { key: 'k1' },
    });
    expect(fake.calls[0]?.token).toBe(fake.token);
    expect(fake.calls[0]?.contentType).toBe('application/x-www-form-urlencoded');
  });

  it('cuts long text with a link to the full version', async () => {
    await adapter({ maxMessageLength: 100 }).postMessage({
      channel: 'C0SUPPORT',
      text: 'x'.repeat(500),
      key: 'k',
      overflowUrl: 'https://t.example/1',
    });
    expect(fake.messages[0]?.text).toMatch(/… \(continued at <https:\/\/t\.example\/1>\)$/);
    expect(fake.messages[0]?.text.length).toBeLessThanOrEqual(100);
  });

  it('accepts an API URL without the trailing slash', async () => {
    const slack = adapter({ apiUrl: fake.url.replace(/\/$/, '') });
    expect((await slack.whoAmI()).userId).toBe('U0BOT');
  });

  it('takes the token from a function on every call', async () => {
    let calls = 0;
    const slack = adapter({
      token: async () => {
        calls += 1;
        return fake.token;
      },
    });
    await slack.postMessage({ channel: 'C0SUPPORT', text: 'a', key: 'a' });
    await slack.postMessage({ channel: 'C0SUPPORT', text: 'b', key: 'b' });
    expect(calls).toBe(2);
  });
});

describe('SlackChatAdapter errors', () => {
  it('maps 429 to RateLimited with Retry-After, without retrying', async () => {
    fake.failNext('rate-limited', { retryAfterMs: 3000 });
    const error = await rejection(adapter().postMessage({ channel: 'C0SUPPORT', text: 'a', key: 'a' }));
    expect([error.reason, error.retryAfterMs, error.retryable, error.integration]).toEqual([
      'RateLimited',
      3000,
      true,
      'slack',
    ]);
    expect(fake.calls).toHaveLength(1);
  });

  it.each([
    ['unauthorized', {}, 'Unauthorized', false],
    ['unavailable', {}, 'Unavailable', true],
    ['platform-error', { error: 'msg_too_long' }, 'Invalid', false],
    ['platform-error', { error: 'token_revoked' }, 'Unauthorized', false],
    ['platform-error', { error: 'internal_error' }, 'Unavailable', true],
  ] as const)('maps %s %j to %s', async (kind, options, reason, retryable) => {
    fake.failNext(kind, options);
    const error = await rejection(adapter().postMessage({ channel: 'C0SUPPORT', text: 'a', key: 'a' }));
    expect([error.reason, error.retryable]).toEqual([reason, retryable]);
  });

  it('maps an unknown channel to NotFound and a wrong token to Unauthorized', async () => {
    const missing = await rejection(adapter().postMessage({ channel: 'C0GONE', text: 'a', key: 'a' }));
    expect(missing.reason).toBe('NotFound');
    const badToken = await rejection(adapter({ token: 'xoxb-wrong' }).whoAmI());
    expect(badToken.reason).toBe('Unauthorized');
    expect(badToken.message).not.toContain('xoxb-wrong');
  });

  it('maps a timeout and a refused connection to Unavailable', async () => {
    fake.failNext('timeout', { delayMs: 4000 });
    const slow = await rejection(adapter().whoAmI());
    expect([slow.reason, slow.message]).toEqual(['Unavailable', 'Slack auth.test: timed out']);
    const closed = await FakeSlack.start();
    const url = closed.url;
    await closed.close();
    const refused = await rejection(adapter({ apiUrl: url }).whoAmI());
    expect(refused.reason).toBe('Unavailable');
  });
});

describe('SlackChatAdapter.getUser', () => {
  it('returns name and email, and caches the answer', async () => {
    fake.addUser({ id: 'U0ALICE', name: 'Alice', email: 'alice@example.com' });
    const slack = adapter();
    expect(await slack.getUser('U0ALICE')).toEqual({
      id: 'U0ALICE',
      name: 'Alice',
      email: 'alice@example.com',
    });
    expect(await slack.getUser('U0ALICE')).toEqual({
      id: 'U0ALICE',
      name: 'Alice',
      email: 'alice@example.com',
    });
    expect(fake.calls.filter((c) => c.method === 'users.info')).toHaveLength(1);
  });

  it('returns undefined for an unknown user and remembers that briefly', async () => {
    const slack = adapter();
    expect(await slack.getUser('U0NOBODY')).toBeUndefined();
    expect(await slack.getUser('U0NOBODY')).toBeUndefined();
    expect(fake.calls.filter((c) => c.method === 'users.info')).toHaveLength(1);
  });

  it('asks again for unknown users when their caching is off, and shares concurrent look-ups', async () => {
    const slack = adapter({ unknownUserTtlMs: 0 });
    await slack.getUser('U0LATE');
    fake.addUser({ id: 'U0LATE', name: 'Late' });
    const [a, b] = await Promise.all([slack.getUser('U0LATE'), slack.getUser('U0LATE')]);
    expect([a?.name, b?.name]).toEqual(['Late', 'Late']);
    expect(fake.calls.filter((c) => c.method === 'users.info')).toHaveLength(2);
  });

  it('remembers at most userCacheSize users, forgetting the least recently used', async () => {
    for (const id of ['U0ANN', 'U0BOB']) fake.addUser({ id, name: id });
    const slack = adapter({ userCacheSize: 1 });
    await slack.getUser('U0ANN');
    await slack.getUser('U0BOB');
    await slack.getUser('U0ANN');
    expect(fake.calls.filter((c) => c.method === 'users.info')).toHaveLength(3);
  });

  it('asks again once a user has been remembered for userCacheTtlMs', async () => {
    fake.addUser({ id: 'U0ANN', name: 'Ann' });
    const slack = adapter({ userCacheTtlMs: 1 });
    await slack.getUser('U0ANN');
    fake.addUser({ id: 'U0ANN', name: 'Ann Renamed' });
    // Waits past the 1 ms lifetime; this bounds nothing about speed.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await slack.getUser('U0ANN'))?.name).toBe('Ann Renamed');
    expect(fake.calls.filter((c) => c.method === 'users.info')).toHaveLength(2);
  });

  it('omits the email when Slack has none', async () => {
    fake.addUser({ id: 'U0BOTTY', name: 'Botty' });
    expect(await adapter().getUser('U0BOTTY')).toEqual({ id: 'U0BOTTY', name: 'Botty' });
  });
});

describe('SlackChatAdapter identity, links and text', () => {
  it('whoAmI asks auth.test once', async () => {
    const slack = adapter();
    expect(await slack.whoAmI()).toEqual({ userId: 'U0BOT', botId: 'B0BOT' });
    await slack.whoAmI();
    expect(fake.calls.filter((c) => c.method === 'auth.test')).toHaveLength(1);
  });

  it('whoAmI forgets a failure so the next call asks again', async () => {
    fake.failNext('unavailable');
    const slack = adapter();
    await rejection(slack.whoAmI());
    expect((await slack.whoAmI()).userId).toBe('U0BOT');
  });

  it('builds permalinks from the workspace URL with or without /archives', async () => {
    for (const base of [
      'https://acme.slack.com/archives',
      'https://acme.slack.com/',
      'https://acme.slack.com/archives/',
    ]) {
      expect(await adapter({ workspaceUrl: base }).permalink('C0SUPPORT', '1700000000.000100')).toBe(
        'https://acme.slack.com/archives/C0SUPPORT/p1700000000000100',
      );
    }
    expect(fake.calls).toHaveLength(0);
  });

  it('asks chat.getPermalink without a workspace URL', async () => {
    const slack = adapter();
    const posted = await slack.postMessage({ channel: 'C0SUPPORT', text: 'a', key: 'a' });
    expect(await slack.permalink('C0SUPPORT', posted.id)).toBe(
      `https://fake.slack.com/archives/C0SUPPORT/p${posted.id.replace('.', '')}`,
    );
    expect((await rejection(slack.permalink('C0SUPPORT', '1.000000'))).reason).toBe('NotFound');
  });

  it('toPlainText names users and survives a failed look-up', async () => {
    fake.addUser({ id: 'U0ALICE', name: 'Alice' });
    const slack = adapter();
    expect(await slack.toPlainText('<@U0ALICE> :fire: &amp;')).toBe('@Alice 🔥 &');
    fake.failNext('unavailable');
    expect(await slack.toPlainText('<@U0BOB> hi')).toBe('@U0BOB hi');
  });
});
