import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../src/index.ts';
import { type BackendResult, benchBackend } from './bench-backend.ts';

// The daily report and thread look-ups on a large issues table: 1,000,000 rows on Postgres,
// 100,000 on PGlite. Prints a table and writes bench/results/postgres.json at the repo root.
// Timings are reported, never asserted. Flags: --postgres-url (an admin connection),
// --issues (Postgres rows), --pglite-issues.

const { values: flags } = parseArgs({
  options: {
    'postgres-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    issues: { type: 'string', default: '1000000' },
    'pglite-issues': { type: 'string', default: '100000' },
  },
});
const adminUrl = flags['postgres-url'];
const pgCount = positiveCount('--issues', flags.issues);
const pgliteCount = positiveCount('--pglite-issues', flags['pglite-issues']);

function positiveCount(name: string, value: string): number {
  const count = Number(value);
  if (!Number.isSafeInteger(count) || count <= 0) throw new Error(`${name} must be a positive whole number`);
  return count;
}
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const resultsFile = join(repoRoot, 'bench/results/postgres.json');
const log = (line: string) => console.log(line);

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function onPostgres(): Promise<BackendResult> {
  const name = `zsc_bench_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  try {
    log(`postgres: ${pgCount.toLocaleString('en')} issues in database ${name}`);
    return await benchBackend(database, pgCount, log);
  } finally {
    await database.close();
    await admin(`drop database if exists ${name} with (force)`);
  }
}

async function onPglite(): Promise<BackendResult> {
  const dir = await mkdtemp(join(tmpdir(), 'zsc-bench-pglite-'));
  const database = await openDatabase({ dataDir: dir });
  try {
    log(`pglite: ${pgliteCount.toLocaleString('en')} issues in ${dir}`);
    return await benchBackend(database, pgliteCount, log);
  } finally {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The plans a timed operation runs: the report is two counts; a repeated claim ends in a thread look-up. */
const PLANS_OF: Readonly<Record<string, readonly string[]>> = {
  dailyReport: ['countOpen', 'countResolvedBetween'],
  dailyReportBeforeVacuum: [],
  claimExistingThread: ['findByThread'],
};

function printTable(results: readonly BackendResult[]): void {
  const rows = results.flatMap((r) =>
    Object.entries(r.timings).map(([query, t]) => {
      const plans = (PLANS_OF[query] ?? [query]).flatMap((name) => r.plans[name] ?? []);
      return {
        backend: r.backend,
        issues: r.issues,
        query,
        'median ms': t.medianMs,
        'p95 ms': t.p95Ms,
        runs: t.runs,
        indexes: plans.flatMap((p) => p.indexes).join(', '),
        'seq scan': plans.some((p) => p.seqScan),
      };
    }),
  );
  console.table(rows);
  for (const r of results) {
    for (const [query, plan] of Object.entries(r.plans)) {
      log(`\n${r.backend} · ${query}\n${plan.plan.map((line) => `  ${line}`).join('\n')}`);
    }
  }
}

const results = [await onPostgres(), await onPglite()];
printTable(results);
const cpu = cpus();
await mkdir(dirname(resultsFile), { recursive: true });
await writeFile(
  resultsFile,
  `${JSON.stringify(
    {
      benchmark: 'adapters-postgres report-bench',
      measuredAt: new Date().toISOString(),
      node: process.version,
      machine: { cpus: cpu.length, model: cpu[0]?.model ?? 'unknown' },
      results,
    },
    null,
    2,
  )}\n`,
);
// Leave the file as the repo's formatter wants it, so a re-run does not break `pnpm lint`.
spawnSync(join(repoRoot, 'node_modules/.bin/biome'), ['format', '--write', resultsFile], { cwd: repoRoot });
log(`\nwrote ${resultsFile}`);
