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
  readonly handlers: JobHandlers;
  readonly tuning: JobTuning;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** Starts one worker per work queue; pg-boss's `stop()` stops them. */
export async function startWorkers(deps: WorkerDeps): Promise<void> {
  for (const queue of WORK_QUEUES) {
    const context = { boss: deps.boss, queue, clock: deps.clock, logger: deps.logger };
    await deps.boss.work(
      queue,
      {
        batchSize: 1,
        perJobResults: true,
        includeMetadata: true,
        pollingIntervalSeconds: deps.tuning.pollingIntervalSeconds,
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
