import type { Logger } from '@zenslackchat/core';
import type { AppConfig } from '../config/index.ts';

/** Logs what the configuration means for this process: notes, debug mode, missing integrations. */
export function logStartup(config: AppConfig, logger: Logger, role: string): void {
  if (config.logging.debug) {
    logger.warn({}, 'DEBUG_ENABLED is on: event details are logged; never use this in a live environment');
  }
  for (const note of config.notes) logger.warn({}, note);
  for (const entry of config.notConfigured) {
    logger.warn(
      { integration: entry.integration, missing: entry.missing },
      `${entry.integration} is not configured: its endpoints answer 503 until you set ${entry.missing.join(', ')}`,
    );
  }
  if (config.production && config.trustProxy === false && role !== 'worker') {
    logger.warn(
      {},
      'TRUST_PROXY is unset: if a proxy or load balancer sits in front, every client shares its single address (one login limit for all, no Secure cookies or HSTS); set TRUST_PROXY to its addresses/CIDRs',
    );
  }
  if (config.bot.supportChannel === undefined && config.teams === undefined) {
    logger.warn(
      {},
      'neither SRE_SUPPORT_CHANNEL nor TEAMS_SUPPORT_CHANNEL is set: no channel is monitored and no report is posted',
    );
  }
  if (config.teams?.skipAuth === true) {
    logger.warn(
      {},
      'TEAMS_SKIP_AUTH is on: /teams/messages takes unauthenticated activities (development only)',
    );
  }
  logger.info(
    {
      role,
      database:
        config.database.url === undefined ? `embedded PGlite in ${config.database.dataDir}` : 'postgres',
      reportCron: config.report.cron,
      reportTimeZone: config.report.timeZone,
      processingEnabled: config.bot.processingEnabled,
    },
    'zenslackchat starting',
  );
}
