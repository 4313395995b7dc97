import { type Clock, systemClock } from '@zenslackchat/core';
import type { LoginLockout } from './login-limits.ts';
import { PasswordHasher } from './password-hash.ts';
import type { WebOptions } from './web-options.ts';

/** WebOptions with every default filled in. */
export type ResolvedWebOptions = WebOptions & {
  readonly lockout: LoginLockout;
  readonly clock: Clock;
  readonly passwordHasher: PasswordHasher;
  readonly secureCookies: boolean | 'auto';
  readonly loginRateLimit: number;
  readonly sessionTtlSeconds: number;
};

/**
 * Fills in the defaults: 5 failures from one address lock that address for 15 minutes, 20 against
 * one email (from any addresses) lock that email as long; 10 login posts a minute per address.
 */
export function resolveWebOptions(options: WebOptions): ResolvedWebOptions {
  return {
    ...options,
    lockout: {
      address: { maxFailures: options.maxFailedLogins ?? 5, windowMs: options.lockoutMs ?? 15 * 60_000 },
      account: {
        maxFailures: options.maxFailedLoginsPerAccount ?? 20,
        windowMs: options.lockoutMs ?? 15 * 60_000,
      },
    },
    clock: options.clock ?? systemClock,
    passwordHasher: options.passwordHasher ?? new PasswordHasher(),
    secureCookies: options.secureCookies ?? 'auto',
    loginRateLimit: options.loginRateLimit ?? 10,
    sessionTtlSeconds: options.sessionTtlSeconds ?? 8 * 60 * 60,
  };
}
