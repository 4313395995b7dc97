/** An OAuth grant kept for an integration (Slack installation, Zendesk or PagerDuty token). */
export interface StoredToken {
  /** Which integration: `slack`, `zendesk`, `pagerduty`... */
  readonly provider: string;
  /** Which account of it: a Slack team id, a Zendesk subdomain, a PagerDuty account. */
  readonly account: string;
  /** Human name of the account, shown on the admin page. */
  readonly accountName?: string;
  /** Secret. Stored encrypted at rest by durable adapters. */
  readonly accessToken: string;
  /** Secret. Stored encrypted at rest by durable adapters. */
  readonly refreshToken?: string;
  readonly expiresAt?: Date;
  readonly scopes: readonly string[];
  /** Non-secret extra data the integration needs back (e.g. Slack bot user id). */
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly updatedAt: Date;
}

/** Where OAuth grants are kept. Saving the same provider+account replaces the grant. */
export interface TokenStore {
  /** Saves or replaces the grant for `provider`+`account`. */
  save(token: StoredToken): Promise<void>;
  /** The grant for `provider`+`account`, or the latest for `provider` when `account` is omitted. */
  get(provider: string, account?: string): Promise<StoredToken | undefined>;
  /** All grants of a provider, newest first. */
  list(provider: string): Promise<readonly StoredToken[]>;
  /** Removes a grant; no error when absent. */
  delete(provider: string, account: string): Promise<void>;
  /**
   * Runs `work` holding the lock of `provider`+`account` (the grant need not exist): no two `work`s
   * for the same grant run at once, across every process sharing the store, so a refresh can read,
   * check, refresh and save without another in between; the next holder's reads see what the last
   * one saved. Reads and saves inside `work` go through this store as usual. Released when `work`
   * settles (or its process dies); `work`'s result or error passes through.
   */
  withTokenLock<T>(provider: string, account: string, work: () => Promise<T>): Promise<T>;
}
export const TokenStore = Symbol.for('zenslackchat.TokenStore');
