import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Name of the short-lived cookie that carries the OAuth `state` between start and callback. */
export const STATE_COOKIE = 'zsc_pagerduty_oauth_state';

/** A fresh unguessable state value. */
export function newOAuthState(): string {
  return randomBytes(32).toString('base64url');
}

/** The Set-Cookie value holding `state`: HttpOnly, SameSite=Lax (the callback is a cross-site GET), Secure on https. */
export function stateCookie(
  state: string,
  options: { secure: boolean; maxAgeSeconds: number; path: string },
): string {
  const parts = [
    `${STATE_COOKIE}=${state}`,
    `Path=${options.path}`,
    `Max-Age=${options.maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/** A Set-Cookie value that removes the state cookie. */
export function clearStateCookie(options: { secure: boolean; path: string }): string {
  return stateCookie('', { ...options, maxAgeSeconds: 0 });
}

/** The state cookie's value from a Cookie header, if present. */
export function readStateCookie(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === STATE_COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}

/** Compares two states in constant time (hashing first so lengths always match). */
export function sameState(expected: string | undefined, actual: string | undefined): boolean {
  if (!expected || !actual) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(actual));
}
