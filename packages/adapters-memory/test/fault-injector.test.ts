import { IntegrationError } from '@zenslackchat/core';
import { describe, expect, it } from 'vitest';
import { FaultInjector } from '../src/index.ts';

const failing = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IntegrationError);
  return error as IntegrationError;
};

describe('FaultInjector', () => {
  it('maps each fault kind to an IntegrationError tagged with the integration', async () => {
    const faults = new FaultInjector({ integration: 'test-port', timeoutAfterWork: false });
    faults.failNext('rate-limited', { retryAfterMs: 3000 });
    faults.failNext('timeout');
    const limited = await failing(faults.run('call', () => 1));
    expect([limited.reason, limited.retryAfterMs, limited.integration]).toEqual([
      'RateLimited',
      3000,
      'test-port',
    ]);
    const timedOut = await failing(faults.run('call', () => 1));
    expect([timedOut.reason, timedOut.retryable]).toEqual(['Unavailable', true]);
    expect(timedOut.message).toContain('timed out');
  });

  it('defaults a rate limit to one second', async () => {
    const faults = new FaultInjector({ integration: 'test-port', timeoutAfterWork: false });
    faults.failNext('rate-limited');
    expect((await failing(faults.run('call', () => 1))).retryAfterMs).toBe(1000);
  });

  it('fails `count` calls in order, then lets calls through', async () => {
    const faults = new FaultInjector({ integration: 'test-port', timeoutAfterWork: false });
    faults.failNext('unavailable', { count: 2 });
    faults.failNext('unauthorized');
    expect(faults.pending()).toBe(3);
    expect((await failing(faults.run('a', () => 1))).reason).toBe('Unavailable');
    expect((await failing(faults.run('b', () => 1))).reason).toBe('Unavailable');
    expect((await failing(faults.run('c', () => 1))).reason).toBe('Unauthorized');
    expect(await faults.run('d', () => 'ok')).toBe('ok');
    expect(faults.pending()).toBe(0);
  });

  it('fails only the named method when one is given', async () => {
    const faults = new FaultInjector({ integration: 'test-port', timeoutAfterWork: false });
    faults.failNext('unavailable', { method: 'postMessage' });
    expect(await faults.run('getUser', () => 'user')).toBe('user');
    await failing(faults.run('postMessage', () => 'posted'));
    expect(await faults.run('postMessage', () => 'posted')).toBe('posted');
  });

  it('does the work before a timeout only when configured to', async () => {
    let done = 0;
    const lossy = new FaultInjector({ integration: 'test-port', timeoutAfterWork: true });
    lossy.failNext('timeout');
    await failing(lossy.run('call', () => done++));
    const strict = new FaultInjector({ integration: 'test-port', timeoutAfterWork: false });
    strict.failNext('timeout');
    await failing(strict.run('call', () => done++));
    expect(done).toBe(1);
  });

  it('clears pending faults and rejects a bad count', () => {
    const faults = new FaultInjector({ integration: 'test-port', timeoutAfterWork: false });
    faults.failNext('unavailable', { count: 5 });
    faults.clear();
    expect(faults.pending()).toBe(0);
    expect(() => faults.failNext('unavailable', { count: 0 })).toThrow(RangeError);
  });
});
