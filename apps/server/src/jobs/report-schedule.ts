import type { PgBoss } from 'pg-boss';
import type { AppConfig } from '../config/index.ts';

/**
 * Registers the daily report schedule. pg-boss checks schedules on every instance and creates one
 * job per occurrence, so several instances still post once; re-registering replaces the cron.
 */
export async function scheduleDailyReport(boss: PgBoss, report: AppConfig['report']): Promise<void> {
  await boss.schedule('daily-report', report.cron, {}, { tz: report.timeZone });
}
