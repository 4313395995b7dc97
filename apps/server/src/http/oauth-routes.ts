import { createHmac } from 'node:crypto';
import { PAGERDUTY_OAUTH_ROUTES, pagerDutyOAuthPlugin } from '@zenslackchat/adapters-pagerduty';
import { slackOAuthPlugin } from '@zenslackchat/adapters-slack';
import { zendeskOAuthPlugin } from '@zenslackchat/adapters-zendesk';
import type { Clock, Logger, TokenStore } from '@zenslackchat/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/index.ts';
import { sessionAdmin } from '../web/index.ts';

/** Where each integration's OAuth flow starts, when this deployment can run it. */
export function oauthStartUrls(config: AppConfig): { slack?: string; zendesk?: string; pagerduty?: string } {
  const { slack, zendesk, pagerDuty } = config;
  return {
    ...(slack?.clientId !== undefined && slack.clientSecret !== undefined && slack.redirectUri !== undefined
      ? { slack: '/slack/install/' }
      : {}),
    ...(zendesk?.clientId !== undefined &&
    zendesk.clientSecret !== undefined &&
    zendesk.redirectUri !== undefined
      ? { zendesk: '/zendesk/oauth/start/' }
      : {}),
    ...(pagerDuty?.clientId !== undefined &&
    pagerDuty.clientSecret !== undefined &&
    pagerDuty.redirectUri !== undefined
      ? { pagerduty: PAGERDUTY_OAUTH_ROUTES.start }
      : {}),
  };
}

/** A per-purpose secret derived from WEBAPP_SECRET_KEY (signs OAuth state cookies). */
function derived(secretKey: string, purpose: string): string {
  return createHmac('sha256', secretKey).update(purpose).digest('base64url');
}

/** The admin session a request belongs to: every OAuth state is bound to it. */
const sessionBinding = (request: FastifyRequest): string | undefined => sessionAdmin(request)?.sessionId;

/** The OAuth install/callback routes of every integration with an OAuth client configured. */
export async function oauthRoutes(
  app: FastifyInstance,
  options: {
    readonly config: AppConfig;
    readonly tokens: TokenStore;
    readonly clock: Clock;
    readonly logger: Logger;
  },
): Promise<void> {
  const { config, tokens: tokenStore, clock, logger } = options;
  const starts = oauthStartUrls(config);
  const { slack, zendesk, pagerDuty } = config;
  if (starts.slack !== undefined && slack?.clientId && slack.clientSecret && slack.redirectUri) {
    await app.register(slackOAuthPlugin, {
      clientId: slack.clientId,
      clientSecret: slack.clientSecret,
      redirectUri: slack.redirectUri,
      stateSecret: derived(config.secretKey, 'slack-oauth-state'),
      sessionBinding,
      tokenStore,
      ...(slack.oauthUrl === undefined ? {} : { authorizationUrl: slack.oauthUrl }),
      ...(slack.apiUrl === undefined ? {} : { apiUrl: slack.apiUrl }),
      clock,
      logger,
    });
  }
  if (starts.zendesk !== undefined && zendesk?.clientId && zendesk.clientSecret && zendesk.redirectUri) {
    await app.register(zendeskOAuthPlugin, {
      subdomain: zendesk.subdomain ?? '',
      clientId: zendesk.clientId,
      clientSecret: zendesk.clientSecret,
      redirectUri: zendesk.redirectUri,
      tokenStore,
      stateSecret: derived(config.secretKey, 'zendesk-oauth-state'),
      sessionBinding,
      // X-On-Behalf-Of needs `impersonate`; without an agent to act as, the grant stays narrower.
      impersonate: zendesk.agentEmail !== undefined,
      ...(zendesk.oauthUrl === undefined ? {} : { oauthBaseUrl: zendesk.oauthUrl }),
      clock,
      logger,
    });
  }
  if (
    starts.pagerduty !== undefined &&
    pagerDuty?.clientId &&
    pagerDuty.clientSecret &&
    pagerDuty.redirectUri
  ) {
    await app.register(pagerDutyOAuthPlugin, {
      clientId: pagerDuty.clientId,
      clientSecret: pagerDuty.clientSecret,
      redirectUri: pagerDuty.redirectUri,
      stateSecret: derived(config.secretKey, 'pagerduty-oauth-state'),
      sessionBinding,
      tokenStore,
      ...(pagerDuty.oauthUrl === undefined ? {} : { oauthBaseUrl: pagerDuty.oauthUrl }),
      clock,
      logger,
    });
  }
}
