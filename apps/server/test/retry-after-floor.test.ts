import { IntegrationError, silentLogger, systemClock } from '@zenslackchat/core';
import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoss, setupQueues } from '../src/jobs/create-boss.ts';
import { DEFAULT_JOB_TUNING, type JobTuning } from '../src/jobs/job-tuning.ts';
import { settleJob } from '../src/jobs/settle-job.ts';
import { openTestDatabase } from './support/databases.ts';

// A vendor's Retry-After is honoured, but never spends the retry budget faster than the backoff:
// a rate limit answering "1 s" for hours would otherwise use up the retries in minutes.
describe("a vendor's retryAfterMs against the backoff", { timeout: 120_000 }, () => {
  const tuning: JobTuning = { ...DEFAULT_JOB_TUNING, retryDelaySeconds: 60, retryDelayMaxSeconds: 900 };
  let boss: PgBoss;
  let opened: Awaited<ReturnType<typeof openTestDatabase>>;

  beforeAll(async () => {
    opened = await openTestDatabase('pglite', 'zsc_retry_after');
    boss = createBoss({ database: opened.database }, silentLogger, { schedule: false });
    await boss.start();
    await setupQueues(boss, tuning);
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false, close: true });
    await opened?.cleanup();
  });

  /** Fails a fresh job once with a rate limit asking for `retryAfterMs`; the seconds until its retry. */
  async function retryInSeconds(key: string, retryAfterMs: number): Promise<number> {
    await boss.send('ticket-comment', { notice: { ticketId: key } }, { singletonKey: key });
    const [job] = await boss.fetch('ticket-comment', { includeMetadata: true });
    if (job === undefined) throw new Error('no job');
    const context = {
      boss,
      database: opened.database,
      queue: 'ticket-comment' as const,
      tuning,
      clock: systemClock,
      logger: silentLogger,
    };
    const before = Date.now();
    const settled = await settleJob(context, job, async () => {
      throw new IntegrationError('RateLimited', 'slow down', { integration: 'zendesk', retryAfterMs });
    });
    expect(settled.status).toBe('failed');
    const after = await boss.getJobById('ticket-comment', job.id);
    expect(after?.state).toBe('retry');
    return ((after?.startAfter.getTime() ?? 0) - before) / 1000;
  }

  it('waits for the backoff (60 s on the first retry) when the vendor asks for less', async () => {
    const wait = await retryInSeconds('t1', 1000);
    expect(wait).toBeGreaterThanOrEqual(59);
    expect(wait).toBeLessThanOrEqual(62);
  });

  it('waits as long as the vendor asked when that is longer', async () => {
    const wait = await retryInSeconds('t2', 300_000);
    expect(wait).toBeGreaterThanOrEqual(299);
    expect(wait).toBeLessThanOrEqual(302);
  });
});
