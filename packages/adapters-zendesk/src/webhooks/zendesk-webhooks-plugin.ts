import { type Clock, type Logger, systemClock } from '@zenslackchat/core';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { constantTimeEqual } from '../constant-time.ts';
import { parseRawBody, tokenOf, validateBody, type ZendeskWebhookKind } from './webhook-body.ts';
import { checkZendeskSignature, signedDeliveryId, TIMESTAMP_HEADER } from './webhook-signature.ts';

/** What the plugin hands to the server for each authentic, well-formed notification. */
export interface ZendeskWebhookInput {
  readonly kind: ZendeskWebhookKind;
  readonly ticketId: string;
  /** The `chat_id` the comment trigger sent (the ticket's external id), when not empty. */
  readonly externalId?: string;
  /**
   * What to de-duplicate by, only for a signed delivery: a hash covering the invocation id, the
   * signed timestamp and the body (the same on an exact redelivery). Absent when unsigned: an
   * unsigned header must not decide which delivery is dropped.
   */
  readonly deliveryId?: string;
}

/** `accepted` (recorded for work), `duplicate` (seen before), `unknown` (no such issue: ignored). */
export type ZendeskWebhookOutcome = 'accepted' | 'duplicate' | 'unknown';

/** Options of `zendeskWebhooksPlugin` (env var names in the field docs). */
export interface ZendeskWebhooksOptions {
  /** `ZENDESK_WEBHOOK_TOKEN`: the `token` field the triggers send. */
  readonly webhookToken: string;
  /**
   * `ZENDESK_WEBHOOK_SECRET`: when set, Zendesk's signature headers are required too (the server
   * requires it in production unless ZENDESK_WEBHOOK_ALLOW_UNSIGNED is set).
   */
  readonly signingSecret?: string;
  readonly clock?: Clock;
  /** Records the notification durably and fast; must not call Slack or Zendesk. Throwing → 503. */
  readonly accept: (input: ZendeskWebhookInput) => Promise<ZendeskWebhookOutcome>;
  /** Defaults to the request's logger. */
  readonly logger?: Logger;
  /** Largest body accepted (default 16 KiB); bigger → 413. */
  readonly bodyLimit?: number;
  /** How long `accept` may take before the answer is 503 (default 5 s; Zendesk gives up at 10 s). */
  readonly acceptTimeoutMs?: number;
}

const INVOCATION_HEADER = 'x-zendesk-webhook-invocation-id';
// Zendesk retries a 503 only with a Retry-After under 60 s (and a 409 or a timeout on its own).
const RETRY_AFTER_S = '10';

/**
 * `POST /zendesk/webhook/` (comments: `{token, chat_id, ticket_id}`) and
 * `POST /zendesk/email/webhook/` (email tickets: `{token, ticket_id}`), JSON only (else 415).
 * Encapsulated: it keeps raw bodies for the signature without changing the parent's parsers. 403 on a bad token or
 * signature, 400 on a malformed body, 200 once handed to `accept` (also for unknown tickets, so
 * Zendesk does not deactivate the webhook), 503 + Retry-After when `accept` fails (Zendesk retries).
 */
export const zendeskWebhooksPlugin: FastifyPluginAsync<ZendeskWebhooksOptions> = async (app, options) => {
  const clock = options.clock ?? systemClock;
  const acceptTimeoutMs = options.acceptTimeoutMs ?? 5000;
  app.removeAllContentTypeParsers();
  // Zendesk's trigger webhooks send JSON; anything else is 415 before any check.
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: options.bodyLimit ?? 16 * 1024 },
    (_req, body, done) => done(null, body),
  );

  const handle = (kind: ZendeskWebhookKind) => async (request: FastifyRequest, reply: FastifyReply) => {
    const log = options.logger ?? (request.log as Logger);
    const route = request.routeOptions.url;
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    if (options.signingSecret) {
      const problem = checkZendeskSignature(options.signingSecret, request.headers, raw, clock.now());
      if (problem) {
        log.error({ route, reason: `signature-${problem}` }, 'zendesk webhook refused');
        return reply.code(403).send({ error: 'forbidden' });
      }
    }
    const body = parseRawBody(raw);
    if (!body) {
      log.warn({ route, reason: 'not-an-object' }, 'zendesk webhook malformed');
      return reply.code(400).send({ error: 'malformed body' });
    }
    const token = tokenOf(body);
    if (token === undefined || !constantTimeEqual(token, options.webhookToken)) {
      log.error(
        { route, reason: token === undefined ? 'token-missing' : 'token-mismatch' },
        'zendesk webhook refused',
      );
      return reply.code(403).send({ error: 'forbidden' });
    }
    const valid = validateBody(body);
    if (!valid) {
      log.warn({ route, reason: 'invalid-fields' }, 'zendesk webhook malformed');
      return reply.code(400).send({ error: 'malformed body' });
    }
    const deliveryId = options.signingSecret
      ? signedDeliveryId(
          invocationId(request.headers[INVOCATION_HEADER]),
          String(request.headers[TIMESTAMP_HEADER]),
          raw,
        )
      : undefined;
    const input: ZendeskWebhookInput = {
      kind,
      ticketId: valid.ticketId,
      ...(kind === 'comment' && valid.chatId ? { externalId: valid.chatId } : {}),
      ...(deliveryId ? { deliveryId } : {}),
    };
    let outcome: ZendeskWebhookOutcome;
    try {
      outcome = await withTimeout(options.accept(input), acceptTimeoutMs);
    } catch (error) {
      log.error(
        { route, kind, ticketId: input.ticketId, err: error },
        'zendesk webhook not recorded; Zendesk will retry',
      );
      return reply.code(503).header('retry-after', RETRY_AFTER_S).send({ error: 'unavailable' });
    }
    const fields = { route, kind, ticketId: input.ticketId, outcome, ...(deliveryId ? { deliveryId } : {}) };
    if (outcome === 'unknown')
      log.info(fields, 'zendesk webhook for a ticket the bot does not track; ignored');
    else log.debug(fields, 'zendesk webhook recorded');
    return reply.code(200).send({ ok: true, outcome });
  };

  app.post('/zendesk/webhook/', handle('comment'));
  app.post('/zendesk/email/webhook/', handle('email'));
};

function invocationId(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && /^[\w.:-]{1,128}$/.test(value) ? value : undefined;
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`accept took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
