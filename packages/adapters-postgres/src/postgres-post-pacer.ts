import type { PostPacer, PostRate, PostSlot } from '@zenslackchat/core';
import { type Kysely, sql } from 'kysely';
import { mapped } from './map-db-error.ts';
import type { Schema } from './schema.ts';

const ms = (value: number) => sql`(${value}::double precision * interval '1 millisecond')`;
const burstOf = (rate: PostRate) => Math.max(0, rate.burst - 1) * rate.intervalMs;

/**
 * PostPacer on the `post_pace` table: one row per channel holding its next theoretical slot,
 * moved by a single upsert, so every process on the database shares the pace and the row lock
 * hands out each slot once. Times are the database's clock, the same for every process.
 */
export class PostgresPostPacer implements PostPacer {
  readonly #db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.#db = db;
  }

  /** Reserves the next free slot when it is at most `maxWaitMs` away (one statement; two when refused). */
  reserve(key: string, rate: PostRate, maxWaitMs: number): Promise<PostSlot> {
    const burst = burstOf(rate);
    return mapped(async () => {
      const now = sql`statement_timestamp()`;
      const granted = await sql<{ wait_ms: string | number }>`
        INSERT INTO post_pace AS p (key, next_at) VALUES (${key}, ${now} + ${ms(rate.intervalMs)})
        ON CONFLICT (key) DO UPDATE SET next_at = greatest(p.next_at, ${now}) + ${ms(rate.intervalMs)}
          WHERE greatest(p.next_at, ${now}) - ${ms(burst)} <= ${now} + ${ms(maxWaitMs)}
        RETURNING greatest(0, extract(epoch FROM next_at - ${now}) * 1000 - ${rate.intervalMs + burst}) AS wait_ms
      `.execute(this.#db);
      const row = granted.rows[0];
      if (row !== undefined) return { granted: true, waitMs: Math.ceil(Number(row.wait_ms)) };
      const current = await sql<{ wait_ms: string | number }>`
        SELECT greatest(0, extract(epoch FROM next_at - ${now}) * 1000 - ${burst}) AS wait_ms
        FROM post_pace WHERE key = ${key}
      `.execute(this.#db);
      return { granted: false, waitMs: Math.ceil(Number(current.rows[0]?.wait_ms ?? 0)) };
    });
  }

  /** Moves the key's next free slot to at least `delayMs` from now. */
  holdOff(key: string, rate: PostRate, delayMs: number): Promise<void> {
    return mapped(async () => {
      await sql`
        INSERT INTO post_pace AS p (key, next_at)
        VALUES (${key}, statement_timestamp() + ${ms(delayMs + burstOf(rate))})
        ON CONFLICT (key) DO UPDATE SET next_at = greatest(p.next_at, excluded.next_at)
      `.execute(this.#db);
    });
  }
}
