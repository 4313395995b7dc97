import { randomBytes } from 'node:crypto';
import { type Clock, type Logger, systemClock, type TokenStore } from '@zenslackchat/core';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { constantTimeEqual } from '../constant-time.ts';
import { zendeskApiUrl } from '../zendesk-config.ts';
import {
  cookieFrom,
  newAttempt,
  pkceChallenge,
  readAttempt,
  STATE_COOKIE,
  STATE_TTL_MS,
  stateCookieHeader,
} from './oauth-state-cookie.ts';
import { ZENDESK_OAUTH_SCOPES } from './zendesk-oauth-scopes.ts';
import { exchangeCode, TokenExchangeError } from './zendesk-token-exchange.ts';

/** Options of `zendeskOAuthPlugin` (env var names in the field docs). */
export interface ZendeskOAuthOptions {
  /** `ZENDESK_SUBDOMAIN`; also the account the token is stored under. */
  readonly subdomain: string;
  /** Where the OAuth pages live (default `https://{subdomain}.zendesk.com`; a fake in tests). */
  readonly oauthBaseUrl?: string;
  /** `ZENDESK_CLIENT_IDENTIFIER`. */
  readonly clientId: string;
  /** `ZENDESK_CLIENT_SECRET`. */
  readonly clientSecret: string;
  /** `ZENDESK_REDIRECT_URI`: this server's `/zendesk/oauth/`. */
  readonly redirectUri: string;
  readonly tokenStore: TokenStore;
  readonly scopes?: readonly string[];
  /** Signs the state cookie; several server instances must share it (default: random per process). */
  readonly stateSecret?: string;
  /** Where to send the admin after a stored grant (default `/`). */
  readonly successRedirect?: string;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Token request timeout (default 10 s). */
  readonly timeoutMs?: number;
}

/**
 * `GET /zendesk/oauth/start/` sends the admin to Zendesk's authorization page with a fresh
 * `state` and PKCE challenge kept in a signed, short-lived HttpOnly cookie; `GET /zendesk/oauth/`
 * (the redirect URI) checks `state` against that cookie in constant time, trades the code for a
 * token and saves it in the TokenStore (provider `zendesk`, account = subdomain). Register it
 * behind the server's admin authentication.
 */
export const zendeskOAuthPlugin: FastifyPluginAsync<ZendeskOAuthOptions> = async (app, options) => {
  const clock = options.clock ?? systemClock;
  const secret = options.stateSecret ?? randomBytes(32).toString('hex');
  // zendeskApiUrl validates the subdomain; the OAuth pages live on the same host.
  const base = (options.oauthBaseUrl ?? zendeskApiUrl(options.subdomain).replace(/\/api\/v2$/, '')).replace(
    /\/+$/,
    '',
  );
  const scopes = options.scopes ?? ZENDESK_OAUTH_SCOPES;
  const secure = options.redirectUri.startsWith('https:');

  app.get('/zendesk/oauth/start/', async (request: FastifyRequest, reply: FastifyReply) => {
    const { attempt, cookieValue } = newAttempt(secret, clock.now());
    const target = new URL(`${base}/oauth/authorizations/new`);
    target.search = new URLSearchParams({
      response_type: 'code',
      client_id: options.clientId,
      redirect_uri: options.redirectUri,
      scope: scopes.join(' '),
      state: attempt.state,
      code_challenge: pkceChallenge(attempt.verifier),
      code_challenge_method: 'S256',
    }).toString();
    logger(request).info({ integration: 'zendesk' }, 'zendesk oauth started');
    return reply
      .header('set-cookie', stateCookieHeader(cookieValue, STATE_TTL_MS / 1000, secure))
      .header('cache-control', 'no-store')
      .redirect(target.toString(), 302);
  });

  app.get('/zendesk/oauth/', async (request: FastifyRequest, reply: FastifyReply) => {
    const log = logger(request);
    const query = request.query as Record<string, unknown>;
    const attempt = readAttempt(secret, cookieFrom(request.headers.cookie, STATE_COOKIE), clock.now());
    const state = typeof query.state === 'string' ? query.state : '';
    reply.header('set-cookie', stateCookieHeader('', 0, secure)).header('cache-control', 'no-store');
    if (!attempt || !constantTimeEqual(state, attempt.state)) {
      log.error(
        { integration: 'zendesk', reason: attempt ? 'state-mismatch' : 'state-missing' },
        'zendesk oauth refused',
      );
      return reply
        .code(403)
        .type('text/plain')
        .send('This authorization link is invalid or has expired. Start again.');
    }
    if (typeof query.error === 'string' || typeof query.code !== 'string' || query.code.length > 512) {
      log.warn(
        { integration: 'zendesk', reason: typeof query.error === 'string' ? 'denied' : 'no-code' },
        'zendesk oauth not granted',
      );
      return reply.code(400).type('text/plain').send('Zendesk did not grant access.');
    }
    try {
      const exchange = { ...options, oauthBaseUrl: base, scopes, timeoutMs: options.timeoutMs ?? 10_000 };
      const token = await exchangeCode(
        exchange,
        query.code,
        attempt.verifier,
        options.subdomain,
        clock.now(),
      );
      await options.tokenStore.save(token);
      log.info(
        { integration: 'zendesk', account: token.account, scopes: token.scopes },
        'zendesk oauth token stored',
      );
    } catch (error) {
      const status = error instanceof TokenExchangeError ? error.status : undefined;
      log.error({ integration: 'zendesk', status, err: error }, 'zendesk oauth token exchange failed');
      return reply.code(502).type('text/plain').send('Zendesk authorization failed. Try again later.');
    }
    return reply.redirect(options.successRedirect ?? '/', 302);
  });

  function logger(request: FastifyRequest): Logger {
    return options.logger ?? (request.log as Logger);
  }
};
