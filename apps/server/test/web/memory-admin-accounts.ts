import type { AdminAccount, AdminAccounts } from '../../src/web/index.ts';
import { hashPassword } from '../../src/web/index.ts';

/** A map-backed AdminAccounts, for fast tests of the web front. */
export class MemoryAdminAccounts implements AdminAccounts {
  readonly #accounts = new Map<string, AdminAccount>();
  #next = 1;

  async add(email: string, password: string): Promise<AdminAccount> {
    const account: AdminAccount = {
      id: `admin-${this.#next++}`,
      email: email.toLowerCase(),
      passwordHash: await hashPassword(password),
    };
    this.#accounts.set(account.email, account);
    return account;
  }

  async findByEmail(email: string): Promise<AdminAccount | undefined> {
    return this.#accounts.get(email.toLowerCase());
  }

  /** The account with that id, if any. */
  byId(id: string): AdminAccount | undefined {
    return [...this.#accounts.values()].find((a) => a.id === id);
  }

  /** Deletes an account (its sessions stop working). */
  remove(email: string): void {
    this.#accounts.delete(email.toLowerCase());
  }
}
