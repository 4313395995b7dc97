import type { Database } from '@zenslackchat/adapters-postgres';
import { slackEventsPlugin } from '@zenslackchat/adapters-slack';
import { teamsMessagesPlugin } from '@zenslackchat/adapters-teams';
import { ChatPort, Clock, IssueRepo, type Logger } from '@zenslackchat/core';
import type { FastifyInstance } from 'fastify';
import type { PgBoss } from 'pg-boss';
import type { DependencyContainer } from 'tsyringe';
import type { AppConfig } from '../config/index.ts';
import { chatPlatforms } from '../container/chat-platforms.ts';
import { ServerTokens } from '../container/tokens.ts';
import { commitIntakeBatch } from '../jobs/commit-intake-batch.ts';
import { acceptChatEvent, type IntakeDeps, type PlatformIntake } from '../jobs/durable-intake.ts';
import { DEFAULT_INTAKE_BATCHING, IntakeBatcher, type IntakeBatching } from '../jobs/intake-batcher.ts';
import { ownIdentity } from '../jobs/own-identity.ts';
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
 * (record + enqueue, grouped into one transaction per batch of concurrent accepts, committed
 * before any answer); each unconfigured one answers 503 with what is missing. Closing the app
 * commits what is still queued.
 */
export async function integrationRoutes(
  app: FastifyInstance,
  options: { readonly container: DependencyContainer; readonly batching?: IntakeBatching },
): Promise<void> {
  const { container } = options;
  const config = container.resolve<AppConfig>(ServerTokens.Config);
  const base = intakeDeps(container);
  const batcher = new IntakeBatcher(
    commitIntakeBatch(base),
    options.batching ?? DEFAULT_INTAKE_BATCHING,
    (item) => item.key,
  );
  app.addHook('onClose', () => batcher.close());
  const platforms = new Map<string, PlatformIntake>();
  for (const [name, platform] of chatPlatforms(container)) {
    platforms.set(name, {
      supportChannel: platform.supportChannel,
      self: ownIdentity(platform.chat, base.clock, base.logger),
    });
  }
  const intake: IntakeDeps = {
    ...base,
    batcher,
    ...(container.isRegistered(ChatPort)
      ? { self: ownIdentity(container.resolve<ChatPort>(ChatPort), base.clock, base.logger) }
      : {}),
    platforms,
  };
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
  if (config.teams !== undefined) {
    await app.register(teamsMessagesPlugin, {
      appId: config.teams.appId,
      ...(config.teams.openIdMetadataUrl === undefined
        ? {}
        : { openIdMetadataUrl: config.teams.openIdMetadataUrl }),
      authenticate: !config.teams.skipAuth,
      accept: (input) => acceptChatEvent(intake, input),
    });
  }
  if (config.zendesk !== undefined) await app.register(zendeskRoutes, { zendesk: config.zendesk, intake });
}
