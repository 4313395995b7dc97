import { silentLogger } from '@zenslackchat/core';
import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoss, setupQueues } from '../src/jobs/create-boss.ts';
import { DEFAULT_JOB_TUNING } from '../src/jobs/job-tuning.ts';
import { DEAD_LETTER_QUEUE, WORK_QUEUES } from '../src/jobs/queues.ts';
import { scheduleReconcile } from '../src/jobs/reconcile-run.ts';
import { scheduleDailyReport } from '../src/jobs/report-schedule.ts';
import { openTestDatabase } from './support/databases.ts';

// The production queue settings (the other job tests run with backoff off, to stay fast): every
// work queue retries with exponential backoff and ends in the dead-letter queue; per-thread work
// is strictly ordered by key.
describe('the work queues as production sets them up', { timeout: 60_000 }, () => {
  let boss: PgBoss;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const opened = await openTestDatabase('pglite', 'zsc_queue_setup');
    cleanup = opened.cleanup;
    boss = createBoss({ database: opened.database }, silentLogger, { schedule: false });
    await boss.start();
    await setupQueues(boss, DEFAULT_JOB_TUNING);
    // Running it again (every start does) keeps the same settings.
    await setupQueues(boss, DEFAULT_JOB_TUNING);
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false, close: true });
    await cleanup?.();
  });

  it.each(WORK_QUEUES)('%s retries with exponential backoff into the dead-letter queue', async (name) => {
    expect(await boss.getQueue(name)).toMatchObject({
      retryLimit: DEFAULT_JOB_TUNING.retryLimit,
      retryDelay: DEFAULT_JOB_TUNING.retryDelaySeconds,
      retryBackoff: true,
      retryDelayMax: DEFAULT_JOB_TUNING.retryDelayMaxSeconds,
      deadLetter: DEAD_LETTER_QUEUE,
    });
  });

  it.each([
    ['chat-message', 'key_strict_fifo'],
    ['ticket-comment', 'key_strict_fifo'],
    ['email-ticket', 'key_strict_fifo'],
    ['daily-report', 'singleton'],
    ['housekeeping', 'singleton'],
    ['reconcile', 'singleton'],
  ] as const)('%s has the %s policy', async (name, policy) => {
    expect((await boss.getQueue(name))?.policy).toBe(policy);
  });

  it('keeps dead letters without retrying them', async () => {
    expect(await boss.getQueue(DEAD_LETTER_QUEUE)).toMatchObject({ retryLimit: 0 });
  });

  it('schedules the daily report from REPORT_CRON in REPORT_TIMEZONE, once, replacing an earlier cron', async () => {
    await scheduleDailyReport(boss, { cron: '0 9 * * *', timeZone: 'UTC' });
    await scheduleDailyReport(boss, { cron: '30 8 * * 1-5', timeZone: 'Europe/London' });
    expect(await boss.getSchedules('daily-report')).toMatchObject([
      { cron: '30 8 * * 1-5', timezone: 'Europe/London' },
    ]);
  });

  it('schedules the reconciliation sweep from RECONCILE_CRON, once, replacing an earlier cron', async () => {
    await scheduleReconcile(boss, { cron: '*/10 * * * *', callsPerMinute: 20 });
    await scheduleReconcile(boss, { cron: '*/5 * * * *', callsPerMinute: 20 });
    expect(await boss.getSchedules('reconcile')).toMatchObject([{ cron: '*/5 * * * *' }]);
  });
});
