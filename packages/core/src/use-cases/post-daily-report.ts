import type { Issue } from '../domain/issue.ts';
import { reportPeriodLabel } from '../messages.ts';
import type { BotContext } from './bot-deps.ts';
import { dailyReportContent, REPORT_LIST_LIMIT, type ReportLinks } from './daily-report-content.ts';
import { deliveryKeys } from './delivery-keys.ts';
import type { ReportOutcome } from './outcomes.ts';
import { postOnce } from './post-once.ts';
import { reportPeriod } from './report-period.ts';

/**
 * Posts the daily report top level in the support channel, once per local day: issues open now
 * and issues resolved during the previous local day (longer after skipped reports), then saves it.
 * Counts and history are the chat platform's own, so each platform's channel gets its report.
 */
export async function postDailyReport(ctx: BotContext): Promise<ReportOutcome> {
  const { repo, settings } = ctx;
  const now = ctx.clock.now();
  const platform = ctx.chat.platform;
  const last = await repo.lastReport(platform);
  const period = reportPeriod(now, settings.reportTimeZone, last);
  if (last?.day === period.day) return { outcome: 'ignored', reason: 'already-posted' };
  const openCount = await repo.countOpen(platform);
  const resolvedCount = await repo.countResolvedBetween(period.start, period.end, platform);
  await postOnce(ctx, {
    key: deliveryKeys.report(platform, period.day),
    kind: 'bot-message',
    issueId: null,
    channel: settings.supportChannel,
    text: async () => {
      const open = await repo.listOpenOldestFirst(REPORT_LIST_LIMIT, platform);
      const resolved = await repo.listResolvedBetween(period.start, period.end, REPORT_LIST_LIMIT, platform);
      return dailyReportContent({
        openCount,
        resolvedCount,
        periodLabel: reportPeriodLabel(period.firstDay, period.lastDay),
        open,
        resolved,
        links: await reportLinks(ctx, [...open, ...resolved]),
        now,
      });
    },
  });
  await repo.saveReport({
    platform,
    day: period.day,
    periodStart: period.start,
    periodEnd: period.end,
    openCount,
    resolvedCount,
    postedAt: now,
  });
  ctx.logger.info({ platform, day: period.day, openCount, resolvedCount }, 'daily report posted');
  return {
    outcome: 'report-posted',
    day: period.day,
    openCount,
    resolvedCount,
    periodStart: period.start,
    periodEnd: period.end,
  };
}

/** Each listed issue's thread and ticket links; a failed permalink fails the run (the job retries). */
async function reportLinks(ctx: BotContext, issues: readonly Issue[]): Promise<Map<string, ReportLinks>> {
  const links = new Map<string, ReportLinks>();
  for (const issue of issues) {
    const thread =
      issue.threadId === null ? undefined : await ctx.chat.permalink(issue.channel, issue.threadId);
    const ticket = issue.ticketId === null ? undefined : ctx.tickets.ticketUrl(issue.ticketId);
    links.set(issue.id, {
      ...(thread === undefined ? {} : { thread }),
      ...(ticket === undefined ? {} : { ticket }),
    });
  }
  return links;
}
