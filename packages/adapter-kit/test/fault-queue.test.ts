import { describe, expect, it } from 'vitest';
import { FaultQueue, MatchingFaultQueue } from '../src/index.ts';

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

describe('MatchingFaultQueue', () => {
  it('hands each request the oldest fault whose options match it', () => {
    const queue = new MatchingFaultQueue<'down' | 'slow', { count?: number; method?: string }>();
    queue.add('down', { method: 'chat.postMessage', count: 2 });
    queue.add('slow', {});
    const forMethod = (method: string) => (o: { method?: string }) =>
      o.method === undefined || o.method === method;
    expect(queue.take(forMethod('users.info'))).toEqual({ kind: 'slow', options: {} });
    expect(queue.take(forMethod('users.info'))).toBeUndefined();
    expect(queue.pending).toBe(2);
    expect(queue.take(forMethod('chat.postMessage'))?.kind).toBe('down');
    expect(queue.take()?.kind).toBe('down');
    expect(queue.take()).toBeUndefined();
    queue.add('slow', { count: 3 });
    queue.clear();
    expect(queue.pending).toBe(0);
    expect(() => queue.add('down', { count: 0 })).toThrow(RangeError);
  });
});
