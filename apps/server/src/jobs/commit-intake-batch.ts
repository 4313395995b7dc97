import { createHash } from 'node:crypto';
import {
  type Database,
  inboundEventKey,
  type KeyedInboundEvent,
  recordingInboundEvents,
  type Schema,
  withTransaction,
} from '@zenslackchat/adapters-postgres';
import type { Clock } from '@zenslackchat/core';
import type { Kysely } from 'kysely';
import { fromKysely, type JobInsert, type PgBoss } from 'pg-boss';
import { type OrderedJobIds, orderedJobIds } from './ordered-job-id.ts';
import { type JobPayloads, WORK_QUEUES, type WorkQueue } from './queues.ts';

/** One accept to make durable: its inbound id (if any) and the job it enqueues. */
export interface IntakeItem<Q extends WorkQueue = WorkQueue> {
  /** Where the id comes from (`slack`, `zendesk`...); with `eventId`, the dedup key. */
  readonly source: string;
  /** Undefined: no dedup, the job is always enqueued. */
  readonly eventId: string | undefined;
  readonly queue: Q;
  readonly data: JobPayloads[Q];
  /** The job's ordering key (pg-boss singletonKey on the key_strict_fifo queues). */
  readonly key: string;
}

/** What became of one item: its job enqueued, or its event id already recorded. */
export type IntakeOutcome = 'accepted' | 'duplicate';

/** One generator for the process, so ids stay ordered across every commit function made. */
const processJobIds = orderedJobIds();

/** What a batch commit needs. */
export interface IntakeCommitDeps {
  readonly database: Database;
  readonly boss: PgBoss;
  readonly clock: Clock;
}

/** One queue's share of a batch: its jobs, and the event ids that key them. */
interface QueueShare {
  readonly jobs: JobInsert[];
  readonly keyed: KeyedInboundEvent[];
}

/**
 * A batch commit for `IntakeBatcher`. Each item gets a job id (made in item order, so jobs of one
 * key that share a `created_on` run in order); an event id repeated later in the batch is a
 * duplicate at once. Then, per queue, ONE statement records the batch's event ids and inserts the
 * jobs of those recorded just now (pg-boss's own insert, wrapped by `recordingInboundEvents`): an
 * id seen before enqueues nothing. A batch of one queue, the usual case, is one round trip with no
 * BEGIN or COMMIT; a batch spanning queues runs its statements in one transaction. Any failure
 * records nothing and throws.
 */
export function commitIntakeBatch(
  deps: IntakeCommitDeps,
  ids: OrderedJobIds = processJobIds,
): (items: readonly IntakeItem[]) => Promise<IntakeOutcome[]> {
  return async (items) => {
    const jobIds: (string | undefined)[] = [];
    const shares = new Map<WorkQueue, QueueShare>();
    const seen = new Set<string>();
    for (const item of items) {
      const key =
        item.eventId === undefined
          ? undefined
          : inboundEventKey({ source: item.source, eventId: item.eventId });
      if (key !== undefined && seen.has(key)) {
        jobIds.push(undefined);
        continue;
      }
      const id = ids();
      jobIds.push(id);
      const share = shares.get(item.queue) ?? { jobs: [], keyed: [] };
      share.jobs.push({ id, data: item.data, singletonKey: item.key });
      if (key !== undefined && item.eventId !== undefined) {
        seen.add(key);
        share.keyed.push({ rowId: id, source: item.source, eventId: item.eventId });
      }
      shares.set(item.queue, share);
    }
    const at = deps.clock.now();
    const insertAll = async (db: Kysely<Schema>) => {
      const inserted = new Set<string>();
      for (const [queue, share] of shares) {
        const recording = recordingDb(deps.database, db, share.keyed, at);
        const rows = await deps.boss.insert(queue, share.jobs, { db: recording, returnId: true });
        for (const id of rows ?? []) inserted.add(id);
      }
      return inserted;
    };
    const inserted =
      shares.size <= 1
        ? await insertAll(deps.database.db)
        : await withTransaction(deps.database.db, insertAll);
    return items.map((item, index): IntakeOutcome => {
      const id = jobIds[index];
      if (id !== undefined && inserted.has(id)) return 'accepted';
      // Only an event id seen before leaves a job out; a job without one is always written.
      if (item.eventId === undefined)
        throw new Error(`intake: the job of an item without an event id was not written (${item.queue})`);
      return 'duplicate';
    });
  };
}

/**
 * pg-boss's database for one insert: its statement, made to record `keyed` as it inserts. Outside
 * a transaction on Postgres it runs as a named prepared statement (the text is the same for every
 * batch of a queue), so each connection parses and plans it once instead of once per batch.
 */
function recordingDb(database: Database, db: Kysely<Schema>, keyed: readonly KeyedInboundEvent[], at: Date) {
  return {
    executeSql: async (text: string, values?: unknown[]) => {
      const statement = recordingInboundEvents({ text, values: values ?? [] }, keyed, at);
      const pool = db.isTransaction ? undefined : database.pool;
      if (pool === undefined) return fromKysely(db).executeSql(statement.text, [...statement.values]);
      const result = await pool.query({
        name: preparedName(statement.text),
        text: statement.text,
        values: [...statement.values],
      });
      return { rows: result.rows };
    },
  };
}

/** Prepared statements' names by text: one text, one name, on every connection; hashed once. */
const preparedNames = new Map<string, string>();

function preparedName(text: string): string {
  let name = preparedNames.get(text);
  if (name === undefined) {
    name = `zsc_intake_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    // A handful of texts (one per queue) for the process's life; the bound is a safety net.
    if (preparedNames.size >= 64) preparedNames.clear();
    preparedNames.set(text, name);
  }
  return name;
}

/**
 * Fails start-up with a clear error when pg-boss's insert is not the one-parameter statement the
 * intake wraps (a pg-boss upgrade that changed it), rather than failing every delivery later. It
 * runs nothing: the statement pg-boss would send for each queue is only checked.
 */
export async function checkIntakeStatement(boss: PgBoss): Promise<void> {
  const checking = {
    executeSql: async (text: string, values?: unknown[]) => {
      recordingInboundEvents({ text, values: values ?? [] }, [], new Date());
      return { rows: [] };
    },
  };
  for (const queue of WORK_QUEUES) await boss.insert(queue, [], { db: checking, returnId: true });
}
