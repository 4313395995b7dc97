import { type Kysely, sql } from 'kysely';
import { type Database, migrateToLatest, PostgresIssueRepo, type Schema } from '../src/index.ts';
import {
  countOpenQuery,
  countResolvedQuery,
  issueByThreadQuery,
  issueByTicketQuery,
} from '../src/issue-queries.ts';
import { loadIssues } from './load-issues.ts';
import { explain, hasSeqScan, indexesUsed, type Timing, time } from './measure.ts';

/** One query's plan: the indexes it used and whether it scanned the whole table. */
export interface PlanSummary {
  readonly indexes: readonly string[];
  readonly seqScan: boolean;
  readonly plan: readonly string[];
}

/** Everything measured on one backend. */
export interface BackendResult {
  readonly backend: string;
  readonly serverVersion: string;
  readonly issues: number;
  readonly openIssues: number;
  readonly resolvedOnReportDay: number;
  readonly loadSeconds: number;
  readonly timings: Readonly<Record<string, Timing>>;
  readonly plans: Readonly<Record<string, PlanSummary>>;
}

const DAY_MS = 86_400_000;

async function summary(db: Kysely<Schema>, query: Parameters<typeof explain>[1]): Promise<PlanSummary> {
  const plan = await explain(db as unknown as Kysely<never>, query);
  return { indexes: indexesUsed(plan), seqScan: hasSeqScan(plan), plan };
}

/** Migrates, loads `count` issues, VACUUM ANALYZEs, then times and EXPLAINs the report and look-ups. */
export async function benchBackend(
  database: Database,
  count: number,
  log: (line: string) => void,
): Promise<BackendResult> {
  const { db } = database;
  const now = new Date();
  await migrateToLatest(db);
  const loadStarted = performance.now();
  await loadIssues(db, count, now, (n) => log(`  loaded ${n.toLocaleString('en')} issues`));
  await sql`analyze issues`.execute(db);
  const loadSeconds = Math.round((performance.now() - loadStarted) / 100) / 10;

  const repo = new PostgresIssueRepo(db);
  const dayStart = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - DAY_MS);
  const dayEnd = new Date(dayStart.getTime() + DAY_MS);
  const report = async () => {
    await repo.countOpen();
    await repo.countResolvedBetween(dayStart, dayEnd);
  };
  // Straight after a bulk load the visibility map is empty, so index-only scans still visit the
  // heap; a live database has autovacuum for that. Time both states.
  const dailyReportBeforeVacuum = await time(report);
  await sql`vacuum analyze issues`.execute(db);
  const samples = await db
    .selectFrom('issues')
    .select(['platform', 'channel', 'thread_id', 'ticket_id', 'opened_at'])
    .where(sql<boolean>`seq % ${Math.max(1, Math.floor(count / 200))} = 0`)
    .limit(200)
    .execute();
  const thread = (i: number) => {
    const row = samples[i % samples.length]!;
    return { platform: row.platform, channel: row.channel, threadId: row.thread_id ?? '' };
  };
  const ticket = (i: number) => samples[i % samples.length]!.ticket_id ?? '';

  log('  timing queries');
  const timings = {
    dailyReport: await time(report),
    dailyReportBeforeVacuum,
    countOpen: await time(() => repo.countOpen()),
    countResolvedBetween: await time(() => repo.countResolvedBetween(dayStart, dayEnd)),
    findByThread: await time((i) => repo.findByThread(thread(i)), 200),
    findByTicket: await time((i) => repo.findByTicket(ticket(i)), 200),
    claimExistingThread: await time(
      (i) => repo.claimThread({ ...thread(i), openedAt: samples[i % samples.length]!.opened_at }),
      200,
    ),
  };
  log('  explaining plans');
  const plans = {
    countOpen: await summary(db, countOpenQuery(db)),
    countResolvedBetween: await summary(db, countResolvedQuery(db, dayStart, dayEnd)),
    findByThread: await summary(db, issueByThreadQuery(db, thread(0))),
    findByTicket: await summary(db, issueByTicketQuery(db, ticket(0))),
  };
  const { rows } = await sql<{ v: string }>`select version() as v`.execute(db);
  return {
    backend: database.backend,
    serverVersion: rows[0]?.v.split(' on ')[0] ?? 'unknown',
    issues: count,
    openIssues: await repo.countOpen(),
    resolvedOnReportDay: await repo.countResolvedBetween(dayStart, dayEnd),
    loadSeconds,
    timings,
    plans,
  };
}
