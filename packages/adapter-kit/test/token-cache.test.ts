import { describe, expect, it } from 'vitest';
import { TokenCache } from '../src/index.ts';

function counting(lifetimeMs: number | undefined, clock: { now: number }) {
  let calls = 0;
  const fetch = async () => {
    calls += 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return {
      token: `t${calls}`,
      expiresAt: lifetimeMs === undefined ? undefined : clock.now + lifetimeMs,
    };
  };
  return { fetch, calls: () => calls };
}

describe('TokenCache', () => {
  it('fetches once for concurrent callers and answers from memory until the margin before expiry', async () => {
    const clock = { now: 1_000_000 };
    const source = counting(3_600_000, clock);
    const cache = new TokenCache(source.fetch, { marginMs: 300_000, now: () => clock.now });
    expect(await Promise.all([cache.get(), cache.get(), cache.get()])).toEqual(['t1', 't1', 't1']);
    expect(source.calls()).toBe(1);
    clock.now += 3_600_000 - 300_001;
    expect(await cache.get()).toBe('t1');
    clock.now += 1;
    expect(await cache.get()).toBe('t2');
    expect(source.calls()).toBe(2);
  });

  it('keeps a token no longer than maxAgeMs, and none with 0', async () => {
    const clock = { now: 0 };
    const aged = counting(undefined, clock);
    const cache = new TokenCache(aged.fetch, { maxAgeMs: 30_000, now: () => clock.now });
    await cache.get();
    clock.now = 29_999;
    expect(await cache.get()).toBe('t1');
    clock.now = 30_000;
    expect(await cache.get()).toBe('t2');

    const none = counting(undefined, clock);
    const uncached = new TokenCache(none.fetch, { maxAgeMs: 0, now: () => clock.now });
    await uncached.get();
    await uncached.get();
    expect(none.calls()).toBe(2);
  });

  it('hands out a token already inside the margin without keeping it', async () => {
    const clock = { now: 0 };
    const short = counting(10_000, clock);
    const cache = new TokenCache(short.fetch, { marginMs: 60_000, now: () => clock.now });
    expect(await cache.get()).toBe('t1');
    expect(await cache.get()).toBe('t2');
  });

  it('keeps nothing when the fetch fails, and clear() forces a new fetch', async () => {
    let fail = true;
    let calls = 0;
    const cache = new TokenCache(async () => {
      calls += 1;
      if (fail) throw new Error('token endpoint down');
      return { token: `t${calls}` };
    });
    await expect(Promise.all([cache.get(), cache.get()])).rejects.toThrow('token endpoint down');
    expect(calls).toBe(1);
    fail = false;
    expect(await cache.get()).toBe('t2');
    expect(await cache.get()).toBe('t2');
    cache.clear();
    expect(await cache.get()).toBe('t3');
  });
});
