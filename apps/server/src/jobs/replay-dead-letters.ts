import { createHash } from 'node:crypto';
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

/** A stable uuid for the job a letter is replayed as, so a letter can only ever be re-sent once. */
function replayId(letterId: string): string {
  const hex = createHash('sha256').update(`replay:${letterId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Sends up to `limit` dead letters back to the queues they failed on, with their ordering key.
 * One letter per transaction: its fetch, the removal of a key-holding failed original, the re-send
 * (with an id derived from the letter's) and the letter's completion commit together. A crash or
 * an error half-way rolls back only the letter in hand, which is queued again as it was: nothing is
 * left claimed (a batch fetched up front would stay `active` and then fail), nothing is lost, and
 * a re-run never sends a letter twice; concurrent runs skip each other's letters.
 */
export async function replayDeadLetters(
  database: Database,
  boss: PgBoss,
  limit = 100,
): Promise<ReplayReport> {
  let replayed = 0;
  let discarded = 0;
  for (let done = 0; done < limit; done += 1) {
    const outcome = await withTransaction(database.db, async (trx) => {
      const db = fromKysely(trx);
      const [letter] = await boss.fetch<unknown>(DEAD_LETTER_QUEUE, { includeMetadata: true, db });
      if (letter === undefined) return 'empty';
      const target = targetOf(letter);
      if (target !== undefined) {
        if (target.blocking !== undefined)
          await boss.deleteJob(target.blocking.queue, target.blocking.id, { db });
        await boss.send(target.queue, target.data, {
          db,
          id: replayId(letter.id),
          ...(target.key === null ? {} : { singletonKey: target.key }),
        });
      }
      await boss.complete(DEAD_LETTER_QUEUE, letter.id, { replayedTo: target?.queue ?? null }, { db });
      return target === undefined ? 'discarded' : 'replayed';
    });
    if (outcome === 'empty') break;
    if (outcome === 'replayed') replayed += 1;
    else discarded += 1;
  }
  return { replayed, discarded };
}
