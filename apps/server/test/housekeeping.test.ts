import { PostgresIssueRepo } from '@zenslackchat/adapters-postgres';
import { silentLogger } from '@zenslackchat/core';
import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBoss, setupQueues } from '../src/jobs/create-boss.ts';
import {
  HOUSEKEEPING_CRON,
  HOUSEKEEPING_QUEUE,
  INBOUND_EVENT_RETENTION_DAYS,
  startHousekeeping,
} from '../src/jobs/housekeeping.ts';
import { DEFAULT_JOB_TUNING } from '../src/jobs/job-tuning.ts';
import { BACKENDS, openTestDatabase } from './support/databases.ts';

const NOW = new Date('2026-11-27T03:17:00Z');
const DAY = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
// Generous: the machine is shared and pg-boss polls; this bounds a wait, it asserts no speed.
const WAIT = { timeout: 60_000, interval: 100 } as const;

describe.each(BACKENDS)('housekeeping on %s', { timeout: 120_000 }, (backend) => {
  let boss: PgBoss;
  let repo: PostgresIssueRepo;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const opened = await openTestDatabase(backend, 'zsc_housekeeping');
    cleanup = opened.cleanup;
    repo = new PostgresIssueRepo(opened.database.db);
    boss = createBoss(
      { database: opened.database, ...(opened.url === undefined ? {} : { url: opened.url }) },
      silentLogger,
      { schedule: true },
    );
    await boss.start();
    await setupQueues(boss, DEFAULT_JOB_TUNING);
    await startHousekeeping(boss, { pruner: repo, clock: { now: () => NOW }, logger: silentLogger });
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false, close: true });
    await cleanup?.();
  });

  it(`prunes inbound event ids older than ${INBOUND_EVENT_RETENTION_DAYS} days and keeps the recent ones`, async () => {
    const ages = {
      ancient: 400,
      old: INBOUND_EVENT_RETENTION_DAYS + 1,
      recent: 1,
      edge: INBOUND_EVENT_RETENTION_DAYS - 1,
    };
    for (const [id, age] of Object.entries(ages)) {
      expect(await repo.recordInboundEvent('slack', id, daysAgo(age))).toBe(true);
    }
    const id = await boss.send(HOUSEKEEPING_QUEUE, {});
    await vi.waitFor(
      async () => expect((await boss.getJobById(HOUSEKEEPING_QUEUE, id!))?.state).toBe('completed'),
      WAIT,
    );
    // A pruned id is new again; a kept one is still a duplicate.
    expect(await repo.recordInboundEvent('slack', 'ancient', NOW)).toBe(true);
    expect(await repo.recordInboundEvent('slack', 'old', NOW)).toBe(true);
    expect(await repo.recordInboundEvent('slack', 'recent', NOW)).toBe(false);
    expect(await repo.recordInboundEvent('slack', 'edge', NOW)).toBe(false);
  });

  it('is scheduled daily in UTC', async () => {
    const [schedule] = await boss.getSchedules(HOUSEKEEPING_QUEUE);
    expect(schedule).toMatchObject({ cron: HOUSEKEEPING_CRON, timezone: 'UTC' });
  });
});
