import type { FreshDatabase } from './fresh-database.ts';
import { waitFor } from './wait-for.ts';

/** Job counts of the server's queue, read from pg-boss's own table on the test's database. */
export interface QueueCounts {
  /** Jobs created, waiting for a retry or running. */
  readonly pending: number;
  /** Jobs moved to the dead-letter queue (failed for good). */
  readonly deadLetters: number;
  /** Work jobs that failed their last attempt. */
  readonly failed: number;
}

/** Reads the queue's counts; zero everywhere before the server created its schema. */
export async function queueCounts(database: FreshDatabase): Promise<QueueCounts> {
  const [exists] = await database.query<{ ok: boolean }>(
    `select to_regclass('pgboss.job') is not null as ok`,
  );
  if (exists?.ok !== true) return { pending: 0, deadLetters: 0, failed: 0 };
  const [row] = await database.query<{ pending: string; dead: string; failed: string }>(
    `select count(*) filter (where state in ('created', 'retry', 'active') and name <> 'dead-letters') as pending,
            count(*) filter (where name = 'dead-letters') as dead,
            count(*) filter (where state = 'failed' and name <> 'dead-letters') as failed
       from pgboss.job where name not like '\\_\\_%'`,
  );
  return { pending: Number(row?.pending), deadLetters: Number(row?.dead), failed: Number(row?.failed) };
}

/**
 * Waits until the server has no work left (nothing created, retrying or running), so a test can
 * assert that something did NOT happen. Black-box enough: it reads the queue table, not the process.
 */
export async function waitForIdle(database: FreshDatabase, timeoutMs = 30_000): Promise<QueueCounts> {
  let counts: QueueCounts | undefined;
  await waitFor(
    async () => {
      counts = await queueCounts(database);
      return counts.pending === 0;
    },
    { timeoutMs, intervalMs: 200, what: 'the job queue to drain' },
  );
  return counts as QueueCounts;
}
