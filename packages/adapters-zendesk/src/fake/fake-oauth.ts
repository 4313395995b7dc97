import { type FakeOAuthClient, FakeOAuthGrants } from '@zenslackchat/adapter-kit';
import type { FakeResponse } from './fake-records.ts';

/** The OAuth client registered in the fake (Zendesk's "Unique Identifier" and secret). */
export type { FakeOAuthClient };

/** Issues and revokes the bearer tokens the fake's API accepts. */
export interface FakeTokenIssuer {
  issue(scope: string): string;
  revoke(token: string): void;
}

/**
 * Zendesk's authorization-code endpoints: `GET /oauth/authorizations/new` approves at once
 * (as if the admin clicked Allow) and redirects back with `code` and `state`; `POST /oauth/tokens`
 * trades a code, once (with the PKCE verifier when a challenge was sent), for a bearer token the
 * fake's API then accepts. The codes, refresh tokens and client check are adapter-kit's
 * `FakeOAuthGrants`; the answers' shapes are Zendesk's.
 */
export class FakeOAuth {
  private readonly grants: FakeOAuthGrants<{ scope: string; accessToken: string }>;
  private readonly client: FakeOAuthClient;
  private readonly tokens: FakeTokenIssuer;
  private readonly lifetimeS: number | undefined;

  /** With `lifetimeS`, tokens expire (`expires_in`) and come with a rotating refresh token. */
  constructor(client: FakeOAuthClient, tokens: FakeTokenIssuer, lifetimeS?: number) {
    this.client = client;
    this.tokens = tokens;
    this.lifetimeS = lifetimeS;
    this.grants = new FakeOAuthGrants(client);
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
      back.searchParams.set('code', this.grants.issueCode({ redirectUri, scope, challenge }));
    }
    if (state !== undefined) back.searchParams.set('state', state);
    return { status: 302, headers: { location: back.toString() } };
  }

  /** Handles the token request (JSON or form body). */
  token(body: unknown): FakeResponse {
    const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const outcome = this.grants.tokenRequest((name) => input[name]);
    if (!outcome.ok) {
      const description = DESCRIPTIONS[outcome.error];
      const error = { error: outcome.error, ...(description ? { error_description: description } : {}) };
      return { status: outcome.status, body: error };
    }
    if (outcome.grantType === 'authorization_code') return this.grant(outcome.code.scope);
    // Rotation: the old refresh token is spent and its access token stops working.
    this.tokens.revoke(outcome.refreshed.accessToken);
    return this.grant(outcome.refreshed.scope);
  }

  // Create Token for Grant Type: `{ access_token, token_type: "bearer", scope }`, plus
  // `refresh_token` and `expires_in` when the client's tokens expire.
  // https://developer.zendesk.com/api-reference/ticketing/oauth/grant_type_tokens/
  private grant(scope: string): FakeResponse {
    const accessToken = this.tokens.issue(scope);
    const body: Record<string, unknown> = { access_token: accessToken, token_type: 'bearer', scope };
    if (this.lifetimeS !== undefined) {
      const refreshToken = this.grants.issueRefreshToken({ scope, accessToken });
      Object.assign(body, { refresh_token: refreshToken, expires_in: this.lifetimeS });
    }
    return { status: 200, body };
  }
}

// OAuth 2.0 error answers (RFC 6749 §5.2), as the grant-type tokens page documents them.
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  invalid_client: 'Client authentication failed',
  invalid_grant: 'The code or refresh token is invalid or was used',
};

function page(status: number, text: string): FakeResponse {
  return { status, headers: { 'content-type': 'text/plain' }, body: text };
}
