import { round } from '../tests/bench-kit/load.ts';
import { PostWatcher } from '../tests/bench-kit/post-watcher.ts';
import { BotFixture } from '../tests/support/bot-fixture.ts';
import { concurrently } from '../tests/support/concurrently.ts';
import { queueCounts } from '../tests/support/job-queue-probe.ts';
import { deliverOnce } from '../tests/support/slack-deliveries.ts';
import { buildWorkload, exactOnceReport } from '../tests/support/workload.ts';

// 7. Slack's pace: 60 new issues at once in one channel, each answered by two posts (confirmation
// and on-call notice), against a fake Slack that allows one chat.postMessage per channel per
// interval with a burst of 3 and answers 429 + Retry-After over it (as Slack documents), the bot
// pacing itself to the same rate. Slack's 1 s interval is scaled down by SCALE so the run takes
// a quarter of the time; the figures are also given at Slack's own pace.

const ISSUES = 60;
const SCALE = 4;
const SLACK_INTERVAL_MS = 1000;
const INTERVAL_MS = SLACK_INTERVAL_MS / SCALE;
const BURST = 3;

export interface PaceResult {
  readonly issues: number;
  readonly posts: number;
  readonly scale: number;
  readonly intervalMs: number;
  /** Wall time from the first event sent to the last notice posted, at the scaled pace. */
  readonly seconds: number;
  /** The fastest the posts can go at that pace: the burst at once, then one per interval. */
  readonly idealSeconds: number;
  /** The same two at Slack's own pace (one per second). */
  readonly slackSeconds: number;
  readonly slackIdealSeconds: number;
  readonly rateLimited: number;
  readonly deadLetters: number;
  readonly duplicates: number;
  readonly missing: number;
}

/** Runs the burst and reports its length against the ideal. */
export async function paceBench(log: (line: string) => void): Promise<PaceResult> {
  const bot = await BotFixture.start({
    name: 'bench_pace',
    env: {
      CHAT_POST_INTERVAL_MS: String(INTERVAL_MS),
      // No reconciliation sweep in the middle of the burst (it paces its Zendesk calls for minutes).
      RECONCILE_CRON: '0 0 1 1 *',
      CHAT_POST_BURST: String(BURST),
      CHAT_POST_MAX_WAIT_MS: String(5 * INTERVAL_MS),
    },
  });
  const { slack } = bot.vendors;
  slack.limitPostRate({ intervalMs: INTERVAL_MS, burst: BURST });
  const watcher = new PostWatcher(slack);
  try {
    log(
      `pace: ${ISSUES} new issues in one channel, posting pace 1 per ${INTERVAL_MS} ms (Slack's / ${SCALE})`,
    );
    const workload = buildWorkload(bot, 'pace', ISSUES, 0);
    const target = { url: bot.url, signingSecret: bot.secrets.signingSecret };
    const t0 = performance.now();
    await concurrently(workload.tops, 16, (d) => deliverOnce(target, d));
    const tEnd = await watcher.allDone(workload.tops.map((d) => String(d.event.ts)));
    await bot.settle(120_000);
    const report = exactOnceReport(bot, workload);
    const posts = 2 * ISSUES;
    const seconds = (tEnd - t0) / 1000;
    const idealSeconds = ((posts - BURST) * INTERVAL_MS) / 1000;
    return {
      issues: ISSUES,
      posts,
      scale: SCALE,
      intervalMs: INTERVAL_MS,
      seconds: round(seconds, 2),
      idealSeconds: round(idealSeconds, 2),
      slackSeconds: round(seconds * SCALE, 1),
      slackIdealSeconds: round(idealSeconds * SCALE, 1),
      rateLimited: slack.rateLimitedPosts,
      deadLetters: (await queueCounts(bot.database)).deadLetters,
      duplicates: report.duplicateTickets + report.wrongConfirmations + report.wrongOnCallNotices,
      missing: report.missingTickets,
    };
  } finally {
    watcher.stop();
    await bot.close();
  }
}
