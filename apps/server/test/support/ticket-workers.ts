import { silentLogger, systemClock, type TicketCommentNotice } from '@zenslackchat/core';
import type { PgBoss } from 'pg-boss';
import { createBoss, setupQueues } from '../../src/jobs/create-boss.ts';
import type { JobHandlers } from '../../src/jobs/job-handlers.ts';
import type { JobTuning } from '../../src/jobs/job-tuning.ts';
import { startWorkers } from '../../src/jobs/start-workers.ts';
import { openTestDatabase } from './databases.ts';

/**
 * The production workers on a fresh Postgres database, whose ticket-comment jobs run `onNotice`
 * (the other queues' handlers do nothing). For tests of how jobs are fetched and run.
 */
export async function ticketCommentWorkers(
  prefix: string,
  tuning: JobTuning,
  onNotice: (notice: TicketCommentNotice) => Promise<void>,
): Promise<{ readonly boss: PgBoss; close(): Promise<void> }> {
  const handlers: JobHandlers = {
    async handleTicketComments(notice) {
      await onNotice(notice);
      return { outcome: 'done' };
    },
    handleChatMessage: async () => ({}),
    handleEmailTicket: async () => ({}),
    postDailyReport: async () => ({}),
    resolveIssue: async () => ({}),
  };
  const opened = await openTestDatabase('postgres', prefix);
  const boss = createBoss(
    { database: opened.database, ...(opened.url ? { url: opened.url } : {}) },
    silentLogger,
    {
      schedule: false,
    },
  );
  await boss.start();
  await setupQueues(boss, tuning);
  await startWorkers({
    boss,
    database: opened.database,
    handlers,
    tuning,
    clock: systemClock,
    logger: silentLogger,
  });
  return {
    boss,
    close: async () => {
      await boss.stop({ graceful: false, close: true });
      await opened.cleanup();
    },
  };
}
