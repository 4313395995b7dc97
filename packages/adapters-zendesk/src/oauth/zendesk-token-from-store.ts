import { storedGrantToken } from '@zenslackchat/adapter-kit';
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
 * The reading, locking and saving are adapter-kit's `storedGrantToken`.
 * `Unauthorized` when nothing is stored or the refresh is refused (an admin must connect Zendesk
 * again); `Unavailable` when the refresh could not reach Zendesk.
 */
export function zendeskTokenFromStore(
  store: TokenStore,
  subdomain: string,
  options: ZendeskTokenFromStoreOptions = {},
): () => Promise<string> {
  const clock = options.clock ?? systemClock;
  const client = options.refresh;
  return storedGrantToken(store, {
    provider: 'zendesk',
    account: subdomain,
    notConnected: () =>
      new IntegrationError(
        'Unauthorized',
        `zendesk is not connected for ${subdomain}: no OAuth grant stored`,
        {
          integration: 'zendesk',
        },
      ),
    ...(client === undefined
      ? {}
      : { refresh: (grant: StoredToken) => refresh(client, subdomain, grant, clock) }),
    skewMs: options.skewMs ?? 60_000,
    cacheMs: options.cacheMs ?? 30_000,
    now: () => clock.now().getTime(),
  });
}

/** Trades the grant at Zendesk (which rotates both tokens), keeping its account name and metadata. */
async function refresh(
  client: ZendeskRefreshClient,
  subdomain: string,
  grant: StoredToken,
  clock: Clock,
): Promise<StoredToken> {
  const exchange = {
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    oauthBaseUrl: client.oauthBaseUrl ?? `https://${subdomain}.zendesk.com`,
    scopes: grant.scopes.length > 0 ? grant.scopes : ZENDESK_OAUTH_SCOPES,
    timeoutMs: 10_000,
  };
  try {
    const renewed = await refreshGrant(exchange, grant, clock.now());
    return { ...renewed, accountName: grant.accountName ?? subdomain, metadata: grant.metadata };
  } catch (error) {
    const refused = error instanceof TokenExchangeError && error.status !== undefined && error.status < 500;
    throw new IntegrationError(refused ? 'Unauthorized' : 'Unavailable', 'zendesk token refresh failed', {
      integration: 'zendesk',
      cause: error,
    });
  }
}
