import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { silentLogger } from '@zenslackchat/core';
import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBoss, setupQueues } from '../src/jobs/create-boss.ts';
import { DEFAULT_JOB_TUNING } from '../src/jobs/job-tuning.ts';
import { DEAD_LETTER_QUEUE, type DeadLetter } from '../src/jobs/queues.ts';
import { replayDeadLetters } from '../src/jobs/replay-dead-letters.ts';
import { openTestDatabase } from './support/databases.ts';

const LETTERS = 6;

function letter(i: number): DeadLetter {
  const id = String(i).padStart(12, '0');
  return {
    queue: 'ticket-comment',
    key: `ticket:${i}`,
    data: { notice: { ticketId: String(i) } },
    error: { name: 'IntegrationError', reason: 'Unavailable', message: 'down' },
    sourceId: `00000000-0000-4000-8000-${id}`,
    failedAt: new Date().toISOString(),
  };
}

/** `boss` whose `complete` dies on its `nth` call, as a process killed between the re-send and the commit. */
function dyingOn(boss: PgBoss, nth: number): PgBoss {
  let calls = 0;
  return new Proxy(boss, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      // pg-boss's methods use private fields: call them on the real instance.
      if (name !== 'complete') return value.bind(target);
      return (...args: unknown[]) => {
        calls += 1;
        if (calls === nth) throw new Error('killed half-way');
        return value.apply(target, args);
      };
    },
  });
}

// `replay-dead-letters` killed half-way through and run again: every letter replayed exactly once,
// none left claimed.
describe('replay-dead-letters after a crash half-way, on Postgres', { timeout: 120_000 }, () => {
  let boss: PgBoss;
  let opened: Awaited<ReturnType<typeof openTestDatabase>>;

  beforeAll(async () => {
    opened = await openTestDatabase('postgres', 'zsc_replay_crash');
    boss = createBoss(
      { database: opened.database, ...(opened.url ? { url: opened.url } : {}) },
      silentLogger,
      {
        schedule: false,
      },
    );
    await boss.start();
    await setupQueues(boss, DEFAULT_JOB_TUNING);
    for (let i = 1; i <= LETTERS; i += 1) await boss.send(DEAD_LETTER_QUEUE, letter(i));
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false, close: true });
    await opened?.cleanup();
  });

  const states = async () => (await boss.findJobs(DEAD_LETTER_QUEUE)).map((job) => job.state).sort();
  const replayedTickets = async () =>
    (await boss.findJobs('ticket-comment'))
      .map((job) => (job.data as { notice: { ticketId: string } }).notice.ticketId)
      .sort();

  it('leaves the unfinished letters queued, then replays each exactly once', async () => {
    await expect(replayDeadLetters(opened.database, dyingOn(boss, 3), 100)).rejects.toThrow(
      'killed half-way',
    );
    // Two replayed and completed; the third rolled back with its re-send; none stuck `active`.
    expect(await states()).toEqual(['completed', 'completed', 'created', 'created', 'created', 'created']);
    expect(await replayedTickets()).toHaveLength(2);

    // Two runs at once, as an operator re-running it beside a stuck one would.
    const reports = await Promise.all([
      replayDeadLetters(opened.database, boss, 100),
      replayDeadLetters(opened.database, boss, 100),
    ]);
    expect(reports.reduce((sum, r) => sum + r.replayed, 0)).toBe(LETTERS - 2);
    expect(await states()).toEqual(Array(LETTERS).fill('completed'));
    expect(await replayedTickets()).toEqual(['1', '2', '3', '4', '5', '6']);
    const keys = (await boss.findJobs('ticket-comment')).map((job) => job.singletonKey).sort();
    expect(keys).toEqual(['1', '2', '3', '4', '5', '6'].map((t) => `ticket:${t}`));
  });

  it("survives a real SIGKILL inside a letter's transaction: run again, each letter is replayed once", async () => {
    for (let i = 11; i <= 15; i += 1) await boss.send(DEAD_LETTER_QUEUE, letter(i));
    const child = fork(
      fileURLToPath(new URL('./support/replay-until-killed.ts', import.meta.url)),
      [opened.url ?? ''],
      {
        execArgv: ['--conditions=@zenslackchat/source'],
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      },
    );
    const said = await new Promise<unknown>((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`the replay exited (${code}) before getting stuck`)));
    });
    expect(said).toBe('stuck');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect((await replayedTickets()).filter((t) => Number(t) > 10)).toHaveLength(2);
    // Run again until nothing is left (Postgres drops the killed connection's transaction and its
    // row lock as soon as it sees the socket closed).
    await vi.waitFor(
      async () => {
        await replayDeadLetters(opened.database, boss, 100);
        expect(await states()).toEqual(Array(LETTERS + 5).fill('completed'));
      },
      { timeout: 30_000, interval: 200 },
    );
    expect((await replayedTickets()).filter((t) => Number(t) > 10)).toEqual(['11', '12', '13', '14', '15']);
  });
});
