import { execFileSync, spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reconcileBench } from '../tests/bench-kit/reconcile-sweep.ts';
import { soakBench } from '../tests/bench-kit/soak.ts';
import { coldStartBench } from './cold-start-bench.ts';
import { countsBench } from './counts-bench.ts';
import { forwardingBench } from './forwarding-bench.ts';
import { intakeBench } from './intake-bench.ts';
import { paceBench } from './pace-bench.ts';
import { pipelineBench } from './pipeline-bench.ts';
import { scaleOutBench } from './scale-out-bench.ts';

// `pnpm bench`: the six measurements of the proof issue, side by side in one run on this machine.
// Prints a table and writes bench/results.json. Never asserted anywhere. Load goes to 127.0.0.1
// only, with bounded counts and durations. ZSC_BENCH_SKIP_POSTGRES=1 reuses the last database
// figures (bench/results/postgres.json) instead of loading 1,000,000 issues again.
// `--only=intake,pipeline` runs just those parts (cold-start, intake, pipeline, forwarding, scale-out, pace, counts) and keeps
// the other parts' figures from the last bench/results.json. `--soak` (`pnpm bench -- --soak`) runs
// the ten-minute soak (ZSC_SOAK_SECONDS shortens it) and, without --only, nothing else; the soak's
// figures are kept under their own key by every run that does not repeat it.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => console.log(line);

function postgresVersion(): string {
  const out = spawnSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-tAc', 'show server_version'], {
    encoding: 'utf8',
  });
  return out.stdout.trim() || 'unknown';
}

log('building the server (pnpm -s build)');
execFileSync('flock', ['/tmp/zsc-build.lock', 'pnpm', '-s', 'build', '--output-logs=errors-only'], {
  cwd: root,
  stdio: 'inherit',
});

const PARTS = [
  'cold-start',
  'intake',
  'pipeline',
  'forwarding',
  'scale-out',
  'pace',
  'counts',
  'reconcile',
] as const;
const onlyArg = process.argv.find((arg) => arg.startsWith('--only='));
const soakRuns = process.argv.includes('--soak');
const partial = onlyArg !== undefined || soakRuns;
const only = onlyArg !== undefined ? onlyArg.slice('--only='.length).split(',') : soakRuns ? [] : [...PARTS];
for (const part of only) {
  if (!(PARTS as readonly string[]).includes(part)) throw new Error(`--only: unknown part ${part}`);
}
const resultsFile = join(root, 'bench/results.json');
const last = JSON.parse(await readFile(resultsFile, 'utf8').catch(() => '{}'));
const previous = partial ? last : undefined;
const runs = (part: (typeof PARTS)[number]) => only.includes(part);

const coldStart = runs('cold-start') ? await coldStartBench(root, log) : previous.coldStart;
const intake = runs('intake') ? await intakeBench(log) : previous.intake;
const pipeline = runs('pipeline') ? await pipelineBench(log) : previous.pipeline;
const forwarding = runs('forwarding') ? await forwardingBench(log) : previous.forwarding;
const scaleOut = runs('scale-out') ? await scaleOutBench(log) : previous.scaleOut;
const pace = runs('pace') ? await paceBench(log) : previous.pace;
const counts: Awaited<ReturnType<typeof countsBench>> = runs('counts')
  ? await countsBench(log)
  : previous.counts;
