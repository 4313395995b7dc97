import { silentLogger } from '@zenslackchat/core';
import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/index.ts';
import { createBoss } from '../src/jobs/create-boss.ts';
import { DEFAULT_JOB_TUNING, DEFAULT_RETRY_POLICY, jobTuningFrom } from '../src/jobs/job-tuning.ts';
import { minimumBackoffSeconds, type RetryPolicy, retryLimitFor } from '../src/jobs/retry-budget.ts';
import { openTestDatabase } from './support/databases.ts';

/** The shortest total wait of `retries` retries, added up independently of `retryLimitFor`. */
function shortestWait(policy: RetryPolicy, retries: number): number {
  let total = 0;
  let delay = Math.max(policy.firstDelaySeconds, 1);
  for (let retry = 1; retry <= retries; retry += 1) {
    total += Math.min(policy.maxDelaySeconds, delay);
    if (retry < 16) delay *= 2;
  }
  return total;
}

describe('the retry budget', () => {
  it('backs off from 5 s doubling to the 15-minute cap', () => {
    const delays = [1, 2, 3, 4, 5, 8, 9, 10, 100].map((r) => minimumBackoffSeconds(DEFAULT_RETRY_POLICY, r));
    expect(delays).toEqual([5, 10, 20, 40, 80, 640, 900, 900, 900]);
  });

  it.each([
    ['the default 24 hours', DEFAULT_RETRY_POLICY],
    [
      '48 hours with a 10-minute cap',
      { firstDelaySeconds: 10, maxDelaySeconds: 600, budgetSeconds: 48 * 3600 },
    ],
    ['a 2-minute test budget at 1 s', { firstDelaySeconds: 1, maxDelaySeconds: 1, budgetSeconds: 120 }],
    ['a budget inside the doubling', { firstDelaySeconds: 5, maxDelaySeconds: 900, budgetSeconds: 100 }],
  ] as const)('takes the fewest retries whose shortest delays cover %s', (_, policy) => {
    const limit = retryLimitFor(policy);
    expect(shortestWait(policy, limit)).toBeGreaterThanOrEqual(policy.budgetSeconds);
    expect(shortestWait(policy, limit - 1)).toBeLessThan(policy.budgetSeconds);
  });

  it('gives 103 retries for the default 24 hours (a 2-hour outage is far inside it)', () => {
    expect(DEFAULT_JOB_TUNING.retryLimit).toBe(103);
    expect(shortestWait(DEFAULT_RETRY_POLICY, DEFAULT_JOB_TUNING.retryLimit)).toBeGreaterThanOrEqual(
      24 * 3600,
    );
  });

  it('refuses a cap under 1 s (pg-boss would retry at once for ever)', () => {
    expect(() => retryLimitFor({ firstDelaySeconds: 1, maxDelaySeconds: 0, budgetSeconds: 60 })).toThrow(
      RangeError,
    );
  });

  it('reads JOB_RETRY_* and WORKER_CONCURRENCY into the queue tuning', () => {
    const config = loadConfig({
      JOB_RETRY_DELAY_SECONDS: '10',
      JOB_RETRY_DELAY_MAX_SECONDS: '600',
      JOB_RETRY_BUDGET_HOURS: '48',
      WORKER_CONCURRENCY: '3',
    });
    expect(config.jobs).toEqual({
      retryDelaySeconds: 10,
      retryDelayMaxSeconds: 600,
      retryBudgetHours: 48,
      concurrency: 3,
    });
    expect(jobTuningFrom(config.jobs)).toMatchObject({
      retryDelaySeconds: 10,
      retryDelayMaxSeconds: 600,
      retryLimit: retryLimitFor({ firstDelaySeconds: 10, maxDelaySeconds: 600, budgetSeconds: 48 * 3600 }),
      concurrency: 3,
    });
    expect(jobTuningFrom(loadConfig({}).jobs)).toEqual(DEFAULT_JOB_TUNING);
  });

  it('refuses a cap below the first delay, naming both variables', () => {
    expect(() => loadConfig({ JOB_RETRY_DELAY_SECONDS: '60', JOB_RETRY_DELAY_MAX_SECONDS: '30' })).toThrow(
      ConfigError,
    );
    try {
      loadConfig({ JOB_RETRY_DELAY_SECONDS: '60', JOB_RETRY_DELAY_MAX_SECONDS: '30' });
    } catch (error) {
      expect((error as ConfigError).problems.join()).toMatch(
        /JOB_RETRY_DELAY_MAX_SECONDS.*JOB_RETRY_DELAY_SECONDS/,
      );
    }
  });
});

// The budget is only as good as its model of pg-boss's backoff: fail a real job again and again
// and check each retry is scheduled no sooner than `minimumBackoffSeconds` says (nor later than
// the jitter allows).
describe('pg-boss backoff as the budget models it', { timeout: 60_000 }, () => {
  const policy: RetryPolicy = { firstDelaySeconds: 5, maxDelaySeconds: 60, budgetSeconds: 0 };
  let boss: PgBoss;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const opened = await openTestDatabase('pglite', 'zsc_retry_budget');
    cleanup = opened.cleanup;
    boss = createBoss({ database: opened.database }, silentLogger, { schedule: false });
    await boss.start();
    await boss.createQueue('backoff-probe', {
      retryLimit: 10,
      retryDelay: policy.firstDelaySeconds,
      retryBackoff: true,
      retryDelayMax: policy.maxDelaySeconds,
    });
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false, close: true });
    await cleanup?.();
  });

  it('schedules retry n between the modelled minimum and twice it, capped', async () => {
    const id = await boss.send('backoff-probe', {});
    if (id === null) throw new Error('not sent');
    for (let retry = 1; retry <= 6; retry += 1) {
      const [job] = await boss.fetch('backoff-probe');
      expect(job?.id).toBe(id);
      const failedAt = Date.now();
      await boss.fail('backoff-probe', id, { retry });
      const after = await boss.getJobById('backoff-probe', id);
      const waitSeconds = ((after?.startAfter.getTime() ?? 0) - failedAt) / 1000;
      const minimum = minimumBackoffSeconds(policy, retry);
      // A second of slack either side for the clocks of the test and the database.
      expect(waitSeconds).toBeGreaterThanOrEqual(minimum - 1);
      expect(waitSeconds).toBeLessThanOrEqual(Math.min(policy.maxDelaySeconds, 2 * minimum) + 1);
      await boss.update('backoff-probe', undefined, { id, startAfter: new Date(Date.now() - 1000) });
    }
  });
});
