import { createHash, createHmac, randomBytes } from 'node:crypto';
import { constantTimeEqual } from '../constant-time.ts';

/** The cookie that carries the OAuth state and PKCE verifier between start and callback. */
export const STATE_COOKIE = 'zsc_zendesk_oauth';

/** How long an authorization may take, from start to callback. */
export const STATE_TTL_MS = 10 * 60 * 1000;

/** One authorization attempt: the `state` sent to Zendesk and the PKCE verifier kept for the token call. */
export interface OAuthAttempt {
  readonly state: string;
  readonly verifier: string;
}

/** A new attempt and its signed cookie value (`payload.signature`, payload = base64url JSON with expiry). */
export function newAttempt(secret: string, now: Date): { attempt: OAuthAttempt; cookieValue: string } {
  const attempt = {
    state: randomBytes(24).toString('base64url'),
    verifier: randomBytes(32).toString('base64url'),
  };
  const payload = Buffer.from(JSON.stringify({ ...attempt, exp: now.getTime() + STATE_TTL_MS })).toString(
    'base64url',
  );
  return { attempt, cookieValue: `${payload}.${sign(secret, payload)}` };
}

/** The attempt in a cookie value when its signature holds and it has not expired. */
export function readAttempt(
  secret: string,
  cookieValue: string | undefined,
  now: Date,
): OAuthAttempt | undefined {
  const [payload, signature, extra] = (cookieValue ?? '').split('.');
  if (!payload || !signature || extra !== undefined || !constantTimeEqual(signature, sign(secret, payload)))
    return undefined;
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const { state, verifier, exp } = data;
    if (typeof state !== 'string' || typeof verifier !== 'string' || typeof exp !== 'number')
      return undefined;
    return exp > now.getTime() ? { state, verifier } : undefined;
  } catch {
    return undefined;
  }
}

/** PKCE S256 challenge of a verifier. */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** A cookie from a Cookie header. */
export function cookieFrom(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** A Set-Cookie value for the state cookie, scoped to the OAuth routes; `maxAgeS` 0 clears it. */
export function stateCookieHeader(value: string, maxAgeS: number, secure: boolean): string {
  return `${STATE_COOKIE}=${value}; Path=/zendesk/oauth/; Max-Age=${maxAgeS}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}
