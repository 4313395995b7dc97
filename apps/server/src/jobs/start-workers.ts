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
 * Starts `tuning.concurrency` pg-boss workers per work queue, each taking one job at a time, so
 * that many jobs of a queue run at once and a slow job holds up only its own worker (a shared
 * batch would wait for its slowest job before fetching more). The ordered queues still hand out
 * one job per key at a time. A worker that got a job fetches again as soon as it is done, until a
 * fetch comes back empty: a NOTIFY wakes workers when jobs are inserted, but not when a job becomes
 * fetchable later (a thread's next message once its previous one is done, the rest of a burst
 * inserted at once), and pg-boss's own "fetch again while ready jobs exceed N" reads a count its
 * monitor refreshes only every few seconds, so a backlog would otherwise drain one poll interval
 * at a time. pg-boss's `stop()` stops them.
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
    for (let i = 0; i < deps.tuning.concurrency; i += 1) {
      // Known once `work` has returned; a job fetched before that (at start-up) just waits its turn.
      let workerId: string | undefined;
      workerId = await deps.boss.work(
        queue,
        {
          localConcurrency: 1,
          batchSize: 1,
          // Fetch again at once while the queue has more than one job ready (pg-boss's cached count).
          burstWhenReadyExceeds: 1,
          perJobResults: true,
          includeMetadata: true,
          pollingIntervalSeconds: deps.tuning.pollingIntervalSeconds,
          // NOTIFY wakes workers for new jobs only; retries coming due still need the normal poll.
          notifyPollingIntervalSeconds: deps.tuning.pollingIntervalSeconds,
        },
        (jobs) => {
          // Marks the worker notified: when this job is done it fetches again instead of sleeping.
          if (workerId !== undefined) deps.boss.notifyWorker(workerId);
          return Promise.all(
            jobs.map((job) =>
              settleJob(context, job, () => dispatchJob(deps.handlers, queue, parsePayload(queue, job.data))),
            ),
          );
        },
      );
    }
  }
}
