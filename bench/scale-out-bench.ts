import { round } from '../tests/bench-kit/load.ts';
import { PostWatcher } from '../tests/bench-kit/post-watcher.ts';
import { BotFixture } from '../tests/support/bot-fixture.ts';
import { concurrently } from '../tests/support/concurrently.ts';
import { freePort } from '../tests/support/free-port.ts';
import { ServerProcess } from '../tests/support/server-process.ts';
import { deliverOnce } from '../tests/support/slack-deliveries.ts';
import { buildWorkload, exactOnceReport } from '../tests/support/workload.ts';

// 4. Scale-out: one web process takes the events; 1, then 2 worker processes (`--role worker`)
// on the same Postgres drain them, with every fake vendor answering after 20 ms.

const ISSUES = 400;
const VENDOR_LATENCY_MS = 20;

export interface ScaleOutRow {
  readonly workers: number;
  readonly issues: number;
  readonly seconds: number;
  readonly issuesPerSecond: number;
  readonly duplicates: number;
  readonly missing: number;
}

async function run(workers: number, log: (line: string) => void): Promise<ScaleOutRow> {
  const bot = await BotFixture.start({ name: `bench_scale${workers}`, args: ['--role', 'web'] });
  const { slack, zendesk, pagerDuty } = bot.vendors;
  const watcher = new PostWatcher(slack);
  const processes: ServerProcess[] = [];
  try {
    for (const fake of [slack, zendesk, pagerDuty]) fake.setLatency(VENDOR_LATENCY_MS);
    for (let i = 0; i < workers; i += 1) {
      const env = { ...bot.server.options.env, PORT: String(await freePort()) };
      processes.push(await ServerProcess.start({ env, args: ['--role', 'worker'] }));
    }
    log(`scale-out: ${ISSUES} issues, ${workers} worker process(es), ${VENDOR_LATENCY_MS} ms vendor latency`);
    const workload = buildWorkload(bot, `scale${workers}`, ISSUES, 0);
    const target = { url: bot.url, signingSecret: bot.secrets.signingSecret };
    const t0 = performance.now();
    await concurrently(workload.tops, 16, (d) => deliverOnce(target, d));
    const tEnd = await watcher.allDone(workload.tops.map((d) => String(d.event.ts)));
    await bot.settle(120_000);
    const report = exactOnceReport(bot, workload);
    const seconds = (tEnd - t0) / 1000;
    return {
      workers,
      issues: ISSUES,
      seconds: round(seconds, 2),
      issuesPerSecond: round(ISSUES / seconds),
      duplicates: report.duplicateTickets + report.wrongConfirmations + report.wrongOnCallNotices,
      missing: report.missingTickets,
    };
  } finally {
    watcher.stop();
    await Promise.all(processes.map((p) => p.stop()));
    await bot.close();
  }
}

/** Runs the scale-out benchmark with 1 and then 2 workers. */
export async function scaleOutBench(
  log: (line: string) => void,
): Promise<{ rows: ScaleOutRow[]; speedup: number }> {
  const one = await run(1, log);
  const two = await run(2, log);
  return { rows: [one, two], speedup: round(two.issuesPerSecond / one.issuesPerSecond, 2) };
}
