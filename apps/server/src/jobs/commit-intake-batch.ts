import {
  type Database,
  inboundEventKey,
  recordInboundEvents,
  withTransaction,
} from '@zenslackchat/adapters-postgres';
import type { Clock } from '@zenslackchat/core';
import { fromKysely, type JobInsert, type PgBoss } from 'pg-boss';
import { type OrderedJobIds, orderedJobIds } from './ordered-job-id.ts';
import type { JobPayloads, WorkQueue } from './queues.ts';

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

/**
 * A batch commit for `IntakeBatcher`: in ONE transaction, records every item's event id with one
 * multi-row insert and enqueues the jobs of the new ones with one `boss.insert` per queue. An id
 * seen before, or earlier in the same batch, is a duplicate and enqueues nothing. Job ids are
 * made in item order, so jobs of one key that share the transaction's `created_on` run in order.
 * Any failure rolls everything back and throws.
 */
export function commitIntakeBatch(
  deps: IntakeCommitDeps,
  ids: OrderedJobIds = processJobIds,
): (items: readonly IntakeItem[]) => Promise<IntakeOutcome[]> {
  return (items) =>
    withTransaction(deps.database.db, async (trx) => {
      const inbound = items.flatMap((item) =>
        item.eventId === undefined ? [] : [{ source: item.source, eventId: item.eventId }],
      );
      const fresh =
        inbound.length === 0 ? new Set<string>() : await recordInboundEvents(trx, inbound, deps.clock.now());
      const jobs = new Map<WorkQueue, JobInsert[]>();
      const outcomes = items.map((item): IntakeOutcome => {
        if (item.eventId !== undefined) {
          // Deleting the key makes a repeat later in this batch a duplicate.
          if (!fresh.delete(inboundEventKey({ source: item.source, eventId: item.eventId })))
            return 'duplicate';
        }
        const queued = jobs.get(item.queue) ?? [];
        queued.push({ id: ids(), data: item.data, singletonKey: item.key });
        jobs.set(item.queue, queued);
        return 'accepted';
      });
      for (const [queue, queued] of jobs) await deps.boss.insert(queue, queued, { db: fromKysely(trx) });
      return outcomes;
    });
}
