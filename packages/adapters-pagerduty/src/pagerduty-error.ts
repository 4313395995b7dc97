import { IntegrationError, type IntegrationReason, isIntegrationError } from '@zenslackchat/core';
import { PAGERDUTY } from './pagerduty-config.ts';

/** Parses a Retry-After header (delta seconds or HTTP date) into milliseconds from `now`. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/**
 * How long a 429 asks us to wait: PagerDuty sends `ratelimit-reset` (seconds until the window resets);
 * a standard `Retry-After` wins when present (proxies, other regions).
 */
export function rateLimitWaitMs(
  header: (name: string) => string | null | undefined,
  now: Date,
): number | undefined {
  return parseRetryAfter(header('retry-after'), now) ?? parseRetryAfter(header('ratelimit-reset'), now);
}

function reasonOf(status: number): IntegrationReason {
  if (status === 401 || status === 403) return 'Unauthorized';
  if (status === 404) return 'NotFound';
  if (status === 429) return 'RateLimited';
  if (status === 409) return 'Conflict';
  // Any other 4xx (400, 413, 422...) will not pass on a retry; 408 and 5xx may.
  if (status === 408 || status >= 500) return 'Unavailable';
  return 'Invalid';
}

/** Maps a non-2xx PagerDuty status to the core's error; `retryAfterMs` only for 429. */
export function pagerDutyStatusError(
  status: number,
  what: string,
  retryAfterMs?: number,
  cause?: unknown,
): IntegrationError {
  const reason = reasonOf(status);
  return new IntegrationError(reason, `PagerDuty ${what} failed with HTTP ${status}`, {
    integration: PAGERDUTY,
    ...(reason === 'RateLimited' && retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(cause === undefined ? {} : { cause }),
  });
}

/** A network failure, timeout or other unknown failure of a PagerDuty call. */
export function pagerDutyUnavailable(what: string, cause?: unknown): IntegrationError {
  return new IntegrationError('Unavailable', `PagerDuty ${what} failed: ${describe(cause)}`, {
    integration: PAGERDUTY,
    ...(cause === undefined ? {} : { cause }),
  });
}

/** Keeps integration errors as they are and maps anything else to `Unavailable`. */
export function toPagerDutyError(error: unknown, what: string): IntegrationError {
  return isIntegrationError(error) ? error : pagerDutyUnavailable(what, error);
}

function describe(cause: unknown): string {
  if (cause instanceof Error)
    return cause.name === 'Error' ? cause.message : `${cause.name}: ${cause.message}`;
  return cause === undefined ? 'unknown error' : String(cause);
}
