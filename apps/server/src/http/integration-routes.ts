import type { Database } from '@zenslackchat/adapters-postgres';
import { slackEventsPlugin } from '@zenslackchat/adapters-slack';
import { Clock, IssueRepo, type Logger } from '@zenslackchat/core';
import type { FastifyInstance } from 'fastify';
import type { PgBoss } from 'pg-boss';
import type { DependencyContainer } from 'tsyringe';
import type { AppConfig } from '../config/index.ts';
import { ServerTokens } from '../container/tokens.ts';
import { acceptChatEvent, type IntakeDeps } from '../jobs/durable-intake.ts';
import { notConfiguredRoutes } from './not-configured-routes.ts';
import { zendeskRoutes } from './zendesk-routes.ts';

/** The durable intake's dependencies, from the container. */
export function intakeDeps(container: DependencyContainer): IntakeDeps {
  const config = container.resolve<AppConfig>(ServerTokens.Config);
  return {
    database: container.resolve<Database>(ServerTokens.Database),
    boss: container.resolve<PgBoss>(ServerTokens.Boss),
    repo: container.resolve<IssueRepo>(IssueRepo),
    clock: container.resolve<Clock>(Clock),
    logger: container.resolve<Logger>(ServerTokens.RootLogger),
    supportChannel: config.bot.supportChannel,
  };
}

/**
 * The vendor endpoints: each configured integration's plugin, its accept step made durable
 * (record + enqueue in one transaction); each unconfigured one answers 503 with what is missing.
 */
export async function integrationRoutes(
  app: FastifyInstance,
  options: { readonly container: DependencyContainer },
): Promise<void> {
  const { container } = options;
  const config = container.resolve<AppConfig>(ServerTokens.Config);
  const intake = intakeDeps(container);
  for (const entry of config.notConfigured) await app.register(notConfiguredRoutes, entry);

  if (config.slack !== undefined) {
    await app.register(slackEventsPlugin, {
      signingSecret: config.slack.signingSecret,
      ...(config.slack.verificationToken === undefined
        ? {}
        : { verificationToken: config.slack.verificationToken }),
      allowLegacyToken: config.slack.allowVerificationToken,
      accept: (input) => acceptChatEvent(intake, input),
      clock: intake.clock,
    });
  }
  if (config.zendesk !== undefined) await app.register(zendeskRoutes, { zendesk: config.zendesk, intake });
}
