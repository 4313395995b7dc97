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
  /** Jobs run at once per queue per process; a thread's jobs still run one at a time, in order. */
  readonly concurrency: number;
  /** How often an idle worker looks for work (pg-boss minimum 0.5). */
  readonly pollingIntervalSeconds: number;
  /** How long dead letters are kept, in seconds. */
  readonly deadLetterRetentionSeconds: number;
}

/** Production defaults: 6 retries backing off from 5 s to at most 15 minutes. */
export const DEFAULT_JOB_TUNING: JobTuning = {
  retryLimit: 6,
  retryDelaySeconds: 5,
  retryBackoff: true,
  retryDelayMaxSeconds: 900,
  expireInSeconds: 300,
  concurrency: 4,
  pollingIntervalSeconds: 2,
  deadLetterRetentionSeconds: 90 * 24 * 3600,
};
