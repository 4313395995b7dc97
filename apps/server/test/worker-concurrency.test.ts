import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../src/config/index.ts';
import { jobTuningFrom } from '../src/jobs/job-tuning.ts';
import { ticketOrderingKey } from '../src/jobs/queues.ts';
import { ticketCommentWorkers } from './support/ticket-workers.ts';

const WAIT = { timeout: 60_000, interval: 50 } as const;

// WORKER_CONCURRENCY=3: three jobs of a queue run at once in one process, and never a fourth.
describe('WORKER_CONCURRENCY', { timeout: 120_000 }, () => {
  const tuning = {
    ...jobTuningFrom(loadConfig({ WORKER_CONCURRENCY: '3' }).jobs),
    pollingIntervalSeconds: 0.5,
  };
  let workers: { readonly boss: PgBoss; close(): Promise<void> };
  let running = 0;
  let mostAtOnce = 0;
  const finished: string[] = [];
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });

  beforeAll(async () => {
    workers = await ticketCommentWorkers('zsc_concurrency', tuning, async (notice) => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      await gate;
      running -= 1;
      finished.push(notice.ticketId);
    });
  });
  afterAll(async () => {
    open();
    await workers?.close();
  });

  it('runs 3 jobs of one queue at once, and the rest after them', async () => {
    expect(tuning.concurrency).toBe(3);
    const tickets = ['1', '2', '3', '4', '5'];
    for (const ticketId of tickets) {
      await workers.boss.send(
        'ticket-comment',
        { notice: { ticketId } },
        { singletonKey: ticketOrderingKey(ticketId) },
      );
    }
    // All three are inside their handler together (none can finish before the gate opens).
    await vi.waitFor(() => expect(running).toBe(3), WAIT);
    open();
    await vi.waitFor(() => expect([...finished].sort()).toEqual(tickets), WAIT);
    expect(mostAtOnce).toBe(3);
  });
});
