import { storedGrantToken } from '@zenslackchat/adapter-kit';
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
 * The reading, locking and saving are adapter-kit's `storedGrantToken`.
 * Throws `IntegrationError('Unauthorized')` when nothing is stored or the refresh is refused.
 */
export function pagerDutyTokenFromStore(
  store: TokenStore,
  options: PagerDutyTokenFromStoreOptions,
): () => Promise<string> {
  const clock = options.clock ?? systemClock;
  const client = new PagerDutyOAuthClient(options.refresh, clock);
  return storedGrantToken(store, {
    provider: PAGERDUTY_OAUTH_DEFAULTS.provider,
    ...(options.account === undefined ? {} : { account: options.account }),
    refresh: (token: StoredToken) => client.refresh(token),
    notConnected,
    skewMs: options.skewMs ?? PAGERDUTY_OAUTH_DEFAULTS.refreshSkewMs,
    now: () => clock.now().getTime(),
  });
}

function notConnected(): IntegrationError {
  return new IntegrationError('Unauthorized', 'PagerDuty is not connected: no OAuth token stored', {
    integration: PAGERDUTY,
  });
}
