import { createHash } from 'node:crypto';

/** How many failures within `windowMs` lock a key, and for how long. */
export interface LoginLimitPolicy {
  readonly maxFailures: number;
  /** The counting window; also how long a lock lasts. */
  readonly windowMs: number;
}

/** The two limits a login attempt counts against. */
export interface LoginLockout {
  /** Per client address: one attacker's address locks itself, not the admin. */
  readonly address: LoginLimitPolicy;
  /** Per attempted email, known or not: many addresses against one account. */
  readonly account: LoginLimitPolicy;
}

/** Failed-login counts shared by every process; the Postgres `LoginLimitStore` fits as it is. */
export interface LoginLimits {
  /** True when any of `keys` is locked at `now`. */
  isLocked(keys: readonly string[], now: Date): Promise<boolean>;
  /** Counts one failure against `key`; true when that locks it (or it was locked). */
  recordFailure(key: string, policy: LoginLimitPolicy, now: Date): Promise<boolean>;
  /** Forgets the counts and locks of `keys`. */
  clear(keys: readonly string[]): Promise<void>;
}

/** The limit keys of an attempt: the client address, and the email (hashed: typos and unknown emails are not kept). */
export function limitKeys(clientAddress: string, email: string): { address: string; account: string } {
  return {
    address: `address:${clientAddress}`,
    account: `account:${createHash('sha256').update(email).digest('hex')}`,
  };
}
