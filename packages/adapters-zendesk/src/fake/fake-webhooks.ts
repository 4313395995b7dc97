import { randomUUID } from 'node:crypto';
import { signZendeskWebhook } from '../webhooks/webhook-signature.ts';
import type { FakeTicket } from './fake-records.ts';

/** Where the fake's triggers post, as an admin would set up the webhooks and triggers. */
export interface FakeWebhookTargets {
  /** The comment webhook (`…/zendesk/webhook/`). */
  readonly commentUrl?: string;
  /** The email webhook (`…/zendesk/email/webhook/`). */
  readonly emailUrl?: string;
  /** The `token` placed in the trigger bodies. */
  readonly token: string;
  /** When set, deliveries are signed like Zendesk's (signature + timestamp headers). */
  readonly signingSecret?: string;
}

/** One delivery the fake made, and the answer it got. */
export interface FakeDelivery {
  readonly url: string;
  readonly invocationId: string;
  readonly body: string;
  readonly status: number;
}

/**
 * Posts a trigger's body the way Zendesk renders it: placeholders as strings
 * (`{"token": "…", "chat_id": "{{ticket.external_id}}", "ticket_id": "{{ticket.id}}"}`), with an
 * invocation id (pass the same one again to imitate a redelivery).
 */
export async function deliverWebhook(
  targets: FakeWebhookTargets,
  kind: 'comment' | 'email',
  ticket: FakeTicket,
  invocationId: string = randomUUID(),
): Promise<FakeDelivery> {
  const url = kind === 'comment' ? targets.commentUrl : targets.emailUrl;
  if (!url) throw new Error(`fake zendesk: no ${kind} webhook configured`);
  const fields =
    kind === 'comment'
      ? { token: targets.token, chat_id: ticket.external_id ?? '', ticket_id: String(ticket.id) }
      : { token: targets.token, ticket_id: String(ticket.id) };
  const body = JSON.stringify(fields);
  const timestamp = new Date().toISOString();
  const signature = targets.signingSecret
    ? {
        'x-zendesk-webhook-signature': signZendeskWebhook(targets.signingSecret, timestamp, body),
        'x-zendesk-webhook-signature-timestamp': timestamp,
      }
    : {};
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-zendesk-webhook-invocation-id': invocationId,
      ...signature,
    },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  await response.arrayBuffer();
  return { url, invocationId, body, status: response.status };
}
