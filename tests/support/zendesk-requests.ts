import { SIGNATURE_HEADER, signZendeskWebhook, TIMESTAMP_HEADER } from '@zenslackchat/adapters-zendesk';

/** The two webhook targets the seed's Zendesk triggers call. */
export const ZENDESK_TARGETS = { comment: '/zendesk/webhook/', email: '/zendesk/email/webhook/' } as const;
export type ZendeskTarget = keyof typeof ZENDESK_TARGETS;

/** Options of one webhook delivery. */
export interface WebhookOptions {
  /** Sign with this secret (default the configured one); `null` sends no signature. */
  readonly secret?: string | null;
  /** Signature timestamp (default now). */
  readonly at?: Date;
}

/** Posts a webhook body to the bot as a Zendesk trigger would (signed with the webhook secret). */
export async function postZendeskWebhook(
  baseUrl: string,
  target: ZendeskTarget,
  body: Readonly<Record<string, unknown>> | string,
  webhookSecret: string,
  options: WebhookOptions = {},
): Promise<{ status: number; text: string }> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const secret = options.secret === undefined ? webhookSecret : options.secret;
  const timestamp = (options.at ?? new Date()).toISOString();
  const response = await fetch(`${baseUrl}${ZENDESK_TARGETS[target]}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(secret === null
        ? {}
        : { [SIGNATURE_HEADER]: signZendeskWebhook(secret, timestamp, raw), [TIMESTAMP_HEADER]: timestamp }),
    },
    body: raw,
  });
  return { status: response.status, text: await response.text() };
}
