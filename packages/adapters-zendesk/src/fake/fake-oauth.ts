import { createHash, randomBytes } from 'node:crypto';
import type { FakeResponse } from './fake-records.ts';

/** The OAuth client registered in the fake (Zendesk's "Unique Identifier" and secret). */
export interface FakeOAuthClient {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Issues and revokes the bearer tokens the fake's API accepts. */
export interface FakeTokenIssuer {
  issue(scope: string): string;
  revoke(token: string): void;
}

interface Grant {
  readonly redirectUri: string;
  readonly scope: string;
  /** PKCE S256 challenge, when the authorization request sent one. */
  readonly challenge: string | undefined;
  used: boolean;
}

/**
 * Zendesk's authorization-code endpoints: `GET /oauth/authorizations/new` approves at once
 * (as if the admin clicked Allow) and redirects back with `code` and `state`; `POST /oauth/tokens`
 * trades a code, once (with the PKCE verifier when a challenge was sent), for a bearer token the
 * fake's API then accepts.
 */
export class FakeOAuth {
  private readonly grants = new Map<string, Grant>();
  private readonly refreshTokens = new Map<string, { scope: string; accessToken: string }>();
  private readonly client: FakeOAuthClient;
  private readonly tokens: FakeTokenIssuer;
  private readonly lifetimeS: number | undefined;

  /** With `lifetimeS`, tokens expire (`expires_in`) and come with a rotating refresh token. */
  constructor(client: FakeOAuthClient, tokens: FakeTokenIssuer, lifetimeS?: number) {
    this.client = client;
    this.tokens = tokens;
    this.lifetimeS = lifetimeS;
  }

  /**
   * Handles the authorization page request: a redirect with `code` (or `error`) and `state`.
   * https://developer.zendesk.com/documentation/authentication/using-oauth-to-authenticate-zendesk-api-requests-in-a-web-app/
   */
  authorize(query: Record<string, string>): FakeResponse {
    const { response_type: type, client_id: clientId, redirect_uri: redirectUri, scope, state } = query;
    const { code_challenge: challenge, code_challenge_method: method } = query;
    if (clientId !== this.client.clientId) return page(400, 'Invalid OAuth client');
    if (!redirectUri || !URL.canParse(redirectUri)) return page(400, 'Invalid redirect_uri');
    const back = new URL(redirectUri);
    if (type !== 'code' || !scope || (challenge !== undefined && method !== 'S256')) {
      back.searchParams.set('error', 'invalid_request');
    } else {
      const code = randomBytes(16).toString('hex');
      this.grants.set(code, { redirectUri, scope, challenge, used: false });
      back.searchParams.set('code', code);
    }
    if (state !== undefined) back.searchParams.set('state', state);
    return { status: 302, headers: { location: back.toString() } };
  }

  /** Handles the token request (JSON or form body). */
  token(body: unknown): FakeResponse {
    const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (input.client_id !== this.client.clientId || input.client_secret !== this.client.clientSecret) {
      return {
        status: 401,
        body: { error: 'invalid_client', error_description: 'Client authentication failed' },
      };
    }
    if (input.grant_type === 'refresh_token') return this.refresh(input.refresh_token);
    if (input.grant_type !== 'authorization_code') {
      return { status: 400, body: { error: 'unsupported_grant_type' } };
    }
    const grant = typeof input.code === 'string' ? this.grants.get(input.code) : undefined;
    const verifier = typeof input.code_verifier === 'string' ? input.code_verifier : '';
    const pkceOk =
      grant?.challenge === undefined ||
      createHash('sha256').update(verifier).digest('base64url') === grant.challenge;
    if (!grant || grant.used || grant.redirectUri !== input.redirect_uri || !pkceOk) {
      return invalidGrant;
    }
    grant.used = true;
    return this.grant(grant.scope);
  }

  // Rotation: the old access and refresh tokens stop working.
  private refresh(refreshToken: unknown): FakeResponse {
    const known = typeof refreshToken === 'string' ? this.refreshTokens.get(refreshToken) : undefined;
    if (!known || typeof refreshToken !== 'string') return invalidGrant;
    this.refreshTokens.delete(refreshToken);
    this.tokens.revoke(known.accessToken);
    return this.grant(known.scope);
  }

  // Create Token for Grant Type: `{ access_token, token_type: "bearer", scope }`, plus
  // `refresh_token` and `expires_in` when the client's tokens expire.
  // https://developer.zendesk.com/api-reference/ticketing/oauth/grant_type_tokens/
  private grant(scope: string): FakeResponse {
    const accessToken = this.tokens.issue(scope);
    const body: Record<string, unknown> = { access_token: accessToken, token_type: 'bearer', scope };
    if (this.lifetimeS !== undefined) {
      const refreshToken = randomBytes(24).toString('hex');
      this.refreshTokens.set(refreshToken, { scope, accessToken });
      Object.assign(body, { refresh_token: refreshToken, expires_in: this.lifetimeS });
    }
    return { status: 200, body };
  }
}

// OAuth 2.0 error answers (RFC 6749 §5.2), as the grant-type tokens page documents them.
const invalidGrant: FakeResponse = {
  status: 400,
  body: { error: 'invalid_grant', error_description: 'The code or refresh token is invalid or was used' },
};

function page(status: number, text: string): FakeResponse {
  return { status, headers: { 'content-type': 'text/plain' }, body: text };
}
