import { type Database, withTransaction } from '@zenslackchat/adapters-postgres';
import { fromKysely, type JobWithMetadata, type PgBoss } from 'pg-boss';
import { DEAD_LETTER_QUEUE, type DeadLetter, WORK_QUEUES, type WorkQueue } from './queues.ts';

/** What a replay did. */
export interface ReplayReport {
  readonly replayed: number;
  /** Letters naming no known queue; completed so they stop coming back, and counted here. */
  readonly discarded: number;
}

const isWorkQueue = (name: unknown): name is WorkQueue => WORK_QUEUES.includes(name as WorkQueue);

interface Target {
  readonly queue: WorkQueue;
  readonly key: string | null;
  readonly data: object;
  /** A failed job pg-boss itself dead-lettered (e.g. expired): it still holds its key until deleted. */
  readonly blocking?: { readonly queue: WorkQueue; readonly id: string };
}

/** Where a letter goes back to: our own letters carry it in `data`; pg-boss's in its metadata. */
function targetOf(letter: JobWithMetadata<unknown>): Target | undefined {
  const data = letter.data as Partial<DeadLetter> | null;
  if (data !== null && isWorkQueue(data.queue) && typeof data.sourceId === 'string') {
    return { queue: data.queue, key: data.key ?? null, data: (data.data ?? {}) as object };
  }
  if (isWorkQueue(letter.sourceName) && letter.sourceId !== null) {
    return {
      queue: letter.sourceName,
      key: letter.singletonKey,
      data: (letter.data ?? {}) as object,
      blocking: { queue: letter.sourceName, id: letter.sourceId },
    };
  }
  return undefined;
}

/**
 * Sends up to `limit` dead letters back to the queues they failed on, with their ordering key.
 * Each re-send, the removal of a key-holding failed original and the letter's completion commit
 * in one transaction, so a letter is replayed once.
 */
export async function replayDeadLetters(
  database: Database,
  boss: PgBoss,
  limit = 100,
): Promise<ReplayReport> {
  const letters = await boss.fetch<unknown>(DEAD_LETTER_QUEUE, { batchSize: limit, includeMetadata: true });
  let replayed = 0;
  let discarded = 0;
  for (const letter of letters) {
    const target = targetOf(letter);
    await withTransaction(database.db, async (trx) => {
      const db = fromKysely(trx);
      if (target === undefined) {
        discarded += 1;
      } else {
        if (target.blocking !== undefined)
          await boss.deleteJob(target.blocking.queue, target.blocking.id, { db });
        await boss.send(target.queue, target.data, {
          db,
          ...(target.key === null ? {} : { singletonKey: target.key }),
        });
        replayed += 1;
      }
      await boss.complete(DEAD_LETTER_QUEUE, letter.id, { replayedTo: target?.queue ?? null }, { db });
    });
  }
  return { replayed, discarded };
}
