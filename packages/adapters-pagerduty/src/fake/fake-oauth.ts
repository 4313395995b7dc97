import { randomBytes } from 'node:crypto';
import { type FakeOAuthClient, FakeOAuthGrants } from '@zenslackchat/adapter-kit';
import type { FakeAnswer } from './fake-faults.ts';

/** The fake's OAuth client registration and what it has issued. */
export interface FakeOAuthState {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly accountId: string;
  readonly subdomain: string;
  readonly tokenLifetimeSeconds: number;
  /** Codes and rotating refresh tokens (each carrying its scope), the client check: adapter-kit's. */
  readonly grants: FakeOAuthGrants<string>;
  readonly accessTokens: Set<string>;
  denyNext: boolean;
}

const token = (prefix: string): string => `${prefix}${randomBytes(12).toString('hex')}`;
const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The grant bookkeeping of a fake PagerDuty, with PagerDuty's token prefixes. */
export function pagerDutyGrants(client: FakeOAuthClient): FakeOAuthGrants<string> {
  return new FakeOAuthGrants(client, {
    newCode: () => token('code_'),
    newRefreshToken: () => token('pdus+_1'),
  });
}

// PagerDuty's OAuth 2.0 app flow (authorize, then `POST /oauth/token` for the code and refresh
// grants): https://developer.pagerduty.com/docs/oauth-functionality ; the error codes are the
// OAuth 2.0 ones PagerDuty answers with (RFC 6749 §4.1.2.1 and §5.2,
// https://www.rfc-editor.org/rfc/rfc6749#section-5.2).

/** `GET /oauth/authorize`: approves at once and redirects back with `code` and `state`. */
export function authorize(state: FakeOAuthState, query: URLSearchParams): FakeAnswer {
  const redirectUri = query.get('redirect_uri');
  if (query.get('client_id') !== state.clientId || query.get('response_type') !== 'code' || !redirectUri) {
    return { status: 400, body: { error: 'invalid_request' } };
  }
  const back = new URL(redirectUri);
  const requestState = query.get('state');
  if (state.denyNext) {
    state.denyNext = false;
    back.searchParams.set('error', 'access_denied');
    back.searchParams.set('error_description', 'The resource owner denied the request.');
  } else {
    back.searchParams.set(
      'code',
      state.grants.issueCode({ redirectUri, scope: query.get('scope') ?? 'read' }),
    );
  }
  if (requestState !== null) back.searchParams.set('state', requestState);
  return { status: 302, headers: { location: back.toString() } };
}

/** Issues a new access + refresh token pair, as a successful grant does. */
export function issueTokens(
  state: FakeOAuthState,
  scope: string,
): { accessToken: string; refreshToken: string } {
  const accessToken = token('pdus+_0');
  state.accessTokens.add(accessToken);
  return { accessToken, refreshToken: state.grants.issueRefreshToken(scope) };
}

function issue(state: FakeOAuthState, scope: string, withIdToken: boolean): FakeAnswer {
  const { accessToken, refreshToken } = issueTokens(state, scope);
  const claims = { account_id: state.accountId, subdomain: state.subdomain, region: 'UnitedStates' };
  return {
    status: 200,
    body: {
      token_type: 'bearer',
      access_token: accessToken,
      refresh_token: refreshToken,
      scope,
      expires_in: state.tokenLifetimeSeconds,
      ...(withIdToken ? { id_token: `${b64url({ alg: 'none' })}.${b64url(claims)}.` } : {}),
    },
  };
}

/** `POST /oauth/token`: the authorization_code and refresh_token grants (refresh tokens rotate). */
export function exchangeToken(state: FakeOAuthState, form: URLSearchParams): FakeAnswer {
  const outcome = state.grants.tokenRequest((name) => form.get(name) ?? undefined);
  if (!outcome.ok) return { status: outcome.status, body: { error: outcome.error } };
  if (outcome.grantType === 'refresh_token') return issue(state, outcome.refreshed, false);
  const scope = outcome.code.scope;
  return issue(state, scope, scope.split(' ').includes('openid'));
}
