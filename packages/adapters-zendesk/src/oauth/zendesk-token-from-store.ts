import { type Clock, IntegrationError, systemClock, type TokenStore } from '@zenslackchat/core';

/**
 * A token getter for `ZendeskTicketAdapter`'s `auth.accessToken`: reads the grant stored for the
 * subdomain, cached for `cacheMs` (default 30 s) so each API call does not hit the store. No grant
 * → `Unauthorized` (an admin must connect Zendesk first).
 */
export function zendeskTokenFromStore(
  store: TokenStore,
  subdomain: string,
  options: { readonly cacheMs?: number; readonly clock?: Clock } = {},
): () => Promise<string> {
  const clock = options.clock ?? systemClock;
  const cacheMs = options.cacheMs ?? 30_000;
  let cached: { token: string; until: number } | undefined;
  return async () => {
    const now = clock.now().getTime();
    if (cached && cached.until > now) return cached.token;
    const grant = await store.get('zendesk', subdomain);
    if (!grant) {
      cached = undefined;
      throw new IntegrationError(
        'Unauthorized',
        `no zendesk grant stored for ${subdomain}; connect Zendesk first`,
        {
          integration: 'zendesk',
        },
      );
    }
    cached = { token: grant.accessToken, until: now + cacheMs };
    return grant.accessToken;
  };
}
