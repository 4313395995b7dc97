import { OAuthStateSigner, readCookie, stateCookieHeader } from '@zenslackchat/adapter-kit';
import { type Clock, type Logger, systemClock, type TokenStore } from '@zenslackchat/core';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { zendeskApiUrl } from '../zendesk-config.ts';
import { PKCE_PURPOSE, pkceChallenge, STATE_COOKIE } from './oauth-state-cookie.ts';
import { zendeskOAuthScopes } from './zendesk-oauth-scopes.ts';
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
  /** Default `read write`, plus `impersonate` when `impersonate` is true. */
  readonly scopes?: readonly string[];
  /** Ask for `impersonate`: only when the bot acts as an agent (ZENDESK_AGENT_EMAIL). Default false. */
  readonly impersonate?: boolean;
  /** Signs the OAuth state; every server process must share it (e.g. derived from WEBAPP_SECRET_KEY). */
  readonly stateSecret: string;
  /** The admin session a request belongs to (its id); the state is bound to it. Undefined: refused. */
  readonly sessionBinding: (request: FastifyRequest) => string | undefined;
  /** Where to send the admin after a stored grant (default `/`). */
  readonly successRedirect?: string;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Token request timeout (default 10 s). */
  readonly timeoutMs?: number;
}

/**
 * `GET /zendesk/oauth/start/` sends the admin to Zendesk's authorization page with a signed
 * `state` bound to their session (adapter-kit's `OAuthStateSigner`, also kept in an HttpOnly
 * cookie) and a PKCE challenge whose verifier is derived from the state on the server;
 * `GET /zendesk/oauth/` (the redirect URI) refuses a forged, expired, other-session or
 * cookie-mismatched state with 403 before any code exchange, then trades the code for a token and
 * saves it (provider `zendesk`, account = subdomain). Register it behind the admin authentication.
 */
export const zendeskOAuthPlugin: FastifyPluginAsync<ZendeskOAuthOptions> = async (app, options) => {
  const clock = options.clock ?? systemClock;
  const signer = new OAuthStateSigner(options.stateSecret);
  // zendeskApiUrl validates the subdomain; the OAuth pages live on the same host.
  const base = (options.oauthBaseUrl ?? zendeskApiUrl(options.subdomain).replace(/\/api\/v2$/, '')).replace(
    /\/+$/,
    '',
  );
  const scopes = options.scopes ?? zendeskOAuthScopes(options.impersonate === true);
  const cookie = {
    name: STATE_COOKIE,
    path: '/zendesk/oauth/',
    secure: options.redirectUri.startsWith('https:'),
  };

  app.get('/zendesk/oauth/start/', async (request: FastifyRequest, reply: FastifyReply) => {
    const binding = options.sessionBinding(request);
    if (binding === undefined) return reply.code(403).type('text/plain').send('Log in first.');
    const state = signer.issue(binding, clock.now());
    const target = new URL(`${base}/oauth/authorizations/new`);
    target.search = new URLSearchParams({
      response_type: 'code',
      client_id: options.clientId,
      redirect_uri: options.redirectUri,
      scope: scopes.join(' '),
      state,
      code_challenge: pkceChallenge(signer.derive(state, PKCE_PURPOSE)),
      code_challenge_method: 'S256',
    }).toString();
    logger(request).info({ integration: 'zendesk' }, 'zendesk oauth started');
    return reply
      .header('set-cookie', stateCookieHeader(cookie, state, signer.ttlSeconds))
      .header('cache-control', 'no-store')
      .redirect(target.toString(), 302);
  });

  app.get('/zendesk/oauth/', async (request: FastifyRequest, reply: FastifyReply) => {
    const log = logger(request);
    const query = request.query as Record<string, unknown>;
    const state = typeof query.state === 'string' ? query.state : '';
    const checked = signer.check({
      param: state,
      cookie: readCookie(request.headers.cookie, STATE_COOKIE),
      binding: options.sessionBinding(request),
      now: clock.now(),
    });
    reply.header('set-cookie', stateCookieHeader(cookie, '', 0)).header('cache-control', 'no-store');
    if (!checked.ok) {
      log.error({ integration: 'zendesk', reason: `state-${checked.reason}` }, 'zendesk oauth refused');
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
        signer.derive(state, PKCE_PURPOSE),
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
