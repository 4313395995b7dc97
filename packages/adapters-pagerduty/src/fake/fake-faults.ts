import { MatchingFaultQueue } from '@zenslackchat/adapter-kit';
import type { FaultKind, FaultOptions } from '@zenslackchat/core/testing';

/** A fake answer: status, headers and a JSON body or none. */
export interface FakeAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

/**
 * PagerDuty's error answers the fake gives: `{ error: { message, code } }`, the schema of every
 * error response in the REST reference (its example: `{"message":"Not Found","code":2100}`;
 * https://github.com/PagerDuty/api-schema reference/REST/openapiv3.json, components.responses;
 * rate limits: https://developer.pagerduty.com/docs/rest-api-rate-limits).
 */
export const FAKE_ERRORS = {
  unauthorized: { status: 401, body: { error: { message: 'Unauthorized', code: 2006 } } },
  notFound: { status: 404, body: { error: { message: 'Not Found', code: 2100 } } },
  unavailable: { status: 503, body: { error: { message: 'Service Unavailable' } } },
} as const satisfies Record<string, FakeAnswer>;

/** Which part of the fake a fault hits: the REST API or the OAuth token endpoint. */
export type FakeEndpoint = 'api' | 'token';

/** Fault options of the fake: which endpoint fails, and how long a `timeout` answer stalls. */
export interface FakeFaultOptions extends FaultOptions {
  /** `api` (REST, default) or `token` (the OAuth token endpoint). */
  readonly endpoint?: FakeEndpoint;
  /** For `timeout`: how long the answer is held back (default 10 s). */
  readonly delayMs?: number;
}

/** One armed fault. */
export interface Fault {
  readonly kind: FaultKind;
  readonly endpoint: FakeEndpoint;
  readonly retryAfterMs: number;
  readonly delayMs: number;
}

/** The queue of armed faults; each request to an endpoint takes the oldest fault for it (adapter-kit's queue). */
export class FakeFaults {
  readonly #queue = new MatchingFaultQueue<FaultKind, FakeFaultOptions>();

  /** Arms `kind` for the next `count` (default 1) requests to an endpoint. */
  add(kind: FaultKind, options: FakeFaultOptions = {}): void {
    this.#queue.add(kind, options);
  }

  /** The fault for this request, if one is armed for the endpoint. */
  take(endpoint: FakeEndpoint): Fault | undefined {
    const taken = this.#queue.take((options) => (options.endpoint ?? 'api') === endpoint);
    if (taken === undefined) return undefined;
    return {
      kind: taken.kind,
      endpoint,
      retryAfterMs: taken.options.retryAfterMs ?? 1000,
      delayMs: taken.options.delayMs ?? 10_000,
    };
  }
}

/** The answer a fault gives instead of the real one; undefined for `timeout` (late, but real). */
export function faultAnswer(fault: Fault): FakeAnswer | undefined {
  switch (fault.kind) {
    case 'rate-limited':
      // PagerDuty's own headers (it sends no Retry-After). Whole seconds as it sends them; a
      // fractional wait is kept exact so tests can compare it.
      return {
        status: 429,
        headers: {
          'ratelimit-limit': '960',
          'ratelimit-remaining': '0',
          'ratelimit-reset': String(fault.retryAfterMs / 1000),
        },
        body: { error: { message: 'Rate Limit Exceeded', code: 2020 } },
      };
    case 'unavailable':
      return FAKE_ERRORS.unavailable;
    case 'unauthorized':
      return FAKE_ERRORS.unauthorized;
    case 'timeout':
      return undefined;
  }
}
