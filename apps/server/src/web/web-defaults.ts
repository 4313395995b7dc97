import { type Clock, systemClock } from '@zenslackchat/core';
import type { LockoutPolicy } from './admin-accounts.ts';
import type { WebOptions } from './web-options.ts';

/** WebOptions with every default filled in. */
export type ResolvedWebOptions = WebOptions & {
  readonly lockout: LockoutPolicy;
  readonly clock: Clock;
  readonly secureCookies: boolean | 'auto';
  readonly loginRateLimit: number;
  readonly sessionTtlSeconds: number;
};

/** Fills in the defaults: 5 failures lock an account for 15 minutes, 10 login posts a minute per IP. */
export function resolveWebOptions(options: WebOptions): ResolvedWebOptions {
  return {
    ...options,
    lockout: { maxFailures: options.maxFailedLogins ?? 5, lockMs: options.lockoutMs ?? 15 * 60_000 },
    clock: options.clock ?? systemClock,
    secureCookies: options.secureCookies ?? 'auto',
    loginRateLimit: options.loginRateLimit ?? 10,
    sessionTtlSeconds: options.sessionTtlSeconds ?? 8 * 60 * 60,
  };
}
