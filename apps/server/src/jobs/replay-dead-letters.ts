import { type Database, withTransaction } from '@zenslackchat/adapters-postgres';
import { fromKysely, type PgBoss } from 'pg-boss';
import { DEAD_LETTER_QUEUE, type DeadLetter, WORK_QUEUES, type WorkQueue } from './queues.ts';

/** What a replay did. */
export interface ReplayReport {
  readonly replayed: number;
  /** Letters whose queue is unknown; completed so they do not block, and counted here. */
  readonly discarded: number;
}

const isWorkQueue = (name: unknown): name is WorkQueue => WORK_QUEUES.includes(name as WorkQueue);

/**
 * Sends up to `limit` dead letters back to the queues they failed on (with their ordering key),
 * each re-send and the letter's completion in one transaction, so a letter is replayed once.
 */
export async function replayDeadLetters(
  database: Database,
  boss: PgBoss,
  limit = 100,
): Promise<ReplayReport> {
  const letters = await boss.fetch<DeadLetter>(DEAD_LETTER_QUEUE, { batchSize: limit });
  let replayed = 0;
  let discarded = 0;
  for (const letter of letters) {
    const { queue, key, data } = letter.data;
    await withTransaction(database.db, async (trx) => {
      const db = fromKysely(trx);
      if (isWorkQueue(queue)) {
        await boss.send(queue, (data ?? {}) as object, {
          db,
          ...(key === null ? {} : { singletonKey: key }),
        });
        replayed += 1;
      } else {
        discarded += 1;
      }
      await boss.complete(DEAD_LETTER_QUEUE, letter.id, { replayedTo: queue }, { db });
    });
  }
  return { replayed, discarded };
}
