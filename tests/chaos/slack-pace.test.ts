import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotFixture } from '../support/bot-fixture.ts';
import { concurrently } from '../support/concurrently.ts';
import { freePort } from '../support/free-port.ts';
import { queueCounts } from '../support/job-queue-probe.ts';
import { ServerProcess } from '../support/server-process.ts';
import { deliverOnce } from '../support/slack-deliveries.ts';
import { SUPPORT_CHANNEL } from '../support/test-env.ts';
import { waitFor } from '../support/wait-for.ts';
import { buildWorkload, EXACTLY_ONCE, exactOnceReport, type Workload } from '../support/workload.ts';

const ISSUES = 60;
// Slack's pace (one post per second per channel, short bursts) scaled down 10x, in the fake and
// in the bot alike; the fake answers 429 + Retry-After over it.
const INTERVAL_MS = 100;

// A burst of 60 new issues in one channel, drained by two worker processes behind one web
// process: 120 posts (a confirmation and an on-call notice each) through the shared pace. The
// retry budget is a few seconds, far shorter than the burst takes, so a job that spent a retry
// per wait would be dead-lettered: pacing must defer without spending them.
describe('a burst of new issues in one channel, at Slack’s pace', () => {
  let bot: BotFixture;
  let workload: Workload;
  const workers: ServerProcess[] = [];
  beforeAll(async () => {
    bot = await BotFixture.start({
      name: 'chaos_pace',
      args: ['--role', 'web'],
      env: {
        CHAT_POST_INTERVAL_MS: String(INTERVAL_MS),
        // No reconciliation sweep in the middle of the burst (it paces its Zendesk calls for minutes).
        RECONCILE_CRON: '0 0 1 1 *',
        CHAT_POST_BURST: '1',
        CHAT_POST_MAX_WAIT_MS: String(3 * INTERVAL_MS),
        JOB_RETRY_DELAY_SECONDS: '1',
        JOB_RETRY_DELAY_MAX_SECONDS: '1',
        JOB_RETRY_BUDGET_HOURS: '0.001',
      },
    });
    bot.vendors.slack.limitPostRate({ intervalMs: INTERVAL_MS, burst: 3 });
    for (let i = 0; i < 2; i += 1) {
      const env = { ...bot.server.options.env, PORT: String(await freePort()) };
      workers.push(await ServerProcess.start({ env, args: ['--role', 'worker'] }));
    }
    workload = buildWorkload(bot, 'pace', ISSUES, 0);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await bot?.close();
  });

  it('posts every confirmation and on-call notice exactly once, with no dead letter', {
    timeout: 240_000,
  }, async () => {
    const target = { url: bot.url, signingSecret: bot.secrets.signingSecret };
    const statuses = await concurrently(workload.tops, 16, (delivery) => deliverOnce(target, delivery));
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    const { slack } = bot.vendors;
    const botPosts = () =>
      slack.messages.filter((m) => m.channel === SUPPORT_CHANNEL && m.user === slack.identity.botUserId);
    await waitFor(() => botPosts().length >= 2 * ISSUES, {
      timeoutMs: 200_000,
      intervalMs: 500,
      what: 'every confirmation and on-call notice',
    });
    await bot.settle(60_000);
    expect(exactOnceReport(bot, workload)).toEqual(EXACTLY_ONCE);
    expect(botPosts()).toHaveLength(2 * ISSUES);
    expect(await queueCounts(bot.database)).toMatchObject({ deadLetters: 0, failed: 0 });
    const logs = workers.flatMap((worker) => worker.logs);
    // Both workers took part, and jobs were put back for their slots rather than failed.
    expect(
      workers.every((worker) => worker.logs.some((line) => line.text.includes('chat issue opened'))),
    ).toBe(true);
    expect(logs.filter((line) => line.text.includes('job failed')).length).toBe(0);
  });
});
