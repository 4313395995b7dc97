import { quantile, round } from '../tests/bench-kit/load.ts';
import { PostWatcher } from '../tests/bench-kit/post-watcher.ts';
import { cpuMs } from '../tests/bench-kit/proc-stats.ts';
import { BotFixture } from '../tests/support/bot-fixture.ts';
import { concurrently } from '../tests/support/concurrently.ts';
import { deliverOnce } from '../tests/support/slack-deliveries.ts';
import { buildWorkload, exactOnceReport } from '../tests/support/workload.ts';

// 2. End to end: new-issue messages per second through the whole pipeline (intake, queue,
// worker, fake Zendesk/Slack/PagerDuty with 0 ms latency) and the bot's CPU per issue (the median
// of three bursts), and the
// latency from the Slack delivery to the confirmation in the thread at a steady 10 issues/s.

const BURST = 300;
const BURST_RUNS = 3;
const STEADY_RATE = 10;
const STEADY_COUNT = 150;

export interface PipelineBenchResult {
  readonly burst: {
    readonly issues: number;
    readonly seconds: number;
    readonly issuesPerSecond: number;
    readonly cpuMsPerIssue: number;
    /** Each of the bursts; the figures above are the median's. */
    readonly runs?: readonly { readonly issuesPerSecond: number; readonly cpuMsPerIssue: number }[];
  };
  readonly steady: {
    readonly perSecond: number;
    readonly issues: number;
    readonly p50Ms: number;
    readonly p99Ms: number;
    readonly p99ToOnCallMs: number;
  };
  readonly duplicates: number;
}

/** Runs the end-to-end benchmark on one bot (web + worker in one process). */
export async function pipelineBench(log: (line: string) => void): Promise<PipelineBenchResult> {
  const bot = await BotFixture.start({ name: 'bench_pipeline' });
  const watcher = new PostWatcher(bot.vendors.slack);
  try {
    const target = { url: bot.url, signingSecret: bot.secrets.signingSecret };
    const pid = bot.server.pid ?? 0;
    const warm = buildWorkload(bot, 'warm', 20, 0);
    await concurrently(warm.tops, 8, (d) => deliverOnce(target, d));
    await watcher.allDone(warm.tops.map((d) => String(d.event.ts)));
    await bot.settle();

    // The burst three times on the same (warm) bot: one run moves by +-15% on a shared machine,
    // so the figures are the median run's, with the range beside them.
    const runs: { seconds: number; cpuPerIssue: number }[] = [];
    const bursts: ReturnType<typeof buildWorkload>[] = [];
    for (let run = 1; run <= BURST_RUNS; run += 1) {
      log(`pipeline: ${BURST} issues at once (run ${run} of ${BURST_RUNS})`);
      const burst = buildWorkload(bot, `burst${run}`, BURST, 0);
      bursts.push(burst);
      const cpu0 = cpuMs(pid);
      const t0 = performance.now();
      await concurrently(burst.tops, 16, (d) => deliverOnce(target, d));
      const tEnd = await watcher.allDone(burst.tops.map((d) => String(d.event.ts)));
      await bot.settle();
      runs.push({ seconds: (tEnd - t0) / 1000, cpuPerIssue: (cpuMs(pid) - cpu0) / BURST });
    }
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const seconds = median(runs.map((r) => r.seconds));
    const cpuPerIssue = median(runs.map((r) => r.cpuPerIssue));

    log(`pipeline: ${STEADY_COUNT} issues at ${STEADY_RATE}/s`);
    const steady = buildWorkload(bot, 'steady', STEADY_COUNT, 0);
    const sentAt = new Map<string, number>();
    const started = performance.now();
    await Promise.all(
      steady.tops.map(async (d, i) => {
        const due = started + (i * 1000) / STEADY_RATE;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
        sentAt.set(String(d.event.ts), performance.now());
        await deliverOnce(target, d);
      }),
    );
    const threads = steady.tops.map((d) => String(d.event.ts));
    await watcher.allDone(threads);
    const toConfirm = threads
      .map((ts) => (watcher.confirmedAt.get(ts) ?? 0) - (sentAt.get(ts) ?? 0))
      .sort((a, b) => a - b);
    const toNotice = threads
      .map((ts) => (watcher.noticedAt.get(ts) ?? 0) - (sentAt.get(ts) ?? 0))
      .sort((a, b) => a - b);
    await bot.settle();
    const reports = [...bursts, steady].map((w) => exactOnceReport(bot, w));
    return {
      burst: {
        issues: BURST,
        seconds: round(seconds, 2),
        issuesPerSecond: round(BURST / seconds),
        cpuMsPerIssue: round(cpuPerIssue, 2),
        runs: runs.map((r) => ({
          issuesPerSecond: round(BURST / r.seconds),
          cpuMsPerIssue: round(r.cpuPerIssue, 2),
        })),
      },
      steady: {
        perSecond: STEADY_RATE,
        issues: STEADY_COUNT,
        p50Ms: round(quantile(toConfirm, 0.5)),
        p99Ms: round(quantile(toConfirm, 0.99)),
        p99ToOnCallMs: round(quantile(toNotice, 0.99)),
      },
      duplicates: reports.reduce((sum, r) => sum + r.duplicateTickets + r.wrongConfirmations, 0),
    };
  } finally {
    watcher.stop();
    await bot.close();
  }
}
