import { type Database, PostgresIssueRepo } from '@zenslackchat/adapters-postgres';
import { Clock } from '@zenslackchat/core';
import type { PgBoss } from 'pg-boss';
import type { Logger as Pino } from 'pino';
import type { DependencyContainer } from 'tsyringe';
import type { AppConfig } from '../config/index.ts';
import { botCanRun } from '../container/chat-platforms.ts';
import { ServerTokens } from '../container/tokens.ts';
import { startHousekeeping } from '../jobs/housekeeping.ts';
import type { JobHandlers } from '../jobs/job-handlers.ts';
import type { JobTuning } from '../jobs/job-tuning.ts';
import { type Reconciler, runReconcile, scheduleReconcile } from '../jobs/reconcile-run.ts';
import { scheduleDailyReport } from '../jobs/report-schedule.ts';
import { startWorkers } from '../jobs/start-workers.ts';
import { type Role, runsWorkers } from './roles.ts';

/** The bot's use cases for the workers, with the sweep run at the configured pace. */
function withReconcile(bot: JobHandlers & Reconciler, config: AppConfig, clock: Clock): JobHandlers {
  return {
    handleChatMessage: (event) => bot.handleChatMessage(event),
    handleTicketComments: (notice) => bot.handleTicketComments(notice),
    handleEmailTicket: (notice) => bot.handleEmailTicket(notice),
    postDailyReport: () => bot.postDailyReport(),
    resolveIssue: (issueId) => bot.resolveIssue(issueId),
    reconcileNow: () => runReconcile(bot, config.reconcile, clock),
  };
}

/**
 * When the role runs jobs: starts housekeeping (daily pruning of old inbound event ids), and the
 * workers and the daily report schedule when the bot can work (chat and tickets configured, a
 * support channel set); otherwise says why they stay idle.
 */
export async function startJobs(container: DependencyContainer, role: Role): Promise<void> {
  const logger = container.resolve<Pino>(ServerTokens.RootLogger);
  if (!runsWorkers(role)) return;
  const boss = container.resolve<PgBoss>(ServerTokens.Boss);
  const clock = container.resolve<Clock>(Clock);
  // Housekeeping needs only the database, so it runs even while the bot's workers stay idle.
  await startHousekeeping(boss, {
    pruner: new PostgresIssueRepo(container.resolve<Database>(ServerTokens.Database).db),
    clock,
    logger: logger.child({ component: 'housekeeping' }),
  });
  const config = container.resolve<AppConfig>(ServerTokens.Config);
  if (!botCanRun(container)) {
    logger.warn(
      {},
      'job workers idle: Zendesk and a chat platform (Slack with SRE_SUPPORT_CHANNEL, or Teams) must be configured',
    );
    return;
  }
  await startWorkers({
    boss,
    database: container.resolve<Database>(ServerTokens.Database),
    handlers: withReconcile(
      container.resolve<JobHandlers & Reconciler>(ServerTokens.SupportBot),
      config,
      clock,
    ),
    tuning: container.resolve<JobTuning>(ServerTokens.JobTuning),
    clock,
    logger: logger.child({ component: 'jobs' }),
  });
  await scheduleDailyReport(boss, config.report);
  await scheduleReconcile(boss, config.reconcile);
  logger.info(
    {
      reportCron: config.report.cron,
      reportTimeZone: config.report.timeZone,
      reconcileCron: config.reconcile.cron,
    },
    'job workers started',
  );
}
