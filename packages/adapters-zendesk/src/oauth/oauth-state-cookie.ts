import { createHash } from 'node:crypto';

/** The cookie that carries the OAuth state between start and callback (adapter-kit's signed state). */
export const STATE_COOKIE = 'zsc_zendesk_oauth';

/** The purpose under which the PKCE verifier is derived from a state (never sent with it). */
export const PKCE_PURPOSE = 'zendesk-pkce-verifier';

/** PKCE S256 challenge of a verifier. */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}
