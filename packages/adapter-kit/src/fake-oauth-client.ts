import { createHash, timingSafeEqual } from 'node:crypto';

/** An OAuth client registered with a vendor fake. */
export interface FakeOAuthClient {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** How a token request's client authentication went: each vendor words a failure its own way. */
export type FakeClientCheck = 'ok' | 'unknown-client' | 'wrong-secret';

const digest = (value: string) => createHash('sha256').update(value).digest();
const same = (given: unknown, expected: string): boolean =>
  typeof given === 'string' && timingSafeEqual(digest(given), digest(expected));

/**
 * Strict client authentication of a fake's token endpoint (RFC 6749 §2.3.1, credentials in the
 * request): the id must be the registered one, then the secret; anything not a string fails.
 */
export function checkFakeClient(
  client: FakeOAuthClient,
  clientId: unknown,
  clientSecret: unknown,
): FakeClientCheck {
  if (!same(clientId, client.clientId)) return 'unknown-client';
  if (!same(clientSecret, client.clientSecret)) return 'wrong-secret';
  return 'ok';
}
