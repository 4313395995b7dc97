import { type Clock, IntegrationError, type StoredToken, systemClock } from '@zenslackchat/core';
import { PAGERDUTY } from '../pagerduty-config.ts';
import { pagerDutyStatusError, pagerDutyUnavailable, rateLimitWaitMs } from '../pagerduty-error.ts';
import {
  PAGERDUTY_OAUTH_DEFAULTS,
  type PagerDutyAuthorizeConfig,
  type PagerDutyOAuthClientConfig,
} from './pagerduty-oauth-config.ts';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** Reads the claims of a JWT without checking its signature: it came straight from the token endpoint over TLS. */
function jwtClaims(jwt: unknown): Json {
  if (typeof jwt !== 'string') return {};
  try {
    const claims: unknown = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return isObject(claims) ? claims : {};
  } catch {
    return {};
  }
}

/** The authorize URL the browser is sent to. */
export function pagerDutyAuthorizeUrl(config: PagerDutyAuthorizeConfig, state: string): string {
  const url = new URL('/oauth/authorize', config.oauthBaseUrl ?? PAGERDUTY_OAUTH_DEFAULTS.oauthBaseUrl);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', config.redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', (config.scopes ?? PAGERDUTY_OAUTH_DEFAULTS.scopes).join(' '));
  url.searchParams.set('state', state);
  return url.toString();
}

/** Calls PagerDuty's token endpoint; the grant is returned as a `StoredToken` ready to save. */
export class PagerDutyOAuthClient {
  readonly #config: PagerDutyOAuthClientConfig;
  readonly #clock: Clock;

  constructor(config: PagerDutyOAuthClientConfig, clock: Clock = systemClock) {
    this.#config = config;
    this.#clock = clock;
  }

  /** Exchanges an authorization code (valid about 30 s) for a token. */
  exchangeCode(code: string, redirectUri: string): Promise<StoredToken> {
    return this.#grant({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });
  }

  /** Trades the token's refresh token for a new token; keeps the account and the old refresh token if none comes back. */
  refresh(token: StoredToken): Promise<StoredToken> {
    if (token.refreshToken === undefined) {
      const message = 'PagerDuty token expired and has no refresh token: authorize again';
      return Promise.reject(new IntegrationError('Unauthorized', message, { integration: PAGERDUTY }));
    }
    return this.#grant({ grant_type: 'refresh_token', refresh_token: token.refreshToken }, token);
  }

  async #grant(fields: Record<string, string>, previous?: StoredToken): Promise<StoredToken> {
    const base = this.#config.oauthBaseUrl ?? PAGERDUTY_OAUTH_DEFAULTS.oauthBaseUrl;
    const form = new URLSearchParams({
      ...fields,
      client_id: this.#config.clientId,
      client_secret: this.#config.clientSecret,
    });
    let response: Response;
    let body: unknown;
    try {
      response = await fetch(new URL('/oauth/token', base), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form,
        signal: AbortSignal.timeout(this.#config.timeoutMs ?? PAGERDUTY_OAUTH_DEFAULTS.timeoutMs),
      });
      body = await response.json().catch(() => undefined);
    } catch (error) {
      throw pagerDutyUnavailable('token request', error);
    }
    if (!response.ok) throw this.#failure(response, body);
    return this.#toStored(body, previous);
  }

  #failure(response: Response, body: unknown): IntegrationError {
    const code = isObject(body) && typeof body.error === 'string' ? body.error : undefined;
    // A dead code or refresh token (invalid_grant) or a wrong client means someone must authorize again.
    if (code === 'invalid_grant' || code === 'invalid_client') {
      return new IntegrationError('Unauthorized', `PagerDuty token request refused: ${code}`, {
        integration: PAGERDUTY,
      });
    }
    const retryAfterMs = rateLimitWaitMs((name) => response.headers.get(name), this.#clock.now());
    return pagerDutyStatusError(response.status, 'token request', retryAfterMs);
  }

  #toStored(body: unknown, previous: StoredToken | undefined): StoredToken {
    if (!isObject(body) || typeof body.access_token !== 'string' || body.access_token === '') {
      throw new IntegrationError('Invalid', 'PagerDuty token response has no access_token', {
        integration: PAGERDUTY,
      });
    }
    const now = this.#clock.now();
    const claims = jwtClaims(body.id_token);
    const account =
      typeof claims.account_id === 'string' ? claims.account_id : (previous?.account ?? 'default');
    const subdomain = typeof claims.subdomain === 'string' ? claims.subdomain : previous?.accountName;
    const refreshToken = typeof body.refresh_token === 'string' ? body.refresh_token : previous?.refreshToken;
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : undefined;
    return {
      provider: PAGERDUTY_OAUTH_DEFAULTS.provider,
      account,
      ...(subdomain === undefined ? {} : { accountName: subdomain }),
      accessToken: body.access_token,
      ...(refreshToken === undefined ? {} : { refreshToken }),
      ...(expiresIn === undefined ? {} : { expiresAt: new Date(now.getTime() + expiresIn * 1000) }),
      scopes:
        typeof body.scope === 'string' ? body.scope.split(' ').filter(Boolean) : (previous?.scopes ?? []),
      metadata: {
        ...previous?.metadata,
        ...(typeof claims.region === 'string' ? { region: claims.region } : {}),
        ...(typeof claims.user_id === 'string' ? { userId: claims.user_id } : {}),
      },
      updatedAt: now,
    };
  }
}
