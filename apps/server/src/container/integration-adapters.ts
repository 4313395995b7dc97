import { PagerDutyOnCallAdapter, pagerDutyTokenFromStore } from '@zenslackchat/adapters-pagerduty';
import { SlackChatAdapter } from '@zenslackchat/adapters-slack';
import { ZendeskTicketAdapter } from '@zenslackchat/adapters-zendesk';
import type { ChatPort, Clock, Logger, OnCallPort, TicketPort, TokenStore } from '@zenslackchat/core';
import type { PagerDutyConfig, SlackConfig, ZendeskConfig } from '../config/index.ts';
import { storedAccessToken } from './stored-token.ts';

/** Slack's ChatPort: the static bot token, else the stored installation's. */
export function slackChat(slack: SlackConfig, tokens: TokenStore, logger: Logger): ChatPort {
  return new SlackChatAdapter({
    token: slack.botToken ?? storedAccessToken(tokens, 'slack'),
    ...(slack.apiUrl === undefined
      ? {}
      : { apiUrl: slack.apiUrl.endsWith('/') ? slack.apiUrl : `${slack.apiUrl}/` }),
    ...(slack.workspaceUri === undefined ? {} : { workspaceUrl: slack.workspaceUri }),
    logger,
  });
}

/** Zendesk's TicketPort: API-token auth when ZENDESK_API_TOKEN is set, else the stored OAuth grant. */
export function zendeskTickets(zendesk: ZendeskConfig, tokens: TokenStore, logger: Logger): TicketPort {
  const auth =
    zendesk.apiToken !== undefined && zendesk.agentEmail !== undefined
      ? { kind: 'token' as const, email: zendesk.agentEmail, apiToken: zendesk.apiToken }
      : {
          kind: 'oauth' as const,
          accessToken: storedAccessToken(tokens, 'zendesk'),
          ...(zendesk.agentEmail === undefined ? {} : { onBehalfOf: zendesk.agentEmail }),
        };
  return new ZendeskTicketAdapter({
    apiUrl: zendesk.apiUrl,
    auth,
    ticketUrl: zendesk.ticketUri,
    ...(zendesk.userId === undefined ? {} : { agentId: zendesk.userId }),
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
