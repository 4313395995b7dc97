import { fromKysely, fromPglite, PgBoss } from 'pg-boss';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PostgresIssueRepo, withTransaction } from '../../src/index.ts';
import type { TestBackend, TestDatabase } from '../test-database.ts';

const QUEUE = 'process-event';
const thread = {
  platform: 'slack',
  channel: 'C1',
  threadId: '1.1',
  openedAt: new Date('2026-01-01T00:00:00Z'),
};

// The server's inbound path: record the event and enqueue its job in ONE transaction, so a crash
// or failure between the two can neither lose the job nor leave a job for an unrecorded event.
/** pg-boss `send` through `fromKysely(trx)` commits and rolls back with the repo writes. */
export function pgBossTransactionTests(get: () => TestDatabase, backend: TestBackend): void {
  describe('pg-boss send inside withTransaction', () => {
    let boss: PgBoss | undefined;
    beforeAll(async () => {
      const database = get();
      boss =
        backend === 'pglite'
          ? new PgBoss({
              db: fromPglite(database.pglite!),
              backend: 'pglite',
              supervise: false,
              schedule: false,
            })
          : new PgBoss({ connectionString: database.url!, supervise: false, schedule: false });
      boss.on('error', (error: unknown) => console.error('pg-boss', error));
      await boss.start();
      await boss.createQueue(QUEUE);
    });
    // Runs when this block ends, before the collecting file closes the database.
    afterAll(() => boss?.stop({ graceful: false, close: backend === 'postgres' }));
    beforeEach(() => get().reset());

    const enqueueIn = (fail: boolean) =>
      withTransaction(get().db, async (trx, repo) => {
        await repo.recordInboundEvent('slack', 'Ev1', new Date());
        const { issue } = await repo.claimThread(thread);
        const jobId = await boss!.send(QUEUE, { issueId: issue.id }, { db: fromKysely(trx) });
        if (fail) throw Object.assign(new Error('after enqueue'), { jobId });
        return jobId;
      });

    it('commits the job together with the repo writes', async () => {
      const jobId = await enqueueIn(false);
      expect(jobId).toBeTruthy();
      const job = await boss!.getJobById<{ issueId: string }>(QUEUE, jobId!);
      const issue = await new PostgresIssueRepo(get().db).findByThread(thread);
      expect(job?.data.issueId).toBe(issue?.id);
    });

    it('rolls the job back with the repo writes', async () => {
      const error = (await enqueueIn(true).catch((e: unknown) => e)) as { jobId?: string };
      expect(error.jobId).toBeTruthy();
      expect(await boss!.getJobById(QUEUE, error.jobId!)).toBeNull();
      const repo = new PostgresIssueRepo(get().db);
      expect(await repo.findByThread(thread)).toBeUndefined();
      expect(await repo.recordInboundEvent('slack', 'Ev1', new Date())).toBe(true);
    });
  });
}
