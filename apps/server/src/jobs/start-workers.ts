import type { Database } from '@zenslackchat/adapters-postgres';
import type { Clock, Logger } from '@zenslackchat/core';
import type { PgBoss } from 'pg-boss';
import { dispatchJob, type JobHandlers } from './job-handlers.ts';
import { parsePayload } from './job-payload-schemas.ts';
import type { JobTuning } from './job-tuning.ts';
import { WORK_QUEUES } from './queues.ts';
import { settleJob } from './settle-job.ts';

/** What the workers need. */
export interface WorkerDeps {
  readonly boss: PgBoss;
  readonly database: Database;
  readonly handlers: JobHandlers;
  readonly tuning: JobTuning;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * Jobs fetched at once per queue. They run concurrently (the ordered queues hand out one job per
 * key at a time); a full batch is followed by another fetch at once, so a backlog drains without
 * waiting a polling interval per job.
 */
export const WORKER_BATCH_SIZE = 8;

/** Starts one worker per work queue; pg-boss's `stop()` stops them. */
export async function startWorkers(deps: WorkerDeps): Promise<void> {
  for (const queue of WORK_QUEUES) {
    const context = {
      boss: deps.boss,
      database: deps.database,
      queue,
      clock: deps.clock,
      logger: deps.logger,
    };
    await deps.boss.work(
      queue,
      {
        batchSize: WORKER_BATCH_SIZE,
        burstWhenBatchFull: true,
        perJobResults: true,
        includeMetadata: true,
        pollingIntervalSeconds: deps.tuning.pollingIntervalSeconds,
        // NOTIFY wakes workers for new jobs only; retries coming due still need the normal poll.
        notifyPollingIntervalSeconds: deps.tuning.pollingIntervalSeconds,
      },
      (jobs) =>
        Promise.all(
          jobs.map((job) =>
            settleJob(context, job, () => dispatchJob(deps.handlers, queue, parsePayload(queue, job.data))),
          ),
        ),
    );
  }
}
