import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkFakeClient, FakeOAuthGrants } from '../src/index.ts';

const client = { clientId: 'app', clientSecret: 's3cret' };
const params =
  (values: Record<string, unknown>) =>
  (name: string): unknown =>
    values[name];
const auth = { client_id: 'app', client_secret: 's3cret' };

describe('checkFakeClient', () => {
  it('tells an unknown client from a wrong secret, and refuses non-strings', () => {
    expect(checkFakeClient(client, 'app', 's3cret')).toBe('ok');
    expect(checkFakeClient(client, 'other', 's3cret')).toBe('unknown-client');
    expect(checkFakeClient(client, 'app', 'guess')).toBe('wrong-secret');
    expect(checkFakeClient(client, ['app'], 's3cret')).toBe('unknown-client');
    expect(checkFakeClient(client, 'app', undefined)).toBe('wrong-secret');
  });
});

describe('FakeOAuthGrants', () => {
  it('redeems a code once, only with its redirect URI', () => {
    const grants = new FakeOAuthGrants<string>(client);
    const code = grants.issueCode({ redirectUri: 'https://bot.example/cb', scope: 'read' });
    const request = { ...auth, grant_type: 'authorization_code', code };
    expect(grants.tokenRequest(params({ ...request, redirect_uri: 'https://evil.example/cb' }))).toEqual({
      ok: false,
      status: 400,
      error: 'invalid_grant',
    });
    expect(grants.tokenRequest(params({ ...request, redirect_uri: 'https://bot.example/cb' }))).toMatchObject(
      {
        ok: true,
        grantType: 'authorization_code',
        code: { scope: 'read' },
      },
    );
    expect(grants.tokenRequest(params({ ...request, redirect_uri: 'https://bot.example/cb' }))).toMatchObject(
      {
        ok: false,
        error: 'invalid_grant',
      },
    );
  });

  it('checks the PKCE verifier (S256) when the code was issued with a challenge', () => {
    const grants = new FakeOAuthGrants<string>(client);
    const verifier = 'v'.repeat(43);
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const code = grants.issueCode({ redirectUri: 'https://bot.example/cb', scope: 'read', challenge });
    const request = {
      ...auth,
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'https://bot.example/cb',
    };
    expect(grants.tokenRequest(params(request))).toMatchObject({ ok: false, error: 'invalid_grant' });
    expect(grants.tokenRequest(params({ ...request, code_verifier: 'wrong' }))).toMatchObject({ ok: false });
    expect(grants.tokenRequest(params({ ...request, code_verifier: verifier }))).toMatchObject({ ok: true });
  });

  it('rotates refresh tokens: each is spent on use and carries its value', () => {
    const grants = new FakeOAuthGrants<{ scope: string }>(client, {
      newRefreshToken: () => `rt-${Math.random()}`,
    });
    const token = grants.issueRefreshToken({ scope: 'read write' });
    expect(token.startsWith('rt-')).toBe(true);
    const request = params({ ...auth, grant_type: 'refresh_token', refresh_token: token });
    expect(grants.tokenRequest(request)).toEqual({
      ok: true,
      grantType: 'refresh_token',
      refreshed: { scope: 'read write' },
    });
    expect(grants.tokenRequest(request)).toMatchObject({ ok: false, status: 400, error: 'invalid_grant' });
  });

  it('authenticates the client before anything else and refuses other grant types', () => {
    const grants = new FakeOAuthGrants<string>(client);
    const token = grants.issueRefreshToken('read');
    expect(
      grants.tokenRequest(
        params({ client_id: 'app', client_secret: 'x', grant_type: 'refresh_token', refresh_token: token }),
      ),
    ).toEqual({ ok: false, status: 401, error: 'invalid_client' });
    expect(grants.tokenRequest(params({ ...auth, grant_type: 'password' }))).toEqual({
      ok: false,
      status: 400,
      error: 'unsupported_grant_type',
    });
    // The refused request did not spend the refresh token.
    expect(
      grants.tokenRequest(params({ ...auth, grant_type: 'refresh_token', refresh_token: token })),
    ).toMatchObject({ ok: true });
  });
});
