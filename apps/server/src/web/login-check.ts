import type { AdminAccounts } from './admin-accounts.ts';
import { type LoginLimits, type LoginLockout, limitKeys } from './login-limits.ts';
import type { PasswordHasher } from './password-hash.ts';

/** The outcome of a login attempt. */
export type LoginResult =
  | { readonly ok: true; readonly adminId: string; readonly email: string }
  | { readonly ok: false; readonly reason: 'invalid' | 'locked' };

/** What a login check reads and counts with. */
export interface LoginDeps {
  readonly admins: AdminAccounts;
  readonly limits: LoginLimits;
  readonly lockout: LoginLockout;
  readonly hasher: PasswordHasher;
}

/**
 * Checks an email and password. Failures count against the client address and against the email
 * (known or not, so an unknown email gets the same answers and the same lockout); a locked address
 * or email is refused even with the right password. Unknown emails verify against a decoy hash,
 * so they cost the same scrypt work as known ones. A hash made with older parameters is replaced
 * after a successful login.
 */
export async function checkLogin(
  deps: LoginDeps,
  attempt: { readonly email: string; readonly password: string; readonly clientAddress: string },
  now: Date,
): Promise<LoginResult> {
  const email = attempt.email.trim().toLowerCase();
  const keys = limitKeys(attempt.clientAddress, email);
  if (await deps.limits.isLocked([keys.address, keys.account], now)) return { ok: false, reason: 'locked' };
  const account = await deps.admins.findByEmail(email);
  const matches = await deps.hasher.verify(attempt.password, account?.passwordHash ?? deps.hasher.decoy);
  if (account === undefined || !matches) {
    const [address, perAccount] = await Promise.all([
      deps.limits.recordFailure(keys.address, deps.lockout.address, now),
      deps.limits.recordFailure(keys.account, deps.lockout.account, now),
    ]);
    return { ok: false, reason: address || perAccount ? 'locked' : 'invalid' };
  }
  await deps.limits.clear([keys.address, keys.account]);
  // The one moment the plain password is at hand: bring an older hash up to today's cost.
  if (deps.hasher.needsRehash(account.passwordHash)) {
    const upgraded = await deps.hasher.hash(attempt.password);
    await deps.admins.replacePasswordHash(account.id, account.passwordHash, upgraded);
  }
  return { ok: true, adminId: account.id, email: account.email };
}
