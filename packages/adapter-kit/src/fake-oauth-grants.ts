import { createHash, randomBytes } from 'node:crypto';
import { checkFakeClient, type FakeOAuthClient } from './fake-oauth-client.ts';

/** What an authorization code was issued for. */
export interface FakeCodeGrant {
  readonly redirectUri: string;
  readonly scope: string;
  /** The PKCE S256 challenge, when the authorization request sent one. */
  readonly challenge?: string | undefined;
}

/** A token request's outcome: the grant to answer with, or the RFC 6749 §5.2 error and status. */
export type FakeTokenGrant<T> =
  | { readonly ok: true; readonly grantType: 'authorization_code'; readonly code: FakeCodeGrant }
  | { readonly ok: true; readonly grantType: 'refresh_token'; readonly refreshed: T }
  | {
      readonly ok: false;
      readonly status: 400 | 401;
      readonly error: 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type';
    };

/** How a fake names its codes and refresh tokens (default: random hex). */
export interface FakeOAuthGrantsOptions {
  readonly newCode?: () => string;
  readonly newRefreshToken?: () => string;
}

const hex = (bytes: number) => () => randomBytes(bytes).toString('hex');
const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/**
 * The bookkeeping of a vendor fake's authorization-code and refresh-token grants (RFC 6749 §4.1,
 * §6): codes issued by the fake's authorize page, each redeemable once, only with the redirect URI
 * it was issued for and, when a PKCE challenge was sent, the matching verifier (RFC 7636, S256);
 * refresh tokens that rotate (spent on use), each carrying what the fake needs back (`T`).
 * The vendor's own wire shape (its paths, field names, error bodies) stays in the fake.
 */
export class FakeOAuthGrants<T> {
  readonly #client: FakeOAuthClient;
  readonly #codes = new Map<string, FakeCodeGrant>();
  readonly #refreshTokens = new Map<string, T>();
  readonly #newCode: () => string;
  readonly #newRefreshToken: () => string;

  constructor(client: FakeOAuthClient, options: FakeOAuthGrantsOptions = {}) {
    this.#client = client;
    this.#newCode = options.newCode ?? hex(16);
    this.#newRefreshToken = options.newRefreshToken ?? hex(24);
  }

  /** A new authorization code for the authorize page's redirect. */
  issueCode(grant: FakeCodeGrant): string {
    const code = this.#newCode();
    this.#codes.set(code, grant);
    return code;
  }

  /** A new refresh token carrying `value`. */
  issueRefreshToken(value: T): string {
    const token = this.#newRefreshToken();
    this.#refreshTokens.set(token, value);
    return token;
  }

  /**
   * The token endpoint's checks, in order: client authentication (401 `invalid_client`), then the
   * grant: a code (with `redirect_uri` and `code_verifier`) or a refresh token, spent when it
   * succeeds; an unknown or mismatched one is 400 `invalid_grant`, any other grant type 400
   * `unsupported_grant_type`. `param` reads one request parameter (JSON or form).
   */
  tokenRequest(param: (name: string) => unknown): FakeTokenGrant<T> {
    if (checkFakeClient(this.#client, param('client_id'), param('client_secret')) !== 'ok')
      return { ok: false, status: 401, error: 'invalid_client' };
    const grantType = param('grant_type');
    if (grantType === 'authorization_code') {
      const code = param('code');
      const grant = typeof code === 'string' ? this.#codes.get(code) : undefined;
      if (grant === undefined || grant.redirectUri !== param('redirect_uri')) return invalidGrant;
      const verifier = param('code_verifier');
      if (
        grant.challenge !== undefined &&
        (typeof verifier !== 'string' || s256(verifier) !== grant.challenge)
      )
        return invalidGrant;
      this.#codes.delete(code as string);
      return { ok: true, grantType, code: grant };
    }
    if (grantType === 'refresh_token') {
      const token = param('refresh_token');
      if (typeof token !== 'string' || !this.#refreshTokens.has(token)) return invalidGrant;
      const refreshed = this.#refreshTokens.get(token) as T;
      this.#refreshTokens.delete(token);
      return { ok: true, grantType, refreshed };
    }
    return { ok: false, status: 400, error: 'unsupported_grant_type' };
  }
}

const invalidGrant = { ok: false, status: 400, error: 'invalid_grant' } as const;
