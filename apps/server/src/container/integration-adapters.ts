import { PagerDutyOnCallAdapter, pagerDutyTokenFromStore } from '@zenslackchat/adapters-pagerduty';
import { SlackChatAdapter, slackTokenFromStore } from '@zenslackchat/adapters-slack';
import { TeamsChatAdapter } from '@zenslackchat/adapters-teams';
import { ZendeskTicketAdapter, zendeskTokenFromStore } from '@zenslackchat/adapters-zendesk';
import type { ChatPort, Clock, Logger, OnCallPort, TicketPort, TokenStore } from '@zenslackchat/core';
import type { PagerDutyConfig, SlackConfig, TeamsConfig, ZendeskConfig } from '../config/index.ts';

/** Slack's ChatPort: the static bot token, else the stored installation's. */
export function slackChat(slack: SlackConfig, tokens: TokenStore, clock: Clock, logger: Logger): ChatPort {
  return new SlackChatAdapter({
    token: slack.botToken ?? slackTokenFromStore(tokens, { clock }),
    ...(slack.apiUrl === undefined
      ? {}
      : { apiUrl: slack.apiUrl.endsWith('/') ? slack.apiUrl : `${slack.apiUrl}/` }),
    ...(slack.workspaceUri === undefined ? {} : { workspaceUrl: slack.workspaceUri }),
    logger,
  });
}

/** Teams' ChatPort: the app's client credentials, Microsoft's endpoints unless overridden. */
export function teamsChat(teams: TeamsConfig, logger: Logger): ChatPort {
  return new TeamsChatAdapter({
    appId: teams.appId,
    appPassword: teams.appPassword,
    tenantId: teams.tenantId,
    channel: teams.supportChannel,
    ...(teams.serviceUrl === undefined ? {} : { serviceUrl: teams.serviceUrl }),
    ...(teams.loginUrl === undefined ? {} : { loginUrl: teams.loginUrl }),
    ...(teams.teamId === undefined ? {} : { teamId: teams.teamId }),
    ...(teams.graphUrl === undefined ? {} : { graphUrl: teams.graphUrl }),
    logger,
  });
}

/** Zendesk's TicketPort: API-token auth when ZENDESK_API_TOKEN is set, else the stored OAuth grant. */
export function zendeskTickets(
  zendesk: ZendeskConfig,
  tokens: TokenStore,
  clock: Clock,
  logger: Logger,
): TicketPort {
  // Config guarantees a subdomain whenever OAuth (a client id) is configured.
  const accessToken = () =>
    zendeskTokenFromStore(tokens, zendesk.subdomain ?? '', {
      ...(zendesk.clientId === undefined || zendesk.clientSecret === undefined
        ? {}
        : {
            refresh: {
              clientId: zendesk.clientId,
              clientSecret: zendesk.clientSecret,
              ...(zendesk.oauthUrl === undefined ? {} : { oauthBaseUrl: zendesk.oauthUrl }),
            },
          }),
      clock,
    });
  const auth =
    zendesk.apiToken !== undefined && zendesk.agentEmail !== undefined
      ? { kind: 'token' as const, email: zendesk.agentEmail, apiToken: zendesk.apiToken }
      : {
          kind: 'oauth' as const,
          accessToken: accessToken(),
          ...(zendesk.agentEmail === undefined ? {} : { onBehalfOf: zendesk.agentEmail }),
        };
  return new ZendeskTicketAdapter({
    apiUrl: zendesk.apiUrl,
    auth,
    ticketUrl: zendesk.ticketUri,
    ...(zendesk.userId === undefined ? {} : { agentId: zendesk.userId }),
    // The same limit the core links larger files at: a download never reads past it.
    ...(zendesk.attachmentMaxMb === undefined
      ? {}
      : { maxAttachmentBytes: zendesk.attachmentMaxMb * 1024 * 1024 }),
    logger,
  });
}

/** PagerDuty's OnCallPort: API-token auth, else the stored OAuth grant (refreshed when expired). */
export function pagerDutyOnCall(
  pd: PagerDutyConfig,
  tokens: TokenStore,
  clock: Clock,
  logger: Logger,
): OnCallPort {
  const auth =
    pd.apiToken !== undefined
      ? { kind: 'token' as const, apiToken: pd.apiToken }
      : {
          kind: 'oauth' as const,
          accessToken: pagerDutyTokenFromStore(tokens, {
            refresh: {
              clientId: pd.clientId ?? '',
              clientSecret: pd.clientSecret ?? '',
              ...(pd.oauthUrl === undefined ? {} : { oauthBaseUrl: pd.oauthUrl }),
            },
            clock,
          }),
        };
  return new PagerDutyOnCallAdapter({
    auth,
    ...(pd.apiUrl === undefined ? {} : { apiUrl: pd.apiUrl }),
    clock,
    logger,
  });
}
