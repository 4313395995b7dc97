import { MatchingFaultQueue } from '@zenslackchat/adapter-kit';
import { apiError, type FakeResponse } from './fake-records.ts';

/**
 * Failures the fake can inject: `rate-limited` (429 + Retry-After), `conflict` (409),
 * `unavailable` (5xx), `unauthorized` (401), `timeout` (the answer comes after `delayMs`),
 * `malformed` (a 2xx whose body lacks what the API documents), `truncated` (the real answer's
 * JSON cut in half, as a dropped connection leaves it; the request took effect).
 */
export const FAKE_FAULT_KINDS = [
  'rate-limited',
  'conflict',
  'unavailable',
  'unauthorized',
  'timeout',
  'malformed',
  'truncated',
] as const;
export type FakeFaultKind = (typeof FAKE_FAULT_KINDS)[number];

/** How, how often and for which requests a fault fires. */
export interface FakeFaultOptions {
  /** How many matching requests fail (default 1). */
  readonly count?: number;
  /** For `rate-limited` and `conflict`: the Retry-After to send, in ms (sent as whole seconds; default 1000). */
  readonly retryAfterMs?: number;
  /** For `unavailable`: the status (default 503); for `malformed` (default 201). */
  readonly status?: number;
  /** For `malformed`: the body (default `{}`). */
  readonly body?: unknown;
  /**
   * For `malformed` with `afterCommit`: builds the body from the real answer's body (e.g. the
   * documented example carrying the new comment's real id).
   */
  readonly reshape?: (realBody: unknown) => unknown;
  /** For `timeout`: how long the answer is held back (default 5000 ms). */
  readonly delayMs?: number;
  /**
   * Process the request before failing, so its effect happens although the caller sees a failure
   * (an unknown outcome). Default true for `timeout` and `truncated`, false otherwise.
   */
  readonly afterCommit?: boolean;
  /** Only requests with this method fail (default any). */
  readonly method?: string;
  /** Only requests whose path (without `.json` and query) matches fail (default any). */
  readonly path?: string | RegExp;
}

/** A fault taken from the queue for one request. */
export interface Fault {
  readonly kind: FakeFaultKind;
  readonly afterCommit: boolean;
  readonly delayMs: number;
  /** The failure answer; undefined for `timeout` and `truncated`, whose answer is the real one, late or cut. */
  readonly response: FakeResponse | undefined;
  /** Builds the answer's body from the real one (see `FakeFaultOptions.reshape`). */
  readonly reshape: ((realBody: unknown) => unknown) | undefined;
}

/** Queued failures, consumed by the requests they match, oldest first (adapter-kit's queue). */
export class FaultQueue {
  private readonly queue = new MatchingFaultQueue<FakeFaultKind, FakeFaultOptions>();

  /** Queues a failure for the next matching request(s). */
  push(kind: FakeFaultKind, options: FakeFaultOptions = {}): void {
    this.queue.add(kind, options);
  }

  /** Takes the fault for this request, if one matches. */
  take(method: string, path: string): Fault | undefined {
    const entry = this.queue.take((options) => matches(options, method, path));
    if (!entry) return undefined;
    return {
      kind: entry.kind,
      afterCommit: entry.options.afterCommit ?? (entry.kind === 'timeout' || entry.kind === 'truncated'),
      delayMs: entry.kind === 'timeout' ? (entry.options.delayMs ?? 5000) : 0,
      response: failure(entry.kind, entry.options),
      reshape: entry.kind === 'malformed' ? entry.options.reshape : undefined,
    };
  }

  /** Drops every queued failure. */
  clear(): void {
    this.queue.clear();
  }
}

function matches(options: FakeFaultOptions, method: string, path: string): boolean {
  if (options.method && options.method.toUpperCase() !== method) return false;
  if (options.path === undefined) return true;
  return typeof options.path === 'string' ? options.path === path : options.path.test(path);
}

// Error answers as Zendesk shapes them, `{ error, description }`:
// https://developer.zendesk.com/api-reference/introduction/requests/#400-range; 429 with
// Retry-After: https://developer.zendesk.com/api-reference/introduction/rate-limits/
function failure(kind: FakeFaultKind, options: FakeFaultOptions): FakeResponse | undefined {
  const retryAfter = String(Math.ceil((options.retryAfterMs ?? 1000) / 1000));
  switch (kind) {
    case 'rate-limited':
      return {
        ...apiError(429, 'APIRateLimitExceeded', 'Number of allowed API requests per minute exceeded'),
        headers: { 'retry-after': retryAfter },
      };
    case 'conflict':
      return {
        ...apiError(409, 'Conflict', 'The ticket was updated concurrently'),
        headers: { 'retry-after': retryAfter },
      };
    case 'unavailable':
      return apiError(options.status ?? 503, 'ServiceUnavailable', 'Temporarily unavailable');
    case 'unauthorized':
      return apiError(401, "Couldn't authenticate you");
    case 'malformed':
      return { status: options.status ?? 201, body: options.body ?? {} };
    case 'timeout':
    case 'truncated':
      return undefined;
  }
}
