import {
  type Clock,
  IntegrationError,
  type StoredToken,
  systemClock,
  type TokenStore,
} from '@zenslackchat/core';
import { ZENDESK_OAUTH_SCOPES } from './zendesk-oauth-scopes.ts';
import { refreshGrant, TokenExchangeError } from './zendesk-token-exchange.ts';

/** The OAuth client that may refresh an expiring grant. */
export interface ZendeskRefreshClient {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Default `https://{subdomain}.zendesk.com`. */
  readonly oauthBaseUrl?: string;
}

/** Options of `zendeskTokenFromStore`. */
export interface ZendeskTokenFromStoreOptions {
  /** Refreshes grants that carry an expiry and a refresh token; without it they are used as stored. */
  readonly refresh?: ZendeskRefreshClient;
  /** Refresh this long before expiry (default 60 s). */
  readonly skewMs?: number;
  /** Keep a token in memory this long, so each API call does not read the store (default 30 s). */
  readonly cacheMs?: number;
  readonly clock?: Clock;
}

/**
 * A token getter for `ZendeskTicketAdapter`'s `auth.accessToken`: the grant stored for the
 * subdomain (provider `zendesk`), refreshed and saved again when it is about to expire; one
 * refresh at a time across processes (the store's `withTokenLock`), the others using its result.
 * `Unauthorized` when nothing is stored or the refresh is refused (an admin must connect Zendesk
 * again); `Unavailable` when the refresh could not reach Zendesk.
 */
export function zendeskTokenFromStore(
  store: TokenStore,
  subdomain: string,
  options: ZendeskTokenFromStoreOptions = {},
): () => Promise<string> {
  const clock = options.clock ?? systemClock;
  const skewMs = options.skewMs ?? 60_000;
  const cacheMs = options.cacheMs ?? 30_000;
  let cached: { token: string; until: number } | undefined;
  let refreshing: Promise<StoredToken> | undefined;

  const fresh = (grant: StoredToken) =>
    grant.expiresAt === undefined ||
    !options.refresh ||
    grant.expiresAt.getTime() - skewMs > clock.now().getTime();

  // Under the grant's lock (one refresh at a time across processes), reading again: another
  // instance may have refreshed and rotated the refresh token meanwhile, and its is the one to use.
  const refresh = (): Promise<StoredToken> => store.withTokenLock('zendesk', subdomain, refreshLocked);
  const refreshLocked = async (): Promise<StoredToken> => {
    const grant = await load(store, subdomain);
    if (fresh(grant) || !options.refresh) return grant;
    const client = options.refresh;
    const exchange = {
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      oauthBaseUrl: client.oauthBaseUrl ?? `https://${subdomain}.zendesk.com`,
      scopes: grant.scopes.length > 0 ? grant.scopes : ZENDESK_OAUTH_SCOPES,
      timeoutMs: 10_000,
    };
    let renewed: StoredToken;
    try {
      renewed = await refreshGrant(exchange, grant, clock.now());
    } catch (error) {
      const refused = error instanceof TokenExchangeError && error.status !== undefined && error.status < 500;
      throw new IntegrationError(refused ? 'Unauthorized' : 'Unavailable', 'zendesk token refresh failed', {
        integration: 'zendesk',
        cause: error,
      });
    }
    await store.save({ ...renewed, accountName: grant.accountName ?? subdomain, metadata: grant.metadata });
    return renewed;
  };

  return async () => {
    const now = clock.now().getTime();
    if (cached && cached.until > now) return cached.token;
    cached = undefined;
    let grant = await load(store, subdomain);
    if (!fresh(grant)) {
      refreshing ??= refresh().finally(() => {
        refreshing = undefined;
      });
      grant = await refreshing;
    }
    const expiry = grant.expiresAt ? grant.expiresAt.getTime() - skewMs : Number.POSITIVE_INFINITY;
    cached = { token: grant.accessToken, until: Math.min(now + cacheMs, expiry) };
    return grant.accessToken;
  };
}

async function load(store: TokenStore, subdomain: string): Promise<StoredToken> {
  const grant = await store.get('zendesk', subdomain);
  if (grant) return grant;
  throw new IntegrationError(
    'Unauthorized',
    `zendesk is not connected for ${subdomain}: no OAuth grant stored`,
    {
      integration: 'zendesk',
    },
  );
}
