import { createHash, createHmac } from 'node:crypto';
import { constantTimeEqual } from '../constant-time.ts';

/** Zendesk's signature headers. */
export const SIGNATURE_HEADER = 'x-zendesk-webhook-signature';
export const TIMESTAMP_HEADER = 'x-zendesk-webhook-signature-timestamp';

/** How far a signature timestamp may be from now (either way). */
export const REPLAY_WINDOW_MS = 5 * 60 * 1000;

/** Why a signature check failed, for the log line. */
export type SignatureProblem = 'missing' | 'stale' | 'mismatch';

/** Zendesk's signature: base64 HMAC-SHA256 of `timestamp + raw body` with the webhook's signing secret. */
export function signZendeskWebhook(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(timestamp).update(rawBody).digest('base64');
}

/** Checks the signature headers against the raw body; undefined when it is valid and fresh. */
export function checkZendeskSignature(
  secret: string,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  rawBody: Buffer,
  now: Date,
): SignatureProblem | undefined {
  const signature = headers[SIGNATURE_HEADER];
  const timestamp = headers[TIMESTAMP_HEADER];
  if (typeof signature !== 'string' || typeof timestamp !== 'string' || timestamp.length > 64)
    return 'missing';
  const at = Date.parse(timestamp);
  if (Number.isNaN(at) || Math.abs(now.getTime() - at) > REPLAY_WINDOW_MS) return 'stale';
  const expected = signZendeskWebhook(secret, timestamp, rawBody);
  return constantTimeEqual(signature, expected) ? undefined : 'mismatch';
}

/**
 * The id a signed delivery is de-duplicated by: a hash of the invocation id header together with
 * the signed timestamp and body. The header alone is not signed, so a replayed request that names
 * another delivery's (sequential, guessable) invocation id gets a different key instead of
 * silencing that delivery; an exact redelivery keeps its key.
 */
export function signedDeliveryId(
  invocationId: string | undefined,
  timestamp: string,
  rawBody: Buffer,
): string {
  const hash = createHash('sha256')
    .update(`${invocationId ?? ''}\n${timestamp}\n`)
    .update(rawBody);
  return `zd-${hash.digest('base64url')}`;
}
