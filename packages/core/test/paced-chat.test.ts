import { ManualClock, MemoryChat, MemoryPostPacer } from '@zenslackchat/adapters-memory';
import { describe, expect, it } from 'vitest';
import {
  type ChatPort,
  type DeferredError,
  IntegrationError,
  isDeferred,
  pacedChat,
  SupportBot,
} from '../src/index.ts';
import { botFixture, CHANNEL, chatEvent } from './support/bot-fixture.ts';

const RATE = { intervalMs: 1000, burst: 1 };

function setUp(maxWaitMs = 10_000) {
  const clock = new ManualClock(new Date('2026-06-15T12:00:00Z'));
  const inner = new MemoryChat({ platform: 'slack', clock });
  const pacer = new MemoryPostPacer(clock);
  const slept: number[] = [];
  const sleep = async (ms: number) => {
    slept.push(ms);
    clock.advance(ms);
  };
  const chat = pacedChat(inner, { pacer, rate: RATE, maxWaitMs, sleep, random: () => 0.5 });
  return { clock, inner, pacer, slept, chat };
}

const post = (chat: ChatPort, n: number, channel = CHANNEL) =>
  chat.postMessage({ channel, text: `message ${n}`, key: `k${n}` });

describe('pacedChat', () => {
  it('passes the file methods through unpaced, so files still cross with pacing on', async () => {
    const { chat, inner } = setUp();
    const { id } = await (chat.uploadFile?.({
      name: 'a.txt',
      mimeType: 'text/plain',
      bytes: new Uint8Array(3),
    }) ?? Promise.reject(new Error('uploadFile dropped')));
    await chat.shareFile?.({ fileId: id, channel: CHANNEL, threadId: '1.1' });
    expect(await chat.isFileShared?.({ fileId: id, channel: CHANNEL, threadId: '1.1' })).toBe(true);
    expect(inner.filesIn(CHANNEL, '1.1')).toHaveLength(1);
    expect(chat.downloadFile).toBeDefined();
  });

  it('spaces the posts of one channel by the interval, other channels apart', async () => {
    const { chat, inner, slept } = setUp();
    await Promise.all([post(chat, 1), post(chat, 2), post(chat, 3), post(chat, 4, 'C-OTHER')]);
    expect(inner.messages.map((m) => m.text).sort()).toEqual([
      'message 1',
      'message 2',
      'message 3',
      'message 4',
    ]);
    // The first post of each channel goes at once; the next two wait one and two slots.
    expect(slept.sort((a, b) => a - b)).toEqual([1000, 2000]);
  });

  it('defers the run past the longest wait, posting nothing, and spreads the comeback over the window', async () => {
    const { chat, inner, pacer } = setUp(1500);
    // Another worker took the next two slots.
    await pacer.reserve(`slack:${CHANNEL}`, RATE, 10_000);
    await pacer.reserve(`slack:${CHANNEL}`, RATE, 10_000);
    const error = await post(chat, 3).catch((e: unknown) => e);
    expect(isDeferred(error)).toBe(true);
    // Slot 2 s away, within reach 1.5 s before it: back in 0.5 s plus half the 1.5 s window.
    expect((error as DeferredError).retryAfterMs).toBe(500 + 750);
    expect(inner.messages).toHaveLength(0);
  });

  it('waits as long as a 429 asked, holding the channel off for every caller, then posts once', async () => {
    const { chat, inner, pacer, slept } = setUp();
    inner.faults.failNext('rate-limited', { method: 'postMessage', retryAfterMs: 3000 });
    await post(chat, 1);
    expect(inner.messages).toHaveLength(1);
    expect(slept).toEqual([3000]);
    // The slot after the retried post is one interval on.
    expect(await pacer.reserve(`slack:${CHANNEL}`, RATE, 10_000)).toEqual({ granted: true, waitMs: 1000 });
  });

  it('fails as rate limited after too many 429s in a row, posting nothing', async () => {
    const { chat, inner } = setUp();
    inner.faults.failNext('rate-limited', { method: 'postMessage', retryAfterMs: 1000, count: 4 });
    const error = await post(chat, 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrationError);
    expect((error as IntegrationError).reason).toBe('RateLimited');
    expect(inner.messages).toHaveLength(0);
  });

  it('a new issue whose posts are deferred gets its confirmation and notice once each on re-runs', async () => {
    const f = botFixture({ settings: { escalationPolicyId: 'P1' } });
    f.onCall.set('P1', { primary: [{ name: 'Ann' }], secondary: [] });
    const pacer = new MemoryPostPacer(f.clock);
    const chat = pacedChat(f.chat, { pacer, rate: RATE, maxWaitMs: 0, sleep: async () => {} });
    const bot = new SupportBot({ ...f, chat, onCall: f.onCall });
    const events = ['1.0001', '1.0002', '1.0003'].map((messageId) => chatEvent({ messageId }));
    const pending = new Set(events);
    for (let round = 0; pending.size > 0 && round < 20; round += 1) {
      for (const event of [...pending]) {
        try {
          await bot.handleChatMessage(event);
          pending.delete(event);
        } catch (error) {
          if (!isDeferred(error)) throw error;
        }
      }
      f.clock.advance(RATE.intervalMs);
    }
    expect(pending.size).toBe(0);
    for (const event of events) {
      expect(f.chat.messagesIn(CHANNEL, event.messageId).map((m) => m.text)).toEqual([
        expect.stringMatching(/^Hello, your new support request is /),
        'Primary on call: Ann\nSecondary on call: nobody',
      ]);
    }
    expect(f.tickets.tickets).toHaveLength(3);
  });
});
