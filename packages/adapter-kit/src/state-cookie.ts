/** A cookie's value from a Cookie header, if present and not empty. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=') || undefined;
  }
  return undefined;
}

/** Where and how a state cookie is set. */
export interface StateCookieOptions {
  readonly name: string;
  /** Scoped to the OAuth routes, e.g. `/zendesk/oauth/`. */
  readonly path: string;
  /** True when the redirect URI is https. */
  readonly secure: boolean;
}

/**
 * The Set-Cookie value carrying an OAuth state: HttpOnly, SameSite=Lax (the callback is a
 * cross-site top-level GET), Secure on https; `maxAgeSeconds` 0 clears it.
 */
export function stateCookieHeader(options: StateCookieOptions, value: string, maxAgeSeconds: number): string {
  const parts = [
    `${options.name}=${value}`,
    `Path=${options.path}`,
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
