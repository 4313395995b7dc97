import type { AdminAccounts } from './admin-accounts.ts';
import { DECOY_HASH, verifyPassword } from './password-hash.ts';

/** The outcome of a login attempt. */
export type LoginResult =
  | { readonly ok: true; readonly adminId: string; readonly email: string }
  | { readonly ok: false; readonly reason: 'invalid' | 'locked' };

/** Lock-out policy. */
export interface LoginPolicy {
  readonly maxFailedLogins: number;
  readonly lockoutMs: number;
}

/**
 * Checks an email and password against the admin store, counting failures per account and locking
 * it for `lockoutMs` once `maxFailedLogins` is reached. A locked account is refused even with the
 * right password. Unknown emails cost the same scrypt work as known ones.
 */
export async function checkLogin(
  admins: AdminAccounts,
  policy: LoginPolicy,
  email: string,
  password: string,
  now: Date,
): Promise<LoginResult> {
  const account = await admins.findByEmail(email.trim().toLowerCase());
  if (account === undefined) {
    await verifyPassword(password, DECOY_HASH);
    return { ok: false, reason: 'invalid' };
  }
  if (account.lockedUntil !== null && account.lockedUntil.getTime() > now.getTime()) {
    return { ok: false, reason: 'locked' };
  }
  if (!(await verifyPassword(password, account.passwordHash))) {
    const lockExpired = account.lockedUntil !== null;
    const failures = (lockExpired ? 0 : account.failedLogins) + 1;
    const lockUntil = failures >= policy.maxFailedLogins ? new Date(now.getTime() + policy.lockoutMs) : null;
    if (lockExpired) await admins.resetFailedLogins(account.id);
    await admins.recordFailedLogin(account.id, lockUntil);
    return { ok: false, reason: lockUntil === null ? 'invalid' : 'locked' };
  }
  if (account.failedLogins > 0 || account.lockedUntil !== null) await admins.resetFailedLogins(account.id);
  return { ok: true, adminId: account.id, email: account.email };
}
