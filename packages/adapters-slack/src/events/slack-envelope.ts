import { z } from 'zod';

/** The `url_verification` handshake. */
export const urlVerificationSchema = z.looseObject({
  type: z.literal('url_verification'),
  challenge: z.string().min(1).max(500),
  token: z.string().optional(),
});

/** The `event_callback` envelope; the inner event is checked by type later. */
export const eventCallbackSchema = z.looseObject({
  type: z.literal('event_callback'),
  event_id: z.string().min(1).max(200),
  team_id: z.string().optional(),
  token: z.string().optional(),
  event: z.looseObject({ type: z.string().min(1) }),
});

/** Slack telling the app it is over the events rate limit. */
export const appRateLimitedSchema = z.looseObject({
  type: z.literal('app_rate_limited'),
  team_id: z.string().optional(),
  minute_rate_limited: z.number().optional(),
});

/** Any payload the Events API sends to the request URL. */
export const slackEnvelopeSchema = z.discriminatedUnion('type', [
  urlVerificationSchema,
  eventCallbackSchema,
  appRateLimitedSchema,
]);
export type SlackEnvelope = z.infer<typeof slackEnvelopeSchema>;
export type EventCallback = z.infer<typeof eventCallbackSchema>;

/**
 * Decodes a raw body: JSON, or a form body whose `payload` field holds JSON (how Slack posts
 * interactive payloads). Undefined when it is neither.
 */
export function decodeSlackBody(raw: Buffer, form: boolean): unknown {
  try {
    const text = raw.toString('utf8');
    if (!form) return JSON.parse(text) as unknown;
    const payload = new URLSearchParams(text).get('payload');
    return payload === null ? undefined : (JSON.parse(payload) as unknown);
  } catch {
    return undefined;
  }
}

/** Names the fields a payload got wrong (paths only, never values), for a log line. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`)
    .join('; ');
}
