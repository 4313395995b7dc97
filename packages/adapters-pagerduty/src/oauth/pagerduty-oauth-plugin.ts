import {
  type Clock,
  isIntegrationError,
  type Logger,
  silentLogger,
  systemClock,
  type TokenStore,
} from '@zenslackchat/core';
import type { FastifyPluginAsync } from 'fastify';
import { PAGERDUTY } from '../pagerduty-config.ts';
import {
  clearStateCookie,
  newOAuthState,
  readStateCookie,
  sameState,
  stateCookie,
} from './oauth-state-cookie.ts';
import { PagerDutyOAuthClient, pagerDutyAuthorizeUrl } from './pagerduty-oauth-client.ts';
import type { PagerDutyAuthorizeConfig } from './pagerduty-oauth-config.ts';

/** Options of `pagerDutyOAuthPlugin`. */
export interface PagerDutyOAuthPluginOptions extends PagerDutyAuthorizeConfig {
  /** Where the grant is saved (provider `pagerduty`). */
  readonly tokenStore: TokenStore;
  /** Where the browser goes after a successful grant; default `/`. */
  readonly successRedirect?: string;
  /** How long a started flow may take before its state cookie expires; default 600 s. */
  readonly stateTtlSeconds?: number;
  readonly clock?: Clock;
  readonly logger?: Logger;
}

/** The start route; the callback is `/pagerduty/oauth/` (what PAGERDUTY_REDIRECT_URI points at). */
export const PAGERDUTY_OAUTH_ROUTES = {
  start: '/pagerduty/oauth/start/',
  callback: '/pagerduty/oauth/',
} as const;

interface CallbackQuery {
  readonly code?: string;
  readonly state?: string;
  readonly error?: string;
}

/**
 * PagerDuty's authorization-code flow: the start route sets a random `state` in an HttpOnly cookie
 * and redirects to PagerDuty; the callback checks that state in constant time, exchanges the code
 * and saves the token. A missing or wrong state is refused with 400 and nothing is stored. Register
 * it inside the server's admin-authenticated scope: anyone who can start it can connect an account.
 */
export const pagerDutyOAuthPlugin: FastifyPluginAsync<PagerDutyOAuthPluginOptions> = async (app, options) => {
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? systemClock;
  const client = new PagerDutyOAuthClient(options, clock);
  const cookie = { secure: options.redirectUri.startsWith('https:'), path: PAGERDUTY_OAUTH_ROUTES.callback };

  app.get(PAGERDUTY_OAUTH_ROUTES.start, async (_request, reply) => {
    const state = newOAuthState();
    reply.header(
      'set-cookie',
      stateCookie(state, { ...cookie, maxAgeSeconds: options.stateTtlSeconds ?? 600 }),
    );
    reply.header('cache-control', 'no-store');
    return reply.redirect(pagerDutyAuthorizeUrl(options, state), 302);
  });

  app.get<{ Querystring: CallbackQuery }>(PAGERDUTY_OAUTH_ROUTES.callback, async (request, reply) => {
    reply.header('set-cookie', clearStateCookie(cookie));
    reply.header('cache-control', 'no-store');
    const query = (request.query ?? {}) as CallbackQuery;
    const returnedState = typeof query.state === 'string' ? query.state : undefined;
    if (!sameState(readStateCookie(request.headers.cookie), returnedState)) {
      logger.warn({ integration: PAGERDUTY }, 'PagerDuty OAuth callback refused: missing or wrong state');
      return reply.code(400).type('text/plain').send('Invalid or expired OAuth state: start again.');
    }
    if (typeof query.error === 'string') {
      const error = query.error.slice(0, 64);
      logger.warn({ integration: PAGERDUTY, error }, 'PagerDuty OAuth authorization denied');
      return reply.code(400).type('text/plain').send('PagerDuty authorization was not granted.');
    }
    if (typeof query.code !== 'string' || query.code === '') {
      return reply.code(400).type('text/plain').send('PagerDuty sent no authorization code.');
    }
    try {
      const token = await client.exchangeCode(query.code, options.redirectUri);
      await options.tokenStore.save(token);
      logger.info({ integration: PAGERDUTY, account: token.account }, 'PagerDuty OAuth token saved');
    } catch (error) {
      const reason = isIntegrationError(error) ? error.reason : 'Unknown';
      logger.error({ integration: PAGERDUTY, reason }, 'PagerDuty OAuth code exchange failed');
      return reply
        .code(502)
        .type('text/plain')
        .send('Could not complete PagerDuty authorization: try again.');
    }
    return reply.redirect(options.successRedirect ?? '/', 302);
  });
};
