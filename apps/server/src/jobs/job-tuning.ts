import type { JobsConfig } from '../config/app-config.ts';
import { type RetryPolicy, retryLimitFor } from './retry-budget.ts';

/** Retry and polling settings of the work queues. */
export interface JobTuning {
  /** Retries after the first attempt before a job is dead-lettered. */
  readonly retryLimit: number;
  /** First retry delay in seconds; doubled per retry when `retryBackoff` is on. */
  readonly retryDelaySeconds: number;
  readonly retryBackoff: boolean;
  /** Upper bound of a backed-off retry delay, in seconds. */
  readonly retryDelayMaxSeconds: number;
  /** How long a job may run before it counts as failed. */
  readonly expireInSeconds: number;
  /** Jobs of one queue run at once per process (WORKER_CONCURRENCY); a thread's still run one at a time, in order. */
  readonly concurrency: number;
  /** How often an idle worker looks for work (pg-boss minimum 0.5). */
  readonly pollingIntervalSeconds: number;
  /** How long dead letters are kept, in seconds. */
  readonly deadLetterRetentionSeconds: number;
}

/** The retry policy of production: 5 s doubling up to 15 minutes, for 24 hours. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  firstDelaySeconds: 5,
  maxDelaySeconds: 900,
  budgetSeconds: 24 * 3600,
};

/** Production defaults: backing off from 5 s to at most 15 minutes, retried for 24 hours. */
export const DEFAULT_JOB_TUNING: JobTuning = {
  retryLimit: retryLimitFor(DEFAULT_RETRY_POLICY),
  retryDelaySeconds: DEFAULT_RETRY_POLICY.firstDelaySeconds,
  retryBackoff: true,
  retryDelayMaxSeconds: DEFAULT_RETRY_POLICY.maxDelaySeconds,
  expireInSeconds: 300,
  concurrency: 4,
  pollingIntervalSeconds: 2,
  deadLetterRetentionSeconds: 90 * 24 * 3600,
};

/** The tuning of the configured retry policy and concurrency (JOB_RETRY_*, WORKER_CONCURRENCY). */
export function jobTuningFrom(jobs: JobsConfig): JobTuning {
  const policy: RetryPolicy = {
    firstDelaySeconds: jobs.retryDelaySeconds,
    maxDelaySeconds: jobs.retryDelayMaxSeconds,
    budgetSeconds: Math.round(jobs.retryBudgetHours * 3600),
  };
  return {
    ...DEFAULT_JOB_TUNING,
    retryLimit: retryLimitFor(policy),
    retryDelaySeconds: policy.firstDelaySeconds,
    retryDelayMaxSeconds: policy.maxDelaySeconds,
    concurrency: jobs.concurrency,
  };
}
