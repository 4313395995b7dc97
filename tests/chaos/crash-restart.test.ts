import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, BOB, BotFixture } from '../support/bot-fixture.ts';
import { concurrently } from '../support/concurrently.ts';
import { queueCounts } from '../support/job-queue-probe.ts';
import { findLeaks, labelled } from '../support/log-scan.ts';
import { deliverOnce, deliverUntilAcked } from '../support/slack-deliveries.ts';
import { waitFor } from '../support/wait-for.ts';
import { buildWorkload, EXACTLY_ONCE, exactOnceReport, type Workload } from '../support/workload.ts';

const TOPS = 160;
const REPLIES = 40;
const KILLS = 3;

// 200 events in flight while the server process is SIGKILLed at random moments and restarted on
// the same database. Slack keeps redelivering what was not acknowledged (and once more after);
// the outcome must be the same exactly-once as without crashes.
describe('crash and restart', () => {
  let bot: BotFixture;
  let workload: Workload;
  beforeAll(async () => {
    // A job a SIGKILL interrupted is failed by pg-boss once its heartbeats stop and retried after
    // the backoff, which doubles per kill it went through (5, 10, 20, 40 s by default): it finds
    // its work done, but the queue drains only then. A short backoff keeps that wait to seconds;
    // what is tested is the outcome, not how long the default backoff waits.
    bot = await BotFixture.start({
      name: 'chaos_crash',
      env: { JOB_RETRY_DELAY_SECONDS: '1', JOB_RETRY_DELAY_MAX_SECONDS: '4' },
    });
    workload = buildWorkload(bot, 'crash', TOPS, REPLIES);
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('ends exactly once after SIGKILLs at random points', { timeout: 300_000 }, async () => {
    const target = { url: bot.url, signingSecret: bot.secrets.signingSecret };
    const total = TOPS + REPLIES;
    let acked = 0;
    // Paced at about 35 events/s, so all three kills land while events are still arriving.
    const sending = concurrently([...workload.tops, ...workload.replies], 4, async (delivery) => {
      await deliverUntilAcked(target, delivery, { pauseMs: 200, deadlineMs: 150_000 });
      acked += 1;
      await deliverOnce(target, delivery, 3);
      await sleep(100);
    });
    const kills: number[] = [];
    const ackedAtKill: number[] = [];
    for (let i = 0; i < KILLS; i += 1) {
      const delay = 200 + Math.floor(Math.random() * 800);
      kills.push(delay);
      await sleep(delay);
      ackedAtKill.push(acked);
      await bot.server.kill();
      await bot.server.restart();
    }
    await sending;
    // Every kill hit the server while events were still arriving (and so while jobs ran).
    expect(ackedAtKill.every((count) => count < total)).toBe(true);
    await waitFor(
      () => {
        const report = exactOnceReport(bot, workload);
        return report.missingTickets + report.missingComments + report.wrongConfirmations === 0;
      },
      {
        timeoutMs: 120_000,
        intervalMs: 500,
        what: `every event handled after kills at ${kills.join(', ')} ms`,
      },
    );
    await bot.settle(120_000);
    expect(exactOnceReport(bot, workload)).toEqual(EXACTLY_ONCE);
    expect(await queueCounts(bot.database)).toMatchObject({ deadLetters: 0 });
  });

  it('logged no secret, token, email or message text at the default level', () => {
    const leaks = findLeaks(bot.server.logs, {
      ...labelled('secret', bot.secretValues),
      ...labelled('text', workload.texts),
      aliceEmail: ALICE.email,
      bobEmail: BOB.email,
    });
    expect(leaks).toEqual([]);
  });
});
