import { describe, expect, it } from 'vitest';
import { pagerDutyStatusError, parseRetryAfter, rateLimitWaitMs } from '../src/index.ts';

const NOW = new Date('2026-11-27T10:00:00Z');
const headers = (values: Record<string, string>) => (name: string) => values[name];

describe('rate-limit waits', () => {
  it('reads PagerDuty ratelimit-reset seconds', () => {
    expect(rateLimitWaitMs(headers({ 'ratelimit-reset': '20' }), NOW)).toBe(20_000);
  });

  it('prefers a standard Retry-After, in seconds or as an HTTP date', () => {
    expect(rateLimitWaitMs(headers({ 'retry-after': '3', 'ratelimit-reset': '20' }), NOW)).toBe(3000);
    expect(parseRetryAfter('Fri, 27 Nov 2026 10:00:05 GMT', NOW)).toBe(5000);
  });

  it('gives no wait when neither header is usable', () => {
    expect(rateLimitWaitMs(headers({}), NOW)).toBeUndefined();
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
  });
});

describe('pagerDutyStatusError', () => {
  it.each([
    [401, 'Unauthorized', false],
    [403, 'Unauthorized', false],
    [404, 'NotFound', false],
    [429, 'RateLimited', true],
    [400, 'Invalid', false],
    [500, 'Unavailable', true],
    [503, 'Unavailable', true],
  ] as const)('maps HTTP %i to %s', (status, reason, retryable) => {
    expect(pagerDutyStatusError(status, 'test')).toMatchObject({
      reason,
      retryable,
      integration: 'pagerduty',
    });
  });

  it('keeps the wait only on a 429', () => {
    expect(pagerDutyStatusError(429, 'test', 2000).retryAfterMs).toBe(2000);
    expect(pagerDutyStatusError(503, 'test', 2000).retryAfterMs).toBeUndefined();
  });
});
