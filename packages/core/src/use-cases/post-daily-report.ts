import { dailyReport, reportPeriodLabel } from '../messages.ts';
import type { BotContext } from './bot-deps.ts';
import { deliveryKeys } from './delivery-keys.ts';
import type { ReportOutcome } from './outcomes.ts';
import { postOnce } from './post-once.ts';
import { reportPeriod } from './report-period.ts';

/**
 * Posts the daily report top level in the support channel, once per local day: issues open now
 * and issues resolved during the previous local day (longer after skipped reports), then saves it.
 */
export async function postDailyReport(ctx: BotContext): Promise<ReportOutcome> {
  const { repo, settings } = ctx;
  const now = ctx.clock.now();
  const last = await repo.lastReport();
  const period = reportPeriod(now, settings.reportTimeZone, last);
  if (last?.day === period.day) return { outcome: 'ignored', reason: 'already-posted' };
  const openCount = await repo.countOpen();
  const resolvedCount = await repo.countResolvedBetween(period.start, period.end);
  await postOnce(ctx, {
    key: deliveryKeys.report(period.day),
    kind: 'bot-message',
    issueId: null,
    channel: settings.supportChannel,
    text: () => dailyReport(openCount, resolvedCount, reportPeriodLabel(period.firstDay, period.lastDay)),
  });
  await repo.saveReport({
    day: period.day,
    periodStart: period.start,
    periodEnd: period.end,
    openCount,
    resolvedCount,
    postedAt: now,
  });
  ctx.logger.info({ day: period.day, openCount, resolvedCount }, 'daily report posted');
  return {
    outcome: 'report-posted',
    day: period.day,
    openCount,
    resolvedCount,
    periodStart: period.start,
    periodEnd: period.end,
  };
}
