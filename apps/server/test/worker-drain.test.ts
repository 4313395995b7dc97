import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_JOB_TUNING } from '../src/jobs/job-tuning.ts';
import { ticketOrderingKey } from '../src/jobs/queues.ts';
import { ticketCommentWorkers } from './support/ticket-workers.ts';

// A backlog drains without waiting for a poll: a worker that got a job fetches again when it is
// done. The polling interval here is 60 s, longer than the wait below, and pg-boss's monitor (which
// would refresh the ready count its own burst mode reads) runs every 10 s: so without the re-fetch
// only the jobs that one NOTIFY woke the workers for would be done in time.
describe('draining a backlog', { timeout: 60_000 }, () => {
  const tuning = { ...DEFAULT_JOB_TUNING, concurrency: 2, pollingIntervalSeconds: 60 };
  let workers: { readonly boss: PgBoss; close(): Promise<void> };
  const finished: string[] = [];

  beforeAll(async () => {
    workers = await ticketCommentWorkers('zsc_drain', tuning, async (notice) => {
      finished.push(notice.ticketId);
    });
  });
  afterAll(() => workers?.close());

  it('runs a burst inserted at once, and each thread in order, without waiting for a poll', async () => {
    // Six tickets with two notices each, inserted in one statement (one NOTIFY): a ticket's second
    // notice can only be fetched once its first is done, which no NOTIFY announces.
    const tickets = ['1', '2', '3', '4', '5', '6'];
    const jobs = tickets.flatMap((ticketId) =>
      [1, 2].map(() => ({ data: { notice: { ticketId } }, singletonKey: ticketOrderingKey(ticketId) })),
    );
    await workers.boss.insert('ticket-comment', jobs);
    await vi.waitFor(() => expect(finished).toHaveLength(12), { timeout: 8_000, interval: 50 });
    expect([...finished].sort()).toEqual([...tickets, ...tickets].sort());
  });
});
