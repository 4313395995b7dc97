import { openDatabase } from '@zenslackchat/adapters-postgres';
import { silentLogger } from '@zenslackchat/core';
import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBoss, setupQueues } from '../src/jobs/create-boss.ts';
import { DEFAULT_JOB_TUNING } from '../src/jobs/job-tuning.ts';
import { SINGLETON_QUEUES } from '../src/jobs/queue-policy.ts';
import { freshPostgres } from './support/databases.ts';
import { type Fakes, startFakes, startServer } from './support/e2e-harness.ts';

const WAIT = { timeout: 60_000, interval: 100 } as const;

// The daily report and housekeeping have no ordering key: two instances (or a manual run beside the
// scheduled one) must still never run their work twice at once.
describe('queues without an ordering key, two instances on one Postgres', { timeout: 120_000 }, () => {
  let url: string;
  let drop: () => Promise<void>;
  let fakes: Fakes;
  const started: Awaited<ReturnType<typeof startServer>>[] = [];

  beforeAll(async () => {
    ({ url, drop } = await freshPostgres('zsc_singleton'));
    fakes = await startFakes({ DATABASE_URL: url });
  });
  afterAll(async () => {
    for (const s of started) await s.server.stop();
    await fakes?.close();
    await drop?.();
  });

  it.each(SINGLETON_QUEUES)(
    '%s: a second instance cannot take a job while another is active',
    async (queue) => {
      const database = await openDatabase({ url, poolMax: 2 });
      const bosses = [0, 1].map(() => createBoss({ database, url }, silentLogger, { schedule: false }));
      try {
        for (const boss of bosses) await boss.start();
        const [a, b] = bosses as [PgBoss, PgBoss];
        // As an earlier version created it (standard policy, dead-lettering into `dead-letters`).
        await a.createQueue('dead-letters');
        await a.createQueue(queue, { deadLetter: 'dead-letters' });
        await setupQueues(a, DEFAULT_JOB_TUNING);
        await setupQueues(b, DEFAULT_JOB_TUNING);
        expect((await b.getQueue(queue))?.policy).toBe('singleton');
        // Two runs of the same work queued at once (two schedules, or a manual run beside one).
        await a.send(queue, {});
        await b.send(queue, {});
        const [first] = await a.fetch(queue);
        expect(first).toBeDefined();
        expect(await b.fetch(queue)).toEqual([]);
        expect(await a.fetch(queue)).toEqual([]);
        await a.complete(queue, first?.id ?? '');
        const [second] = await b.fetch(queue);
        expect(second?.id).not.toBe(first?.id);
        await b.complete(queue, second?.id ?? '');
      } finally {
        for (const boss of bosses) await boss.stop({ graceful: false, close: true });
        await database.close();
      }
    },
  );

  it('two servers, two report jobs sent at once: one report posted', async () => {
    started.push(await startServer(fakes.env), await startServer(fakes.env));
    const [a, b] = started.map((s) => s.server.boss);
    if (a === undefined || b === undefined) throw new Error('two servers expected');
    // Slow Slack answers keep the first run busy while the other instance polls.
    fakes.slack.setLatency(300);
    const ids = await Promise.all([a.send('daily-report', {}), b.send('daily-report', {})]);
    await vi.waitFor(async () => {
      const jobs = await Promise.all(ids.map((id) => a.getJobById('daily-report', id ?? '')));
      expect(jobs.map((job) => job?.state)).toEqual(['completed', 'completed']);
    }, WAIT);
    fakes.slack.setLatency(0);
    expect(fakes.slack.messages.filter((m) => m.text.startsWith('Daily report:'))).toHaveLength(1);
  });
});
