import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { mapped } from './map-db-error.ts';
import { executorFor } from './run-transaction.ts';
import type { AdminUsersTable, Schema } from './schema.ts';
import { conflict, instant, isUuid, text, whole } from './validate.ts';

/** A web UI account. The password hash is opaque here (hashing belongs to the web layer). */
export interface AdminUser {
  readonly id: string;
  /** Lower-cased. */
  readonly email: string;
  readonly passwordHash: string;
  readonly createdAt: Date;
  readonly failedLogins: number;
  readonly lockedUntil: Date | null;
}

/** When repeated failed logins lock an account, and for how long. */
export interface LockoutPolicy {
  readonly maxFailures: number;
  readonly lockMs: number;
}

function toUser(row: Selectable<AdminUsersTable>): AdminUser {
  return {
    id: row.id,
    email: row.email,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    failedLogins: row.failed_logins,
    lockedUntil: row.locked_until,
  };
}

const normalise = (email: string) => text(email, 'email', 320).trim().toLowerCase();

/** Admin accounts for the web UI. Failures throw `IntegrationError`; a taken email is `Conflict`. */
export class AdminUserStore {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  /** Creates an account; `Conflict` (not retryable) when the email (case-insensitive) is taken. */
  async create(user: { email: string; passwordHash: string; createdAt: Date }): Promise<AdminUser> {
    const values = {
      id: randomUUID(),
      email: normalise(user.email),
      password_hash: text(user.passwordHash, 'passwordHash', 1024),
      created_at: instant(user.createdAt, 'createdAt'),
      locked_until: null,
    };
    return mapped(async () => {
      const row = await executorFor(this.#db)
        .insertInto('admin_users')
        .values(values)
        .onConflict((oc) => oc.column('email').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (row === undefined) throw conflict('an admin user with that email exists');
      return toUser(row);
    });
  }

  /** The account with that email (case-insensitive), if any. */
  async findByEmail(email: string): Promise<AdminUser | undefined> {
    return mapped(async () => {
      const row = await executorFor(this.#db)
        .selectFrom('admin_users')
        .selectAll()
        .where('email', '=', normalise(email))
        .executeTakeFirst();
      return row && toUser(row);
    });
  }

  /**
   * Counts a failed login atomically; reaching `policy.maxFailures` locks the account until
   * `at + policy.lockMs` and restarts the count. Returns the account, undefined when unknown.
   */
  async recordFailedLogin(id: string, at: Date, policy: LockoutPolicy): Promise<AdminUser | undefined> {
    const max = whole(policy.maxFailures, 'maxFailures', 1, 1000);
    const lockedUntil = new Date(instant(at, 'at').getTime() + whole(policy.lockMs, 'lockMs', 0, 2 ** 40));
    return mapped(async () => {
      if (!isUuid(id)) return undefined;
      const row = await executorFor(this.#db)
        .updateTable('admin_users')
        .set((eb) => ({
          failed_logins: eb
            .case()
            .when('failed_logins', '>=', max - 1)
            .then(0)
            .else(eb('failed_logins', '+', 1))
            .end(),
          locked_until: eb
            .case()
            .when('failed_logins', '>=', max - 1)
            .then(lockedUntil)
            .else(eb.ref('locked_until'))
            .end(),
        }))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row && toUser(row);
    });
  }

  /** Clears the failure count and any lock (after a successful login or by an admin). */
  resetFailedLogins(id: string): Promise<void> {
    return mapped(async () => {
      if (!isUuid(id)) return;
      await executorFor(this.#db)
        .updateTable('admin_users')
        .set({ failed_logins: 0, locked_until: null })
        .where('id', '=', id)
        .execute();
    });
  }

  /**
   * Replaces the password hash only while it is still `previousHash` (compare-and-set, so two
   * logins upgrading at once write one hash). True when it was replaced.
   */
  replacePasswordHash(id: string, previousHash: string, passwordHash: string): Promise<boolean> {
    const next = text(passwordHash, 'passwordHash', 1024);
    return mapped(async () => {
      if (!isUuid(id)) return false;
      const result = await executorFor(this.#db)
        .updateTable('admin_users')
        .set({ password_hash: next })
        .where('id', '=', id)
        .where('password_hash', '=', previousHash)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    });
  }

  /** How many accounts exist (the first-run page offers sign-up only when none). */
  count(): Promise<number> {
    return mapped(async () => {
      const row = await executorFor(this.#db)
        .selectFrom('admin_users')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    });
  }
}
