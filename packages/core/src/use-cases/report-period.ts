import type { ReportRecord } from '../domain/notices.ts';
import { addDays, type LocalDay, localDayOf, startOfLocalDay } from './zoned-day.ts';

/** The longest period one report counts resolutions for, when earlier reports were skipped. */
export const MAX_REPORT_DAYS = 7;

/** The days a report counts resolutions for: [start, end) and their first and last local days. */
export interface ReportPeriod {
  /** The local day the report is made on (today). */
  readonly day: LocalDay;
  readonly start: Date;
  readonly end: Date;
  readonly firstDay: LocalDay;
  readonly lastDay: LocalDay;
}

/**
 * The previous local calendar day in `timeZone`; when the last report ended earlier (reports
 * skipped over a weekend), the period starts where it ended, at most `MAX_REPORT_DAYS` back.
 */
export function reportPeriod(now: Date, timeZone: string, last: ReportRecord | undefined): ReportPeriod {
  const day = localDayOf(now, timeZone);
  const end = startOfLocalDay(day, timeZone);
  let start = startOfLocalDay(addDays(day, -1), timeZone);
  if (last !== undefined && last.periodEnd < start) {
    const earliest = startOfLocalDay(addDays(day, -MAX_REPORT_DAYS), timeZone);
    start = new Date(Math.max(last.periodEnd.getTime(), earliest.getTime()));
  }
  return { day, start, end, firstDay: localDayOf(start, timeZone), lastDay: addDays(day, -1) };
}
