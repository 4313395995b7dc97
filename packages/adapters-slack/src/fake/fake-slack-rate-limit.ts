/** The per-channel posting rate a `FakeSlack` enforces on chat.postMessage. */
export interface FakePostRate {
  /** One message per channel per this many ms (Slack: 1000). Scale it down in tests. */
  readonly intervalMs: number;
  /** Messages a channel may take back to back ("short bursts") before the interval applies. */
  readonly burst: number;
}

/**
 * chat.postMessage's limit as Slack documents it: "generally allows posting one message per second
 * per channel", "short bursts >1 allowed", and over the limit HTTP 429 with a `Retry-After` header
 * in seconds (https://api.slack.com/docs/rate-limits, "Posting messages" and "Responding to rate
 * limiting conditions"). Slack does not publish the burst size, so it is a parameter here: a
 * token bucket per channel holding `burst` tokens, refilled one per `intervalMs`.
 */
export class ChannelRateLimit {
  readonly #rate: FakePostRate;
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  #refused = 0;

  constructor(rate: FakePostRate) {
    if (!(rate.intervalMs > 0) || !(rate.burst >= 1)) throw new RangeError('intervalMs > 0 and burst >= 1');
    this.#rate = rate;
  }

  /** How many posts were refused so far. */
  get refused(): number {
    return this.#refused;
  }

  /** Takes a token of `channel` at `now` (ms); returns undefined when allowed, else the wait in ms. */
  take(channel: string, now: number): number | undefined {
    const { intervalMs, burst } = this.#rate;
    const bucket = this.#buckets.get(channel) ?? { tokens: burst, at: now };
    const tokens = Math.min(burst, bucket.tokens + (now - bucket.at) / intervalMs);
    if (tokens >= 1) {
      this.#buckets.set(channel, { tokens: tokens - 1, at: now });
      return undefined;
    }
    this.#buckets.set(channel, { tokens, at: now });
    this.#refused += 1;
    return Math.ceil((1 - tokens) * intervalMs);
  }
}

/** The 429 answer of a refused post: `Retry-After` in whole seconds, at least 1, as Slack sends it. */
export function rateLimitedAnswer(waitMs: number): {
  status: 429;
  body: { ok: false; error: 'ratelimited' };
  headers: Record<string, string>;
} {
  // https://api.slack.com/docs/rate-limits — "HTTP 429 Too Many Requests" with "Retry-After: 30"
  // (seconds); the Web API body says `"error": "ratelimited"`.
  return {
    status: 429,
    body: { ok: false, error: 'ratelimited' },
    headers: { 'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))) },
  };
}
