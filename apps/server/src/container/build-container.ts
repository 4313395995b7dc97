import {
  AdminUserStore,
  type Database,
  LoginLimitStore,
  PostgresIssueRepo,
  PostgresPostPacer,
  PostgresTokenStore,
  SessionStore,
} from '@zenslackchat/adapters-postgres';
import {
  type BotSettings,
  botSettings,
  ChatPort,
  Clock,
  IssueRepo,
  Logger,
  OnCallPort,
  PostPacer,
  pacedChat,
  SupportBot,
  TicketPort,
  TokenStore,
} from '@zenslackchat/core';
import type { PgBoss } from 'pg-boss';
import type { Logger as Pino } from 'pino';
import { type DependencyContainer, instanceCachingFactory, container as root } from 'tsyringe';
import type { AppConfig } from '../config/index.ts';
import type { JobTuning } from '../jobs/job-tuning.ts';
import { PlatformBots } from '../jobs/platform-bots.ts';
import type { ChatPlatform } from './chat-platforms.ts';
import { pagerDutyOnCall, slackChat, teamsChat, zendeskTickets } from './integration-adapters.ts';
import { ServerTokens } from './tokens.ts';

/** Adapters a caller supplies instead of the configured ones (tests, the sandbox). */
export interface AdapterOverrides {
  readonly chat?: ChatPort;
  /** Teams' ChatPort in place of the configured one (needs TEAMS_* for its channel). */
  readonly teamsChat?: ChatPort;
  readonly tickets?: TicketPort;
  readonly onCall?: OnCallPort;
}

/** What exists before the container: opened and started resources. */
export interface ContainerParts {
  readonly config: AppConfig;
  readonly logger: Pino;
  readonly database: Database;
  readonly boss: PgBoss;
  readonly clock: Clock;
  readonly tuning: JobTuning;
  readonly adapters?: AdapterOverrides;
}

// With no platform that has a channel the workers stay idle (botCanRun); this is never called.
const emptyBots = {
  handleChatMessage: idle,
  handleTicketComments: idle,
  handleEmailTicket: idle,
  postDailyReport: idle,
  resolveIssue: idle,
};
async function idle(): Promise<never> {
  throw new Error('no chat platform with a support channel is configured');
}

const cached = <T>(make: (c: DependencyContainer) => T) => ({ useFactory: instanceCachingFactory<T>(make) });

/**
 * The composition root: a child container with every registration, by explicit token. Adapters
 * come from the overrides first, then from configuration; an integration that is neither is left
 * unregistered (check with `isRegistered`), and the SupportBot exists only with chat and tickets.
 */
