import type { AdminAccount, AdminAccounts } from '../../src/web/index.ts';
import { TEST_HASHER } from './test-hasher.ts';

/** A map-backed AdminAccounts, for fast tests of the web front. */
export class MemoryAdminAccounts implements AdminAccounts {
  readonly #accounts = new Map<string, AdminAccount>();
  #next = 1;

  async add(email: string, password: string): Promise<AdminAccount> {
    const account: AdminAccount = {
      id: `admin-${this.#next++}`,
      email: email.toLowerCase(),
      passwordHash: await TEST_HASHER.hash(password),
    };
    this.#accounts.set(account.email, account);
    return account;
  }

  async findByEmail(email: string): Promise<AdminAccount | undefined> {
    return this.#accounts.get(email.toLowerCase());
  }

  async replacePasswordHash(id: string, previousHash: string, passwordHash: string): Promise<boolean> {
    const account = this.byId(id);
    if (account === undefined || account.passwordHash !== previousHash) return false;
    this.#accounts.set(account.email, { ...account, passwordHash });
    return true;
  }

  /** Stores an account with a hash made elsewhere (e.g. with older parameters). */
  addWithHash(email: string, passwordHash: string): AdminAccount {
    const account: AdminAccount = { id: `admin-${this.#next++}`, email: email.toLowerCase(), passwordHash };
    this.#accounts.set(account.email, account);
    return account;
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
