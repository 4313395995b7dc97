import { createHmac, timingSafeEqual } from 'node:crypto';

/** Why a signature check failed (safe to log: no secrets, no body). */
export const SIGNATURE_FAILURES = ['missing', 'malformed', 'stale', 'future', 'mismatch'] as const;
export type SignatureFailure = (typeof SIGNATURE_FAILURES)[number];

/** What `verifySlackSignature` checks. */
export interface SignatureCheck {
  readonly rawBody: Buffer;
  /** `X-Slack-Request-Timestamp`, seconds since the epoch. */
  readonly timestamp: string | undefined;
  /** `X-Slack-Signature`, `v0=` + hex. */
  readonly signature: string | undefined;
  readonly signingSecret: string;
  readonly nowMs: number;
  /** Accepted clock difference either way (default 300 s, Slack's replay window). */
  readonly toleranceSeconds?: number;
}

const SIGNATURE = /^v0=[0-9a-f]{64}$/;

/**
 * Verifies a Slack request signature over the raw body bytes: `v0=` + hex HMAC-SHA256 of
 * `v0:{timestamp}:{body}`, compared in constant time, with the timestamp within the tolerance of
 * now in either direction (replayed and future-dated requests fail). Returns the failure or null.
 */
export function verifySlackSignature(check: SignatureCheck): SignatureFailure | null {
  const { timestamp, signature } = check;
  if (!timestamp || !signature) return 'missing';
  if (!/^\d{1,12}$/.test(timestamp) || !SIGNATURE.test(signature)) return 'malformed';
  const skew = Math.floor(check.nowMs / 1000) - Number(timestamp);
  const tolerance = check.toleranceSeconds ?? 300;
  if (skew > tolerance) return 'stale';
  if (skew < -tolerance) return 'future';
  const hmac = createHmac('sha256', check.signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(check.rawBody);
  const expected = Buffer.from(`v0=${hmac.digest('hex')}`);
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? null : 'mismatch';
}

/** Compares two secrets in constant time (hashing first, so lengths leak nothing). */
export function secretsEqual(a: string, b: string): boolean {
  const digest = (value: string) => createHmac('sha256', 'zenslackchat').update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}
