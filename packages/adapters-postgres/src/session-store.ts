import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { mapped } from './map-db-error.ts';
import { executorFor } from './run-transaction.ts';
import type { Schema } from './schema.ts';
import { instant, isUuid } from './validate.ts';

/** A live web session, as `SessionStore.find` returns it. */
export interface SessionRecord {
  readonly adminId: string;
  /** The admin's email now (not at login). */
  readonly email: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

/** Only the hash is stored: a copy of the table gives nobody a cookie that works. */
const hashOf = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex');
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/**
 * Web sessions in the `sessions` table. The id is 256 random bits handed to the caller once;
 * a session is live while its row exists, it has not expired and its admin exists (rows of a
 * deleted admin go with it). Failures throw `IntegrationError`.
 */
export class SessionStore {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  /** Starts a session for an existing admin and returns its id; also drops their expired sessions. */
  async create(adminId: string, createdAt: Date, expiresAt: Date): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    const values = {
      id_hash: hashOf(id),
      admin_id: adminId,
      created_at: instant(createdAt, 'createdAt'),
      expires_at: instant(expiresAt, 'expiresAt'),
    };
    return mapped(async () => {
      const db = executorFor(this.#db);
      await db
        .deleteFrom('sessions')
        .where('admin_id', '=', adminId)
        .where('expires_at', '<=', values.created_at)
        .execute();
      await db.insertInto('sessions').values(values).execute();
      return id;
    });
  }

  /** The session when it exists, has not expired at `now` and its admin still exists; else undefined. */
  async find(sessionId: string, now: Date): Promise<SessionRecord | undefined> {
    if (!SESSION_ID.test(sessionId)) return undefined;
    return mapped(async () => {
      const row = await executorFor(this.#db)
        .selectFrom('sessions')
        .innerJoin('admin_users', 'admin_users.id', 'sessions.admin_id')
        .select(['sessions.admin_id', 'admin_users.email', 'sessions.created_at', 'sessions.expires_at'])
        .where('sessions.id_hash', '=', hashOf(sessionId))
        .where('sessions.expires_at', '>', instant(now, 'now'))
        .executeTakeFirst();
      return (
        row && {
          adminId: row.admin_id,
          email: row.email,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
        }
      );
    });
  }

  /** Ends one session (logout); ending one that does not exist is not an error. */
  delete(sessionId: string): Promise<void> {
    return mapped(async () => {
      await executorFor(this.#db).deleteFrom('sessions').where('id_hash', '=', hashOf(sessionId)).execute();
    });
  }

  /** Ends every session of an admin ("log out everywhere"); returns how many there were. */
  deleteAllForAdmin(adminId: string): Promise<number> {
    return mapped(async () => {
      if (!isUuid(adminId)) return 0;
      const result = await executorFor(this.#db)
        .deleteFrom('sessions')
        .where('admin_id', '=', adminId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    });
  }
}
