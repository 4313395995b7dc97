import { MemoryPostPacer } from '@zenslackchat/adapters-memory';
import { isIntegrationError, pacedChat } from '@zenslackchat/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../src/fake/index.ts';
import { SlackChatAdapter } from '../src/slack-chat-adapter.ts';

let fake: FakeSlack;
const post = (slack: { postMessage: SlackChatAdapter['postMessage'] }, channel: string, n: number) =>
  slack.postMessage({ channel, text: `message ${n}`, key: `k${n}` });

beforeEach(async () => {
  fake = await FakeSlack.start({ channels: ['C0SUPPORT', 'C0OTHER'] });
});
afterEach(() => fake.close());

describe("the fake's per-channel chat.postMessage limit", () => {
  it('lets a burst through, then answers 429 with Retry-After in seconds, per channel', async () => {
    // A minute per message: nothing refills while the test runs.
    fake.limitPostRate({ intervalMs: 60_000, burst: 2 });
    const slack = new SlackChatAdapter({ token: fake.token, apiUrl: fake.url });
    await post(slack, 'C0SUPPORT', 1);
    await post(slack, 'C0SUPPORT', 2);
    const error = await post(slack, 'C0SUPPORT', 3).catch((e: unknown) => e);
    expect(isIntegrationError(error) && error.reason).toBe('RateLimited');
    expect(isIntegrationError(error) && error.retryAfterMs).toBe(60_000);
    await post(slack, 'C0OTHER', 4);
    expect(fake.messages.map((m) => m.text)).toEqual(['message 1', 'message 2', 'message 4']);
    expect(fake.rateLimitedPosts).toBe(1);
  });

  it('is off by default', async () => {
    const slack = new SlackChatAdapter({ token: fake.token, apiUrl: fake.url });
    for (let i = 0; i < 10; i += 1) await post(slack, 'C0SUPPORT', i);
    expect(fake.messages).toHaveLength(10);
  });

  it('a paced adapter waits out the 429 it was answered and posts every message once', async () => {
    fake.limitPostRate({ intervalMs: 1000, burst: 1 });
    const slack = new SlackChatAdapter({ token: fake.token, apiUrl: fake.url });
    // The bot does not pace at all (interval 0) and posts four at once: the fake refuses all but one
    // per second (429, Retry-After: 1), the refused ones hold the channel off, wait and post again.
    const paced = pacedChat(slack, {
      pacer: new MemoryPostPacer(),
      rate: { intervalMs: 0, burst: 1 },
      maxWaitMs: 10_000,
      maxRateLimited: 10,
    });
    await Promise.all([1, 2, 3, 4].map((n) => post(paced, 'C0SUPPORT', n)));
    expect(fake.messages.map((m) => m.text).sort()).toEqual([
      'message 1',
      'message 2',
      'message 3',
      'message 4',
    ]);
    expect(fake.rateLimitedPosts).toBeGreaterThan(0);
  });
});
