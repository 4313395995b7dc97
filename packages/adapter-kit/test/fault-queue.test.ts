import { describe, expect, it } from 'vitest';
import { FaultQueue } from '../src/index.ts';

describe('FaultQueue', () => {
  it('serves queued faults in order, each as many times as asked, then none', () => {
    const queue = new FaultQueue<'rate-limited' | 'timeout'>();
    queue.failNext('rate-limited', { count: 2, retryAfterMs: 3000 });
    queue.failNext('timeout', { delayMs: 50 });
    expect(queue.pending).toBe(3);
    expect(queue.take()).toEqual({ kind: 'rate-limited', retryAfterMs: 3000, delayMs: 2000 });
    expect(queue.take()?.kind).toBe('rate-limited');
    expect(queue.take()).toEqual({ kind: 'timeout', retryAfterMs: 1000, delayMs: 50 });
    expect(queue.take()).toBeUndefined();
  });

  it('refuses a count that is not a positive integer', () => {
    expect(() => new FaultQueue().failNext('x', { count: 0 })).toThrow(RangeError);
    expect(() => new FaultQueue().failNext('x', { count: 1.5 })).toThrow(RangeError);
  });
});
