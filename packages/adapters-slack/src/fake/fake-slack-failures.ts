import { MatchingFaultQueue, type QueuedFault } from '@zenslackchat/adapter-kit';

/**
 * Failures the fake can inject: the core's fault kinds (`rate-limited` → 429 + Retry-After,
 * `unavailable` → HTTP 500, `unauthorized` → `invalid_auth`, `timeout` → the call is carried out
 * but answered late), plus `platform-error` (an `ok:false` answer with a chosen error code).
 */
export const FAKE_FAILURE_KINDS = [
  'rate-limited',
  'unavailable',
  'unauthorized',
  'timeout',
  'platform-error',
] as const;
export type FakeFailureKind = (typeof FAKE_FAILURE_KINDS)[number];

/** How an injected failure behaves. */
export interface FakeFailureOptions {
  /** How many calls fail (default 1). */
  readonly count?: number;
  /** Only calls to this Web API method fail (default: any method). */
  readonly method?: string;
  /** For `rate-limited`: the wait announced in Retry-After, rounded up to seconds (default 1000; 0 sends none). */
  readonly retryAfterMs?: number;
  /** For `platform-error`: the Slack error code (default `internal_error`). */
  readonly error?: string;
  /** For `timeout`: how late the answer comes (default 2000 ms). */
  readonly delayMs?: number;
}

// 429 with Retry-After in seconds: https://api.slack.com/docs/rate-limits ; other failures are
// `ok: false` answers (https://api.slack.com/web#responses), `internal_error` as documented per method.
/** What an injected failure answers instead of the method; undefined for `timeout` (answered late). */
export function failureAnswer(failure: {
  readonly kind: FakeFailureKind;
  readonly options: FakeFailureOptions;
}): { status: number; body: { ok: false; error: string }; headers: Record<string, string> } | undefined {
  switch (failure.kind) {
    case 'rate-limited': {
      const seconds = Math.ceil((failure.options.retryAfterMs ?? 1000) / 1000);
      const headers: Record<string, string> = seconds > 0 ? { 'Retry-After': String(seconds) } : {};
      return { status: 429, body: { ok: false, error: 'ratelimited' }, headers };
    }
    case 'unavailable':
      return { status: 500, body: { ok: false, error: 'internal_error' }, headers: {} };
    case 'unauthorized':
      return { status: 200, body: { ok: false, error: 'invalid_auth' }, headers: {} };
    case 'platform-error':
      return {
        status: 200,
        body: { ok: false, error: failure.options.error ?? 'internal_error' },
        headers: {},
      };
    case 'timeout':
      return undefined;
  }
}

/** A queue of injected failures, consumed by matching calls in order (adapter-kit's queue). */
export class FailureQueue {
  readonly #queue = new MatchingFaultQueue<FakeFailureKind, FakeFailureOptions>();

  /** Queues `count` failures of `kind`. */
  add(kind: FakeFailureKind, options: FakeFailureOptions = {}): void {
    this.#queue.add(kind, options);
  }

  /** Takes the next failure that applies to `method`, if any. */
  take(method: string): QueuedFault<FakeFailureKind, FakeFailureOptions> | undefined {
    return this.#queue.take((options) => options.method === undefined || options.method === method);
  }
}
