import { TokenCache } from './token-cache.ts';

/** What this piece reads of a stored OAuth grant (the core's `StoredToken` is one). */
export interface StoredGrant {
  readonly account: string;
  readonly accessToken: string;
  readonly expiresAt?: Date | undefined;
}

/** What this piece needs of a grant store (the core's `TokenStore` is one). */
export interface GrantStore<G extends StoredGrant> {
  /** The grant of `provider`+`account`, or the latest of `provider` when `account` is omitted. */
  get(provider: string, account?: string): Promise<G | undefined>;
  save(grant: G): Promise<void>;
  /** Runs `work` holding the grant's lock across every process sharing the store. */
  withTokenLock<T>(provider: string, account: string, work: () => Promise<T>): Promise<T>;
}

/** Options of `storedGrantToken`. */
export interface StoredGrantTokenOptions<G extends StoredGrant> {
  /** Whose grant: `zendesk`, `pagerduty`... */
  readonly provider: string;
  /** Which account; the latest grant of the provider when omitted. */
  readonly account?: string;
  /**
   * Trades an expiring grant for a renewed one at the vendor's token endpoint; what it returns is
   * saved as is (so a rotated refresh token is written back). Without it, grants are used as stored.
   */
  readonly refresh?: (grant: G) => Promise<G>;
  /** The error thrown when no grant is stored (an admin must connect the integration). */
  readonly notConnected: () => Error;
  /** Refresh this long before expiry (default 60 s). */
  readonly skewMs?: number;
  /** Keep the token in memory this long, so each call does not read the store (default 0: read every time). */
  readonly cacheMs?: number;
  /** Epoch milliseconds (default `Date.now`). */
  readonly now?: () => number;
}

/**
 * A token getter on an OAuth grant kept in a store: the stored access token while it is not about
 * to expire, else refreshed and saved. The refresh runs under the store's lock of the grant and
 * reads the grant again first: another process may have refreshed (and rotated the refresh
 * token) meanwhile, and its grant is then the one to use. Concurrent callers in one process share
 * one store read and one refresh. `refresh`'s errors pass through.
 */
export function storedGrantToken<G extends StoredGrant>(
  store: GrantStore<G>,
  options: StoredGrantTokenOptions<G>,
): () => Promise<string> {
  const { provider, refresh, notConnected } = options;
  const skewMs = options.skewMs ?? 60_000;
  const now = options.now ?? Date.now;

  const fresh = (grant: G): boolean =>
    grant.expiresAt === undefined || refresh === undefined || grant.expiresAt.getTime() - skewMs > now();

  const load = async (account: string | undefined): Promise<G> => {
    const grant = await store.get(provider, account);
    if (grant === undefined) throw notConnected();
    return grant;
  };

  const renew = (account: string): Promise<G> =>
    store.withTokenLock(provider, account, async () => {
      const grant = await load(account);
      if (fresh(grant) || refresh === undefined) return grant;
      const renewed = await refresh(grant);
      await store.save(renewed);
      return renewed;
    });

  const cache = new TokenCache(
    async () => {
      let grant = await load(options.account);
      if (!fresh(grant)) grant = await renew(grant.account);
      return { token: grant.accessToken, expiresAt: grant.expiresAt?.getTime() };
    },
    { marginMs: skewMs, maxAgeMs: options.cacheMs ?? 0, now },
  );
  return () => cache.get();
}
