import type { AdminAccounts, LockoutPolicy } from './admin-accounts.ts';
import { DECOY_HASH, verifyPassword } from './password-hash.ts';

/** The outcome of a login attempt. */
export type LoginResult =
  | { readonly ok: true; readonly adminId: string; readonly email: string }
  | { readonly ok: false; readonly reason: 'invalid' | 'locked' };

const lockedAt = (lockedUntil: Date | null, now: Date) =>
  lockedUntil !== null && lockedUntil.getTime() > now.getTime();

/**
 * Checks an email and password against the admin store. Failures are counted per account by the
 * store, which locks it for `lockMs` once `maxFailures` is reached; a locked account is refused
 * even with the right password. Unknown emails cost the same scrypt work as known ones.
 */
export async function checkLogin(
  admins: AdminAccounts,
  policy: LockoutPolicy,
  email: string,
  password: string,
  now: Date,
): Promise<LoginResult> {
  const account = await admins.findByEmail(email.trim().toLowerCase());
  if (account === undefined) {
    await verifyPassword(password, DECOY_HASH);
    return { ok: false, reason: 'invalid' };
  }
  if (lockedAt(account.lockedUntil, now)) return { ok: false, reason: 'locked' };
  if (!(await verifyPassword(password, account.passwordHash))) {
    const updated = await admins.recordFailedLogin(account.id, now, policy);
    return { ok: false, reason: lockedAt(updated?.lockedUntil ?? null, now) ? 'locked' : 'invalid' };
  }
  if (account.failedLogins > 0 || account.lockedUntil !== null) await admins.resetFailedLogins(account.id);
  return { ok: true, adminId: account.id, email: account.email };
}
