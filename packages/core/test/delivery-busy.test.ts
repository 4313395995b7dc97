import { describe, expect, it } from 'vitest';
import { DeliveryBusyError, isDeferred, isRetryable } from '../src/index.ts';

const now = new Date('2026-12-07T10:00:00Z');
const inMs = (ms: number) => new Date(now.getTime() + ms);

describe('a delivery busy in another run', () => {
  it('is a deferral (no retry spent) that looks again when the lease ends, within 1 to 5 s', () => {
    const waits = [inMs(1200), inMs(30_000), inMs(-500), null].map(
      (until) => new DeliveryBusyError('k', until, now).retryAfterMs,
    );
    expect(waits).toEqual([1200, 5000, 1000, 1000]);
    const busy = new DeliveryBusyError('k', inMs(30_000), now);
    expect(isDeferred(busy)).toBe(true);
    expect(isRetryable(busy)).toBe(true);
    expect(busy).toMatchObject({ code: 'delivery.busy', key: 'k', leaseUntil: inMs(30_000) });
  });
});
