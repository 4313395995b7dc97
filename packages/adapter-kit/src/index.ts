export { checkFakeClient, type FakeClientCheck, type FakeOAuthClient } from './fake-oauth-client.ts';
export {
  type FakeCodeGrant,
  FakeOAuthGrants,
  type FakeOAuthGrantsOptions,
  type FakeTokenGrant,
} from './fake-oauth-grants.ts';
export { FaultQueue, type PendingFault, type QueuedFaultOptions } from './fault-queue.ts';
export { MatchingFaultQueue, type QueuedFault } from './matching-fault-queue.ts';
export {
  OAUTH_STATE_FAILURES,
  type OAuthStateCheck,
  type OAuthStateFailure,
  OAuthStateSigner,
} from './oauth-state.ts';
export { readCookie, type StateCookieOptions, stateCookieHeader } from './state-cookie.ts';
export {
  type GrantStore,
  type StoredGrant,
  type StoredGrantTokenOptions,
  storedGrantToken,
} from './stored-grant-token.ts';
export { type ExpiringToken, TokenCache, type TokenCacheOptions } from './token-cache.ts';
export { UserCache, type UserCacheOptions } from './user-cache.ts';
