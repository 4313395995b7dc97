import { OAuthStateSigner, readCookie, stateCookieHeader } from '@zenslackchat/adapter-kit';
import {
  type Clock,
  isIntegrationError,
  type Logger,
  silentLogger,
  systemClock,
  type TokenStore,
} from '@zenslackchat/core';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { PAGERDUTY } from '../pagerduty-config.ts';
import { PagerDutyOAuthClient, pagerDutyAuthorizeUrl } from './pagerduty-oauth-client.ts';
import type { PagerDutyAuthorizeConfig } from './pagerduty-oauth-config.ts';

/** Options of `pagerDutyOAuthPlugin`. */
export interface PagerDutyOAuthPluginOptions extends PagerDutyAuthorizeConfig {
  /** Where the grant is saved (provider `pagerduty`). */
  readonly tokenStore: TokenStore;
  /** Signs the OAuth state; every server process must share it (e.g. derived from WEBAPP_SECRET_KEY). */
  readonly stateSecret: string;
  /** The admin session a request belongs to (its id); the state is bound to it. Undefined: refused. */
  readonly sessionBinding: (request: FastifyRequest) => string | undefined;
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

/** The cookie that carries the state between the start route and the callback. */
export const PAGERDUTY_STATE_COOKIE = 'zsc_pagerduty_oauth_state';

/**
 * PagerDuty's authorization-code flow: the start route issues a signed `state` bound to the admin's
 * session (adapter-kit's `OAuthStateSigner`), keeps it in an HttpOnly cookie and redirects to
 * PagerDuty; the callback refuses (400, nothing exchanged or stored) a state that is forged,
 * expired, from another session or unlike the cookie, then exchanges the code and saves the
 * token. Register it inside the server's admin-authenticated scope.
 */
export const pagerDutyOAuthPlugin: FastifyPluginAsync<PagerDutyOAuthPluginOptions> = async (app, options) => {
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? systemClock;
  const client = new PagerDutyOAuthClient(options, clock);
  const signer = new OAuthStateSigner(options.stateSecret, {
    ttlMs: (options.stateTtlSeconds ?? 600) * 1000,
  });
  const cookie = {
    name: PAGERDUTY_STATE_COOKIE,
    secure: options.redirectUri.startsWith('https:'),
    path: PAGERDUTY_OAUTH_ROUTES.callback,
  };

  app.get(PAGERDUTY_OAUTH_ROUTES.start, async (request, reply) => {
    const binding = options.sessionBinding(request);
    if (binding === undefined) return reply.code(403).type('text/plain').send('Log in first.');
    const state = signer.issue(binding, clock.now());
    reply.header('set-cookie', stateCookieHeader(cookie, state, signer.ttlSeconds));
    reply.header('cache-control', 'no-store');
    return reply.redirect(pagerDutyAuthorizeUrl(options, state), 302);
  });

  app.get<{ Querystring: CallbackQuery }>(PAGERDUTY_OAUTH_ROUTES.callback, async (request, reply) => {
    reply.header('set-cookie', stateCookieHeader(cookie, '', 0));
    reply.header('cache-control', 'no-store');
    const query = (request.query ?? {}) as CallbackQuery;
    const checked = signer.check({
      param: typeof query.state === 'string' ? query.state : undefined,
      cookie: readCookie(request.headers.cookie, PAGERDUTY_STATE_COOKIE),
      binding: options.sessionBinding(request),
      now: clock.now(),
    });
    if (!checked.ok) {
      logger.warn(
        { integration: PAGERDUTY, reason: checked.reason },
        'PagerDuty OAuth callback refused: bad state',
      );
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
