import type { ReportRecord } from '@zenslackchat/core';
import { type Kysely, sql } from 'kysely';
import { type ReportRow, toReport } from './rows.ts';
import type { Schema } from './schema.ts';
import { calendarDay, instant, text, whole } from './validate.ts';

type Db = Kysely<Schema>;

function selectReports(db: Db) {
  return db
    .selectFrom('reports')
    .select([
      'platform',
      sql<string>`day::text`.as('day'),
      'period_start',
      'period_end',
      'open_count',
      'resolved_count',
      'posted_at',
    ]);
}

/** The most recently posted report (of one chat platform when given). */
export async function lastReport(db: Db, platform?: string): Promise<ReportRecord | undefined> {
  const row: ReportRow | undefined = await selectReports(db)
    .$if(platform !== undefined, (q) => q.where('platform', '=', text(platform ?? '', 'platform', 64)))
    .orderBy('posted_at', 'desc')
    .orderBy('day', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toReport(row);
}

/** Saves a report; the same platform and day again replaces it. */
export async function saveReport(db: Db, report: ReportRecord): Promise<void> {
  const values = {
    platform: text(report.platform, 'platform', 64),
    day: calendarDay(report.day),
    period_start: instant(report.periodStart, 'periodStart'),
    period_end: instant(report.periodEnd, 'periodEnd'),
    open_count: whole(report.openCount, 'openCount', 0, 2 ** 31 - 1),
    resolved_count: whole(report.resolvedCount, 'resolvedCount', 0, 2 ** 31 - 1),
    posted_at: instant(report.postedAt, 'postedAt'),
  };
  await db
    .insertInto('reports')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['platform', 'day']).doUpdateSet({
        period_start: values.period_start,
        period_end: values.period_end,
        open_count: values.open_count,
        resolved_count: values.resolved_count,
        posted_at: values.posted_at,
      }),
    )
    .execute();
}

/** Reports, most recently posted first (a tie goes to the later day). */
export async function listReports(db: Db, limit: number): Promise<readonly ReportRecord[]> {
  const rows: ReportRow[] = await selectReports(db)
    .orderBy('posted_at', 'desc')
    .orderBy('day', 'desc')
    .limit(whole(limit, 'limit', 0, 10_000))
    .execute();
  return rows.map(toReport);
}