export function buildContainer(parts: ContainerParts): DependencyContainer {
  const c = root.createChildContainer();
  const { config, database } = parts;
  c.register(ServerTokens.Config, { useValue: config });
  c.register(ServerTokens.RootLogger, { useValue: parts.logger });
  c.register(Logger, { useValue: parts.logger });
  c.register(Clock, { useValue: parts.clock });
  c.register(ServerTokens.Database, { useValue: database });
  c.register(ServerTokens.Boss, { useValue: parts.boss });
  c.register(ServerTokens.JobTuning, { useValue: parts.tuning });
  c.register(
    IssueRepo,
    cached(() => new PostgresIssueRepo(database.db)),
  );
  c.register(
    PostPacer,
    cached(() => new PostgresPostPacer(database.db)),
  );
  c.register(
    TokenStore,
    cached(
      () =>
        new PostgresTokenStore(database.db, {
          encryptionKey: config.tokenEncryptionKey,
          previousEncryptionKeys: config.tokenEncryptionOldKeys,
        }),
    ),
  );
  c.register(
    ServerTokens.AdminUserStore,
    cached(() => new AdminUserStore(database.db)),
  );
  c.register(
    ServerTokens.SessionStore,
    cached(() => new SessionStore(database.db)),
  );
  c.register(
    ServerTokens.LoginLimitStore,
    cached(() => new LoginLimitStore(database.db)),
  );

  const logger = (integration: string): Logger => parts.logger.child({ integration });
  const { chat, tickets, onCall, teamsChat: teamsOverride } = parts.adapters ?? {};
  if (chat !== undefined) c.register(ChatPort, { useValue: chat });
  else if (config.slack !== undefined) {
    const slack = config.slack;
    c.register(
      ChatPort,
      cached((d) => {
        const port = slackChat(slack, d.resolve<TokenStore>(TokenStore), parts.clock, logger('slack'));
        const { intervalMs, burst, maxWaitMs } = config.pacing;
        // Slack allows about one chat.postMessage per second per channel; every process shares the pace.
        if (intervalMs === 0) return port;
        return pacedChat(port, {
          pacer: d.resolve<PostPacer>(PostPacer),
          rate: { intervalMs, burst },
          maxWaitMs,
        });
      }),
    );
  }
  if (teamsOverride !== undefined) c.register(ServerTokens.TeamsChat, { useValue: teamsOverride });
  else if (config.teams !== undefined) {
    const teams = config.teams;
    c.register(
      ServerTokens.TeamsChat,
      cached(() => teamsChat(teams, logger('teams'))),
    );
  }
  c.register(
    ServerTokens.ChatPlatforms,
    cached((d) => {
      const platforms = new Map<string, ChatPlatform>();
      const slackChannel = config.bot.supportChannel;
      if (d.isRegistered(ChatPort) && slackChannel !== undefined) {
        const port = d.resolve<ChatPort>(ChatPort);
        platforms.set(port.platform, {
          chat: port,
          supportChannel: slackChannel,
          allowedBotIds: config.bot.allowedBotIds,
        });
      }
      if (d.isRegistered(ServerTokens.TeamsChat) && config.teams !== undefined) {
        const port = d.resolve<ChatPort>(ServerTokens.TeamsChat);
        // ALLOWED_BOT_IDS are Slack bot ids; no other Teams bot opens issues.
        platforms.set(port.platform, {
          chat: port,
          supportChannel: config.teams.supportChannel,
          allowedBotIds: [],
        });
      }
      return platforms;
    }),
  );
  if (tickets !== undefined) c.register(TicketPort, { useValue: tickets });
  else if (config.zendesk !== undefined) {
    const zendesk = config.zendesk;
    c.register(
      TicketPort,
      cached((d) =>
        zendeskTickets(zendesk, d.resolve<TokenStore>(TokenStore), parts.clock, logger('zendesk')),
      ),
    );
  }
  if (onCall !== undefined) c.register(OnCallPort, { useValue: onCall });
  else if (config.pagerDuty !== undefined) {
    const pd = config.pagerDuty;
    c.register(
      OnCallPort,
      cached((d) => pagerDutyOnCall(pd, d.resolve<TokenStore>(TokenStore), parts.clock, logger('pagerduty'))),
    );
  }

  c.register(
    ServerTokens.BotSettings,
    cached(() =>
      botSettings({
        supportChannel: config.bot.supportChannel ?? '',
        allowedBotIds: config.bot.allowedBotIds,
        processingEnabled: config.bot.processingEnabled,
        deliveryLeaseMs: config.bot.deliveryLeaseMs,
        ...(config.bot.emailAcknowledgement === undefined
          ? {}
          : { emailAcknowledgement: config.bot.emailAcknowledgement }),
        reportTimeZone: config.report.timeZone,
        ...(config.zendesk?.groupId === undefined ? {} : { ticketGroupId: config.zendesk.groupId }),
        ...(config.bot.attachmentMaxMb === undefined
          ? {}
          : { maxAttachmentBytes: config.bot.attachmentMaxMb * 1024 * 1024 }),
        ...(config.zendesk?.defaultRequesterEmail === undefined
          ? {}
          : { defaultRequesterEmail: config.zendesk.defaultRequesterEmail }),
        // ZENDESK_USER_ID is the bot's own agent: tickets go to it, and its comments never echo to chat.
        ...(config.zendesk?.userId === undefined
          ? {}
          : { ticketAssigneeId: config.zendesk.userId, ticketAgentId: config.zendesk.userId }),
        ...(config.pagerDuty === undefined
          ? {}
          : { escalationPolicyId: config.pagerDuty.escalationPolicyId }),
      }),
    ),
  );
  if ((c.isRegistered(ChatPort) || c.isRegistered(ServerTokens.TeamsChat)) && c.isRegistered(TicketPort)) {
    c.register(
      ServerTokens.SupportBot,
      cached((d) => {
        const settings = d.resolve<BotSettings>(ServerTokens.BotSettings);
        const platforms = d.resolve<ReadonlyMap<string, ChatPlatform>>(ServerTokens.ChatPlatforms);
        const bots = new Map<string, SupportBot>();
        for (const [name, platform] of platforms) {
          bots.set(
            name,
            new SupportBot({
              chat: platform.chat,
              tickets: d.resolve(TicketPort),
              ...(d.isRegistered(OnCallPort) ? { onCall: d.resolve<OnCallPort>(OnCallPort) } : {}),
              repo: d.resolve(IssueRepo),
              clock: d.resolve(Clock),
              logger: parts.logger.child({ component: 'bot', platform: name }),
              settings: {
                ...settings,
                supportChannel: platform.supportChannel,
                allowedBotIds: platform.allowedBotIds,
              },
            }),
          );
        }
        const first = [...platforms.keys()][0] ?? 'slack';
        const wanted = config.emailTicketPlatform;
        return bots.size === 0
          ? emptyBots
          : new PlatformBots({
              bots,
              repo: d.resolve(IssueRepo),
              emailPlatform: wanted !== undefined && bots.has(wanted) ? wanted : first,
              logger: parts.logger.child({ component: 'bots' }),
            });
      }),
    );
  }
  return c;
}
