/** How the work queues back off and for how long they keep trying. */
export interface RetryPolicy {
  /** First retry delay in seconds (pg-boss waits at least 1 s). */
  readonly firstDelaySeconds: number;
  /** Cap of a backed-off delay in seconds. */
  readonly maxDelaySeconds: number;
  /** How long a job keeps being retried before it is dead-lettered, in seconds. */
  readonly budgetSeconds: number;
}

// pg-boss 12 stops doubling after 2^16 (its failJobs SQL: `2 ^ LEAST(16, retry_count + 1)`).
const MAX_EXPONENT = 16;

/**
 * The shortest delay pg-boss 12 waits before retry number `retry` (1-based) of a backed-off job:
 * its delay is `max(first, 1) * 2^(k-1) * (1 + random())` with `k = min(16, retry)`, capped at the
 * maximum, so the jitter only ever adds to this.
 */
export function minimumBackoffSeconds(policy: RetryPolicy, retry: number): number {
  const exponent = Math.min(MAX_EXPONENT, Math.max(1, retry)) - 1;
  return Math.min(policy.maxDelaySeconds, Math.max(policy.firstDelaySeconds, 1) * 2 ** exponent);
}

/**
 * The fewest retries whose shortest delays add up to the budget, so a job outlives an outage of
 * that length even when every jitter comes out at its minimum (time spent running is extra).
 */
export function retryLimitFor(policy: RetryPolicy): number {
  if (!(policy.maxDelaySeconds >= 1)) throw new RangeError('the maximum retry delay must be at least 1 s');
  if (!(policy.budgetSeconds >= 0)) throw new RangeError('the retry budget cannot be negative');
  let retries = 0;
  let waited = 0;
  while (waited < policy.budgetSeconds) {
    retries += 1;
    waited += minimumBackoffSeconds(policy, retries);
  }
  return retries;
}
