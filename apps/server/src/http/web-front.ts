import type { AdminUserStore, LoginLimitStore, SessionStore } from '@zenslackchat/adapters-postgres';
import { buildSlackPermalink } from '@zenslackchat/adapters-slack';
import { Clock, type Issue, IssueRepo, type Logger, TicketPort, TokenStore } from '@zenslackchat/core';
import type { FastifyInstance } from 'fastify';
import type { PgBoss } from 'pg-boss';
import type { DependencyContainer } from 'tsyringe';
import type { AppConfig, Integration } from '../config/index.ts';
import { ServerTokens } from '../container/tokens.ts';
import { sandboxThreadUrl } from '../server/sandbox-wiring.ts';
import { type SandboxControls, webPlugin } from '../web/index.ts';
import type { WorkerState } from '../web/web-options.ts';
import { adminResolve } from './admin-resolve.ts';
import { oauthRoutes, oauthStartUrls } from './oauth-routes.ts';

/**
 * The admin web front (issue 8's `webPlugin`) with everything it needs from the container: admin
 * accounts, stores, integration status, OAuth routes behind the session, and the sandbox if any.
 */
export async function webFront(
  app: FastifyInstance,
  options: {
    readonly container: DependencyContainer;
    readonly sandbox?: SandboxControls;
    /** Whether this process's job workers run. */
    workers(): WorkerState;
  },
): Promise<void> {
  const { container } = options;
  const config = container.resolve<AppConfig>(ServerTokens.Config);
  const tokens = container.resolve<TokenStore>(TokenStore);
  const clock = container.resolve<Clock>(Clock);
  const logger = container.resolve<Logger>(ServerTokens.RootLogger);
  const starts = oauthStartUrls(config);
  // `staticCredential` names the variable (never its value) the integration runs on without OAuth.
  const integration = (
    id: Integration,
    configured: boolean,
    startUrl: string | undefined,
    envToken?: string | false,
  ) => ({
    configured,
    missing: config.notConfigured.find((entry) => entry.integration === id)?.missing ?? [],
    ...(startUrl === undefined ? {} : { startUrl }),
    ...(configured && typeof envToken === 'string' ? { staticCredential: envToken } : {}),
  });
  const workspace = config.slack?.workspaceUri;
  await app.register(webPlugin, {
    secretKey: config.secretKey,
    admins: container.resolve<AdminUserStore>(ServerTokens.AdminUserStore),
    sessions: container.resolve<SessionStore>(ServerTokens.SessionStore),
    loginLimits: container.resolve<LoginLimitStore>(ServerTokens.LoginLimitStore),
    tokens,
    repo: container.resolve<IssueRepo>(IssueRepo),
    integrations: {
      slack: integration(
        'slack',
        config.slack !== undefined,
        starts.slack,
        config.slack?.botToken !== undefined && 'SLACK_BOT_TOKEN',
      ),
      zendesk: integration(
        'zendesk',
        config.zendesk !== undefined,
        starts.zendesk,
        config.zendesk?.apiToken !== undefined && 'ZENDESK_API_TOKEN',
      ),
      pagerduty: integration(
        'pagerduty',
        config.pagerDuty !== undefined,
        starts.pagerduty,
        config.pagerDuty?.apiToken !== undefined && 'PAGERDUTY_API_TOKEN',
      ),
    },
    settings: {
      processingEnabled: config.bot.processingEnabled,
      supportChannel: config.bot.supportChannel ?? '(not set)',
    },
    postReportNow: async () => {
      // The report needs the bot (a chat platform with its channel, and tickets); in the sandbox
      // that is the in-memory one.
      if (!container.isRegistered(ServerTokens.SupportBot)) return 'no-chat';
      await container.resolve<PgBoss>(ServerTokens.Boss).send('daily-report', {});
      const state = options.workers();
      return state === 'running' ? 'queued' : state === 'stopped' ? 'queued-no-worker' : 'queued-elsewhere';
    },
    workers: options.workers,
    resolveIssue: (issueId) => adminResolve(container, issueId),
    ticketUrl: (ticketId) =>
      container.isRegistered(TicketPort)
        ? container.resolve<TicketPort>(TicketPort).ticketUrl(ticketId)
        : `${config.zendesk?.ticketUri ?? '#'}/${ticketId}`,
    threadUrl: (issue: Issue) => {
      if (issue.threadId === null) return undefined;
      if (options.sandbox !== undefined) return sandboxThreadUrl(config, issue.channel, issue.threadId);
      return workspace === undefined
        ? undefined
        : buildSlackPermalink(workspace, issue.channel, issue.threadId);
    },
    adminRoutes: async (scope) => oauthRoutes(scope, { config, tokens, clock, logger }),
    ...(options.sandbox === undefined ? {} : { sandbox: options.sandbox }),
    clock,
  });
}
