import { randomBytes } from 'node:crypto';
import type { AdminSessions, LiveSession } from '../../src/web/index.ts';
import type { MemoryAdminAccounts } from './memory-admin-accounts.ts';

/** A map-backed AdminSessions with the Postgres SessionStore's rules, for fast tests of the web front. */
export class MemoryAdminSessions implements AdminSessions {
  readonly #rows = new Map<string, { adminId: string; expiresAt: Date }>();
  readonly #accounts: MemoryAdminAccounts;

  constructor(accounts: MemoryAdminAccounts) {
    this.#accounts = accounts;
  }

  /** How many sessions exist (expired ones included). */
  get size(): number {
    return this.#rows.size;
  }

  async create(adminId: string, _createdAt: Date, expiresAt: Date): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    this.#rows.set(id, { adminId, expiresAt });
    return id;
  }

  async find(sessionId: string, now: Date): Promise<LiveSession | undefined> {
    const row = this.#rows.get(sessionId);
    const account = row && this.#accounts.byId(row.adminId);
    if (row === undefined || account === undefined || row.expiresAt.getTime() <= now.getTime())
      return undefined;
    return { adminId: row.adminId, email: account.email, expiresAt: row.expiresAt };
  }

  async delete(sessionId: string): Promise<void> {
    this.#rows.delete(sessionId);
  }

  async deleteAllForAdmin(adminId: string): Promise<number> {
    const ids = [...this.#rows].filter(([, row]) => row.adminId === adminId).map(([id]) => id);
    for (const id of ids) this.#rows.delete(id);
    return ids.length;
  }
}
