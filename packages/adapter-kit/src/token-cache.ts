/** A token and when it stops being good. */
export interface ExpiringToken {
  readonly token: string;
  /** Epoch milliseconds; undefined when the token does not say (it is then kept for `maxAgeMs`). */
  readonly expiresAt?: number | undefined;
}

/** How long a `TokenCache` keeps a token. */
export interface TokenCacheOptions {
  /** Fetch a new token this long before the current one expires (default 60 s). */
  readonly marginMs?: number;
  /** Keep a token at most this long even when it has not expired (default: no limit; 0 keeps none). */
  readonly maxAgeMs?: number;
  /** Epoch milliseconds (default `Date.now`). */
  readonly now?: () => number;
}

/**
 * One access token kept in memory: `get` answers from memory until `marginMs` before the token
 * expires (or `maxAgeMs` after it was fetched), then fetches again; concurrent callers share one
 * fetch, and a failed fetch keeps nothing. A fetched token is always handed to the callers that
 * waited for it, even one already inside the margin (it is then simply not kept).
 */
export class TokenCache {
  readonly #fetch: () => Promise<ExpiringToken>;
  readonly #marginMs: number;
  readonly #maxAgeMs: number;
  readonly #now: () => number;
  #kept: { readonly token: string; readonly until: number } | undefined;
  #pending: Promise<string> | undefined;

  constructor(fetch: () => Promise<ExpiringToken>, options: TokenCacheOptions = {}) {
    this.#fetch = fetch;
    this.#marginMs = options.marginMs ?? 60_000;
    this.#maxAgeMs = options.maxAgeMs ?? Number.POSITIVE_INFINITY;
    this.#now = options.now ?? Date.now;
  }

  /** The kept token while it is good, else a fresh one. */
  get(): Promise<string> {
    const now = this.#now();
    if (this.#kept !== undefined && this.#kept.until > now) return Promise.resolve(this.#kept.token);
    this.#kept = undefined;
    this.#pending ??= this.#refill(now).finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  /** Drops the kept token: the next `get` fetches. */
  clear(): void {
    this.#kept = undefined;
  }

  async #refill(now: number): Promise<string> {
    const { token, expiresAt } = await this.#fetch();
    const until = Math.min(now + this.#maxAgeMs, (expiresAt ?? Number.POSITIVE_INFINITY) - this.#marginMs);
    if (until > now) this.#kept = { token, until };
    return token;
  }
}
