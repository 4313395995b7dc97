import { CoreError, type StoredToken } from '@zenslackchat/core';
import { z } from 'zod';

const tokenAnswer = z.object({
  access_token: z.string().min(1).max(4096),
  token_type: z.string().optional(),
  scope: z.string().max(1024).optional(),
  refresh_token: z.string().min(1).max(4096).optional(),
  expires_in: z.number().positive().optional(),
});

/** What the token call needs. */
export interface TokenExchange {
  readonly oauthBaseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly timeoutMs: number;
}

/** Why a token request failed, for the log line (never the code, secret or tokens). */
export class TokenExchangeError extends CoreError {
  /** Zendesk's HTTP status, when it answered. */
  readonly status: number | undefined;

  constructor(message: string, status?: number, options?: ErrorOptions) {
    super('zendesk.token-exchange', message, options);
    this.status = status;
  }
}

/**
 * `POST {base}/oauth/tokens` (JSON, as Zendesk documents) trading a code and PKCE verifier for a
 * token; returns the grant to store for `account`. Throws `TokenExchangeError`.
 */
export function exchangeCode(
  exchange: TokenExchange,
  code: string,
  verifier: string,
  account: string,
  now: Date,
): Promise<StoredToken> {
  const params = {
    grant_type: 'authorization_code',
    code,
    redirect_uri: exchange.redirectUri,
    code_verifier: verifier,
  };
  return requestToken(exchange, params, account, now);
}

/** Trades a stored grant's refresh token for a new grant (Zendesk rotates both tokens). */
export function refreshGrant(
  exchange: Omit<TokenExchange, 'redirectUri'>,
  grant: StoredToken,
  now: Date,
): Promise<StoredToken> {
  if (!grant.refreshToken) throw new TokenExchangeError('the stored zendesk grant has no refresh token');
  return requestToken(
    exchange,
    { grant_type: 'refresh_token', refresh_token: grant.refreshToken },
    grant.account,
    now,
  );
}

async function requestToken(
  exchange: Omit<TokenExchange, 'redirectUri'>,
  params: Record<string, string>,
  account: string,
  now: Date,
): Promise<StoredToken> {
  let response: Response;
  try {
    response = await fetch(`${exchange.oauthBaseUrl.replace(/\/+$/, '')}/oauth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        ...params,
        client_id: exchange.clientId,
        client_secret: exchange.clientSecret,
        scope: exchange.scopes.join(' '),
      }),
      signal: AbortSignal.timeout(exchange.timeoutMs),
    });
  } catch (error) {
    throw new TokenExchangeError('zendesk token request failed to connect or timed out', undefined, {
      cause: error,
    });
  }
  if (!response.ok)
    throw new TokenExchangeError(`zendesk token request answered ${response.status}`, response.status);
  const parsed = tokenAnswer.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success)
    throw new TokenExchangeError('zendesk token answer has no access_token', response.status);
  const token = parsed.data;
  return {
    provider: 'zendesk',
    account,
    accountName: account,
    accessToken: token.access_token,
    ...(token.refresh_token ? { refreshToken: token.refresh_token } : {}),
    ...(token.expires_in ? { expiresAt: new Date(now.getTime() + token.expires_in * 1000) } : {}),
    scopes: (token.scope ?? exchange.scopes.join(' ')).split(/\s+/).filter(Boolean),
    metadata: { tokenType: token.token_type ?? 'bearer' },
    updatedAt: now,
  };
}
