export { FaultQueue, type PendingFault, type QueuedFaultOptions } from './fault-queue.ts';
export {
  OAUTH_STATE_FAILURES,
  type OAuthStateCheck,
  type OAuthStateFailure,
  OAuthStateSigner,
} from './oauth-state.ts';
export { readCookie, type StateCookieOptions, stateCookieHeader } from './state-cookie.ts';
export { UserCache, type UserCacheOptions } from './user-cache.ts';
