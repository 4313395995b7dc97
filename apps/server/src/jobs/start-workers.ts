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
 * Starts `tuning.concurrency` pg-boss workers per work queue (`localConcurrency`), each taking one
 * job at a time, so that many jobs of a queue run at once and a slow job holds up only its own
 * worker (a shared batch would wait for its slowest job before fetching more). The ordered queues
 * still hand out one job per key at a time. A worker that found a job fetches again at once while
 * the queue has a backlog. pg-boss's `stop()` stops them.
 */
export async function startWorkers(deps: WorkerDeps): Promise<void> {
  for (const queue of WORK_QUEUES) {
    const context = {
      boss: deps.boss,
      database: deps.database,
      queue,
      tuning: deps.tuning,
      clock: deps.clock,
      logger: deps.logger,
    };
    await deps.boss.work(
      queue,
      {
        localConcurrency: deps.tuning.concurrency,
        batchSize: 1,
        // Fetch again at once while the queue has more than one job ready (pg-boss's cached count).
        burstWhenReadyExceeds: 1,
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
