import { type Kysely, sql } from 'kysely';
import { mapped } from './map-db-error.ts';
import { executorFor } from './run-transaction.ts';
import type { Schema } from './schema.ts';
import { instant, text, whole } from './validate.ts';

/** How many failures within `windowMs` lock a key, and for how long. */
export interface LoginLimitPolicy {
  readonly maxFailures: number;
  /** The counting window; also how long a lock lasts. */
  readonly windowMs: number;
}

/** Keep rows this long after their last use (they only hold counts). */
const PRUNE_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Failed-login counts in the `login_limits` table, shared by every process: one row per key (a
 * client address or a hashed email, known or not). Failures throw `IntegrationError`.
 */
export class LoginLimitStore {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  /** True when any of `keys` is locked at `now`. */
  async isLocked(keys: readonly string[], now: Date): Promise<boolean> {
    if (keys.length === 0) return false;
    return mapped(async () => {
      const row = await executorFor(this.#db)
        .selectFrom('login_limits')
        .select('key')
        .where(
          'key',
          'in',
          keys.map((key) => text(key, 'key')),
        )
        .where('locked_until', '>', instant(now, 'now'))
        .executeTakeFirst();
      return row !== undefined;
    });
  }

  /**
   * Counts a failure against `key` (a new window once the last one has passed); reaching
   * `policy.maxFailures` locks it for `policy.windowMs` and restarts the count. Returns whether it
   * is locked now. Concurrent failures are counted once each (the upsert locks the row).
   */
  async recordFailure(key: string, policy: LoginLimitPolicy, now: Date): Promise<boolean> {
    const max = whole(policy.maxFailures, 'maxFailures', 1, 10_000);
    const windowMs = whole(policy.windowMs, 'windowMs', 1, 2 ** 40);
    const at = instant(now, 'now');
    const windowStart = new Date(at.getTime() - windowMs);
    const until = new Date(at.getTime() + windowMs);
    text(key, 'key');
    return mapped(async () => {
      const db = executorFor(this.#db);
      const { rows } = await sql<{ failures: number }>`
        insert into login_limits as l (key, failures, window_started_at, locked_until)
        values (${key}, 1, ${at}, null)
        on conflict (key) do update set
          failures = case when l.window_started_at <= ${windowStart} then 1 else l.failures + 1 end,
          window_started_at = case when l.window_started_at <= ${windowStart} then ${at} else l.window_started_at end
        returning failures`.execute(db);
      if ((rows[0]?.failures ?? 0) < max) return false;
      await db
        .updateTable('login_limits')
        .set({ failures: 0, window_started_at: at, locked_until: until })
        .where('key', '=', key)
        .execute();
      await db
        .deleteFrom('login_limits')
        .where('window_started_at', '<', new Date(at.getTime() - PRUNE_AFTER_MS))
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]))
        .execute();
      return true;
    });
  }

  /** Forgets the counts and locks of `keys` (after a successful login). */
  clear(keys: readonly string[]): Promise<void> {
    return mapped(async () => {
      if (keys.length === 0) return;
      await executorFor(this.#db)
        .deleteFrom('login_limits')
        .where('key', 'in', [...keys])
        .execute();
    });
  }
}
