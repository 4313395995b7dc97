import {
  type Clock,
  IntegrationError,
  type StoredToken,
  systemClock,
  type TokenStore,
} from '@zenslackchat/core';
import { PAGERDUTY } from '../pagerduty-config.ts';
import { PagerDutyOAuthClient } from './pagerduty-oauth-client.ts';
import { PAGERDUTY_OAUTH_DEFAULTS, type PagerDutyOAuthClientConfig } from './pagerduty-oauth-config.ts';

/** Options of `pagerDutyTokenFromStore`. */
export interface PagerDutyTokenFromStoreOptions {
  /** The OAuth client used to refresh an expired token. */
  readonly refresh: PagerDutyOAuthClientConfig;
  /** Which PagerDuty account; the latest grant when omitted. */
  readonly account?: string;
  /** Refresh this long before expiry; default 60 s. */
  readonly skewMs?: number;
  readonly clock?: Clock;
}

/**
 * A token getter for `PagerDutyOnCallAdapter`'s `oauth` auth: the stored grant's access token,
 * refreshed (and the new grant saved) when it is about to expire. Concurrent callers share one
 * refresh, and processes take turns (the store's `withTokenLock`), the later ones using its result.
 * Throws `IntegrationError('Unauthorized')` when nothing is stored or the refresh is refused.
 */
export function pagerDutyTokenFromStore(
  store: TokenStore,
  options: PagerDutyTokenFromStoreOptions,
): () => Promise<string> {
  const clock = options.clock ?? systemClock;
  const client = new PagerDutyOAuthClient(options.refresh, clock);
  const skewMs = options.skewMs ?? PAGERDUTY_OAUTH_DEFAULTS.refreshSkewMs;
  let refreshing: Promise<string> | undefined;

  const current = (token: StoredToken): boolean =>
    token.expiresAt === undefined || token.expiresAt.getTime() - skewMs > clock.now().getTime();

  // Under the grant's lock (one refresh at a time across processes), reading again: another
  // instance may have refreshed and rotated the refresh token meanwhile, and its is the one to use.
  const refresh = async (account: string): Promise<string> =>
    store.withTokenLock(PAGERDUTY_OAUTH_DEFAULTS.provider, account, async () => {
      const token = await store.get(PAGERDUTY_OAUTH_DEFAULTS.provider, account);
      if (token === undefined) throw notConnected();
      if (current(token)) return token.accessToken;
      const fresh = await client.refresh(token);
      await store.save(fresh);
      return fresh.accessToken;
    });

  return async () => {
    const token = await store.get(PAGERDUTY_OAUTH_DEFAULTS.provider, options.account);
    if (token === undefined) throw notConnected();
    if (current(token)) return token.accessToken;
    refreshing ??= refresh(token.account).finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  };
}

function notConnected(): IntegrationError {
  return new IntegrationError('Unauthorized', 'PagerDuty is not connected: no OAuth token stored', {
    integration: PAGERDUTY,
  });
}
