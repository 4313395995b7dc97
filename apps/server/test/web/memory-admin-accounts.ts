import type { AdminAccount, AdminAccounts, LockoutPolicy } from '../../src/web/index.ts';
import { hashPassword } from '../../src/web/index.ts';

/** A map-backed AdminAccounts with AdminUserStore's lock semantics, for fast tests of the web front. */
export class MemoryAdminAccounts implements AdminAccounts {
  readonly #accounts = new Map<string, AdminAccount>();

  async add(email: string, password: string): Promise<AdminAccount> {
    const account: AdminAccount = {
      id: `admin-${this.#accounts.size + 1}`,
      email: email.toLowerCase(),
      passwordHash: await hashPassword(password),
      failedLogins: 0,
      lockedUntil: null,
    };
    this.#accounts.set(account.email, account);
    return account;
  }

  async findByEmail(email: string): Promise<AdminAccount | undefined> {
    return this.#accounts.get(email.toLowerCase());
  }

  async recordFailedLogin(id: string, at: Date, policy: LockoutPolicy): Promise<AdminAccount | undefined> {
    const account = this.#byId(id);
    const locks = account.failedLogins >= policy.maxFailures - 1;
    const next: AdminAccount = {
      ...account,
      failedLogins: locks ? 0 : account.failedLogins + 1,
      lockedUntil: locks ? new Date(at.getTime() + policy.lockMs) : account.lockedUntil,
    };
    this.#accounts.set(account.email, next);
    return next;
  }

  async resetFailedLogins(id: string): Promise<void> {
    const account = this.#byId(id);
    this.#accounts.set(account.email, { ...account, failedLogins: 0, lockedUntil: null });
  }

  /** The account with that id, if any. */
  byId(id: string): AdminAccount | undefined {
    return [...this.#accounts.values()].find((a) => a.id === id);
  }

  /** Deletes an account (its sessions stop working). */
  remove(email: string): void {
    this.#accounts.delete(email.toLowerCase());
  }

  #byId(id: string): AdminAccount {
    const found = this.byId(id);
    if (found === undefined) throw new Error(`no admin ${id}`);
    return found;
  }
}