const reconcile = runs('reconcile') ? await reconcileBench(log) : previous.reconcile;
const soak: Awaited<ReturnType<typeof soakBench>> | undefined = soakRuns ? await soakBench(log) : last.soak;
if (!partial && process.env.ZSC_BENCH_SKIP_POSTGRES !== '1') {
  log('database: packages/adapters-postgres/bench (1,000,000 issues)');
  execFileSync(
    process.execPath,
    ['--conditions=@zenslackchat/source', 'packages/adapters-postgres/bench/report-bench.ts'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}
const databaseFile = join(root, 'bench/results/postgres.json');
const database = JSON.parse(
  await readFile(databaseFile, 'utf8').catch(() => {
    throw new Error(`${databaseFile} is missing: run without ZSC_BENCH_SKIP_POSTGRES=1 once`);
  }),
);
const onPostgres = database.results.find((r: { backend: string }) => r.backend === 'postgres');

const [bot, bolt, bare, oneInsert] = intake.targets as Awaited<ReturnType<typeof intakeBench>>['targets'];
const ratio = (a: { closed: { perSecond: number } } | undefined, b: typeof a) =>
  a && b ? (a.closed.perSecond / b.closed.perSecond).toFixed(2) : '?';
/** The range of a measurement's runs, when it has several. */
const spread = (values: readonly number[] | undefined) =>
  values === undefined || values.length < 2 ? '' : `runs ${Math.min(...values)}-${Math.max(...values)}`;
const rows = [
  [
    '0 cold start',
    'fresh clone: install, then pnpm start → /healthz (ms)',
    `${coldStart?.installMs} + ${coldStart?.startToHealthyMs}`,
    `Node ${coldStart?.node}`,
    'start < 10,000 ms on Node 24',
  ],
  [
    '1 intake',
    'zenslackchat events/s (32 conn)',
    bot?.closed.perSecond,
    `${ratio(bot, oneInsert)}x one-INSERT, ${ratio(bot, bolt)}x bolt, ${ratio(bot, bare)}x fastify`,
    'bot >= 1.0x one-INSERT, >= 0.6x bolt',
  ],
  ['1 intake', '@slack/bolt events/s', bolt?.closed.perSecond, '', ''],
  ['1 intake', 'bare fastify events/s', bare?.closed.perSecond, '', ''],
  [
    '1 intake',
    'verify + one INSERT events/s',
    oneInsert?.closed.perSecond,
    `the design the bot's intake is measured against (issue 18)`,
    '',
  ],
  [
    '1 intake',
    'CPU ms per event: bot / bolt / fastify / one-INSERT',
    `${bot?.cpuMsPerEvent} / ${bolt?.cpuMsPerEvent} / ${bare?.cpuMsPerEvent} / ${oneInsert?.cpuMsPerEvent}`,
    `Postgres ${bot?.postgresCpuMsPerEvent} for the bot, ${oneInsert?.postgresCpuMsPerEvent} for one-INSERT`,
    'bot <= bolt',
  ],
  [
    '1 intake',
    'zenslackchat p50/p99 ms at 200/s',
    `${bot?.at200.p50Ms} / ${bot?.at200.p99Ms}`,
    `bolt ${bolt?.at200.p99Ms}, fastify ${bare?.at200.p99Ms}`,
    'p99 < 50 ms',
  ],
  [
    '2 end to end',
    'issues/s (burst of 300, median of 3)',
    pipeline.burst.issuesPerSecond,
    spread(pipeline.burst.runs?.map((run: { issuesPerSecond: number }) => run.issuesPerSecond)),
    '',
  ],
  [
    '2 end to end',
    'bot CPU ms per issue (median of 3)',
    pipeline.burst.cpuMsPerIssue,
    spread(pipeline.burst.runs?.map((run: { cpuMsPerIssue: number }) => run.cpuMsPerIssue)),
    '<= 4 ms',
  ],
  [
    '2 end to end',
    'p50/p99 ms to confirmation at 10/s',
    `${pipeline.steady.p50Ms} / ${pipeline.steady.p99Ms}`,
    `to on-call ${pipeline.steady.p99ToOnCallMs}`,
    'p99 < 100 ms',
  ],
  ...(forwarding as Awaited<ReturnType<typeof forwardingBench>>).map((row) => [
    '3 forwarding',
    `${row.earlierComments} earlier comments`,
    `${row.zendeskCalls} + ${row.slackCalls} calls`,
    `median ${row.medianMs} ms`,
    'constant, <= 3 calls',
  ]),
  [
    '4 scale-out',
    '1 worker issues/s',
    scaleOut.rows[0]?.issuesPerSecond,
    `duplicates ${scaleOut.rows[0]?.duplicates}`,
    '',
  ],
  [
    '4 scale-out',
    '2 workers issues/s',
    scaleOut.rows[1]?.issuesPerSecond,
    `${scaleOut.speedup}x, duplicates ${scaleOut.rows[1]?.duplicates}`,
    '>= 1.7x, 0 duplicates',
  ],
  [
    '5 memory',
    'RSS idle / under load 1 (MB)',
    `${intake.memory.idleRssMb} / ${intake.memory.peakRssMb}`,
    '',
    '< 150 / < 300',
  ],
  [
    '7 Slack pace',
    `${pace?.issues} issues (${pace?.posts} posts) in one channel, s`,
    `${pace?.seconds} (ideal ${pace?.idealSeconds})`,
    `at 1/${pace?.intervalMs} ms (Slack's /${pace?.scale}); at Slack's 1/s: ${pace?.slackSeconds} vs ${pace?.slackIdealSeconds}; 429s ${pace?.rateLimited}, dead letters ${pace?.deadLetters}, duplicates ${pace?.duplicates}`,
    'all posted once, near the ideal',
  ],
  ...(counts ?? []).map((row) => [
    '8 work per unit',
    `per ${row.unit}: statements + pg-boss + BEGIN/COMMIT`,
    `${row.appStatements} + ${row.pgBossRoundTrips} + ${row.transactionControl}`,
    `vendor calls: Slack ${row.slackCalls}, Zendesk ${row.zendeskCalls}, PagerDuty ${row.pagerDutyCalls} (${row.samples} samples)`,
    'fewer (issue 18)',
  ]),
  [
    '9 reconcile',
    `one sweep, ${reconcile?.issues} issues, ${reconcile?.changed} changed: Zendesk calls`,
    `${reconcile?.zendeskCalls} (budget ${reconcile?.budget})`,
    `${reconcile?.seconds} s wall, ${reconcile?.cpuSeconds} s CPU; healed ${reconcile?.healed}, failed ${reconcile?.failed}`,
    'calls <= ceil(n/100) + changed',
  ],
  [
    '10 soak',
    `${soak?.seconds} s at ${soak?.perSecond} events/s: RSS first / last sample (MB)`,
    `${soak?.samples[0]?.rssMb} / ${soak?.samples.at(-1)?.rssMb}`,
    `${soak?.newIssues} issues + ${soak?.replies} replies, refused ${soak?.refused}, drained in ${soak?.drainSeconds ?? 'over 300'} s, duplicates ${soak ? soak.outcome.duplicateTickets + soak.outcome.duplicateComments : '?'}, missing ${soak ? soak.outcome.missingTickets + soak.outcome.missingComments : '?'}`,
    '',
  ],
  [
    '10 soak',
    'last third vs middle third',
    soak === undefined ? '?' : soak.verdict.flat ? 'flat' : 'NOT flat',
    soak?.verdict.text,
    'flat at the end (no leak)',
  ],
  [
    '6 report',
    'daily report at 1M issues (median ms)',
    onPostgres?.timings?.dailyReport?.medianMs,
    `p95 ${onPostgres?.timings?.dailyReport?.p95Ms}`,
    '',
  ],
].map(([part, measure, value, note, goal]) => ({ part, measure, value, note, goal }));
if (soakRuns && soak !== undefined) {
  console.table(soak.samples);
  log(`soak: ${soak.verdict.text}`);
}
console.table(rows);

const cpu = cpus();
const results = {
  measuredAt: new Date().toISOString(),
  ...(partial
    ? { parts: soakRuns ? [...only, 'soak'] : only, otherPartsMeasuredAt: previous.measuredAt }
    : {}),
  machine: {
    cpus: cpu.length,
    model: cpu[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
  },
  versions: { node: process.version, postgres: postgresVersion() },
  coldStart,
  intake,
  pipeline,
  forwarding,
  scaleOut,
  pace,
  counts,
  reconcile,
  soak,
  database: {
    source: 'bench/results/postgres.json',
    measuredAt: database.measuredAt,
    results: database.results,
  },
};
await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
log('wrote bench/results.json');
