import { createHash } from 'node:crypto';
import { type Database, withTransaction } from '@zenslackchat/adapters-postgres';
import { type Clock, isDeferred, type Logger } from '@zenslackchat/core';
import { fromKysely, type JobResult, type JobWithMetadata, type PgBoss } from 'pg-boss';
import { summariseFailure, summariseOutcome } from './job-outcome.ts';
import { DEFAULT_JOB_TUNING, type JobTuning } from './job-tuning.ts';
import { DEAD_LETTER_QUEUE, type DeadLetter, type WorkQueue } from './queues.ts';
import { minimumBackoffSeconds } from './retry-budget.ts';

/** What settling a job needs. */
export interface SettleContext {
  readonly boss: PgBoss;
  /** For settling a rate-limited job atomically (its fail and its new start time together). */
  readonly database: Database;
  readonly queue: WorkQueue;
  /** The queue's retry settings (default `DEFAULT_JOB_TUNING`): a vendor's wait never makes a retry sooner than the backoff's. */
  readonly tuning?: JobTuning;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** A stable uuid derived from the failed job's id, so a re-run dead-letters it only once. */
function deadLetterId(jobId: string): string {
  const hex = createHash('sha256').update(`dead-letter:${jobId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * When a retry asked for by the vendor runs: not before the vendor said, and not before pg-boss's
 * own backoff would have run it, so a vendor answering "wait 10 s" for hours still spends the
 * retries no faster than the backoff and the retry budget keeps its length.
 */
function retryDelayMs(tuning: JobTuning, retryAfterMs: number, retry: number): number {
  const backoffSeconds = tuning.retryBackoff
    ? minimumBackoffSeconds(
        {
          firstDelaySeconds: tuning.retryDelaySeconds,
          maxDelaySeconds: tuning.retryDelayMaxSeconds,
          budgetSeconds: 0,
        },
        retry,
      )
    : tuning.retryDelaySeconds;
  return Math.max(retryAfterMs, backoffSeconds * 1000);
}

/**
 * Runs one job and says how pg-boss should settle it. Success completes it. A non-retryable error,
 * or a retryable one on the last attempt, copies the job to the dead-letter queue and completes
 * it, so its ordering key is not held up. A retryable error fails it for pg-boss's backoff, and
 * when the vendor said how long to wait (`retryAfterMs`) the retry is pushed back to that time (or
 * to the backoff's, when later).
 */
export async function settleJob(
  context: SettleContext,
  job: JobWithMetadata<unknown>,
  work: () => Promise<unknown>,
): Promise<JobResult> {
  const { boss, queue, logger } = context;
  const attempt = job.retryCount + 1;
  const fields = { queue, jobId: job.id, key: job.singletonKey, attempt };
  try {
    const outcome = summariseOutcome(await work());
    logger.info({ ...fields, ...outcome }, 'job done');
    return { id: job.id, status: 'completed', output: outcome };
  } catch (error) {
    if (isDeferred(error) && job.retryCount < job.retryLimit)
      return deferJob(context, job, error.retryAfterMs, error.message);
    const failure = summariseFailure(error);
    if (!failure.retryable || job.retryCount >= job.retryLimit) {
      const letter: DeadLetter = {
        queue,
        key: job.singletonKey,
        data: job.data,
        error: { name: failure.name, reason: failure.reason, message: failure.message },
        sourceId: job.id,
        failedAt: context.clock.now().toISOString(),
      };
      await boss.send(DEAD_LETTER_QUEUE, letter, { id: deadLetterId(job.id) });
      logger.error({ ...fields, ...failure }, 'job failed for good: dead-lettered');
      return { id: job.id, status: 'completed', output: { outcome: 'dead-lettered', failure } };
    }
    if (failure.retryAfterMs !== null) {
      // Fail it ourselves so it is in `retry` state and move its start to when the vendor asked, in
      // one transaction so no other worker can pick it up in between.
      const delayMs = retryDelayMs(
        context.tuning ?? DEFAULT_JOB_TUNING,
        failure.retryAfterMs,
        job.retryCount + 1,
      );
      const startAfter = new Date(context.clock.now().getTime() + delayMs);
      await withTransaction(context.database.db, async (trx) => {
        const db = fromKysely(trx);
        await boss.fail(queue, { id: job.id, retryCount: job.retryCount }, failure, { db });
        await boss.update(queue, undefined, { id: job.id, startAfter, db });
      });
      logger.warn(
        { ...fields, ...failure, startAfter: startAfter.toISOString() },
        'job failed: retry when asked',
      );
      return { id: job.id, status: 'failed', output: failure };
    }
    logger.warn({ ...fields, ...failure }, 'job failed: will retry');
    return { id: job.id, status: 'failed', output: failure };
  }
}

/**
 * Puts a deferred job (e.g. its channel's posting slots are taken) back in the queue to run after
 * `delayMs` without spending a retry: it is failed and, in the same transaction, given one more
 * retry and its new start, so no other worker picks it up in between and its ordering key stays
 * held. (A job on its last attempt cannot be failed into a retry: it takes the failure path.)
 */
async function deferJob(
  context: SettleContext,
  job: JobWithMetadata<unknown>,
  delayMs: number,
  reason: string,
): Promise<JobResult> {
  const { boss, queue } = context;
  const startAfter = new Date(context.clock.now().getTime() + delayMs);
  const output = { outcome: 'deferred', delayMs };
  await withTransaction(context.database.db, async (trx) => {
    const db = fromKysely(trx);
    await boss.fail(queue, { id: job.id, retryCount: job.retryCount }, output, { db });
    await boss.update(queue, undefined, { id: job.id, startAfter, retryLimit: job.retryLimit + 1, db });
  });
  context.logger.info(
    { queue, jobId: job.id, key: job.singletonKey, reason, startAfter: startAfter.toISOString() },
    'job deferred: runs again later, no retry spent',
  );
  return { id: job.id, status: 'failed', output };
}
