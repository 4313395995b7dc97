import { z } from 'zod';

/** The webhook kinds: a ticket comment, or a new ticket that arrived by email. */
export const ZENDESK_WEBHOOK_KINDS = ['comment', 'email'] as const;
export type ZendeskWebhookKind = (typeof ZENDESK_WEBHOOK_KINDS)[number];

// Zendesk fills placeholders as strings (`"{{ticket.id}}"` → `"123"`); numbers are accepted too.
const ticketId = z.union([
  z
    .string()
    .trim()
    .regex(/^[1-9]\d{0,15}$/),
  z.number().int().positive().max(Number.MAX_SAFE_INTEGER).transform(String),
]);

/** The body the triggers send; unknown fields are tolerated (the whole body is size-limited). */
const bodySchema = z.looseObject({
  token: z.string().max(512),
  ticket_id: ticketId,
  // An empty `{{ticket.external_id}}` renders as "": treated as absent.
  chat_id: z.string().trim().max(256).optional(),
});

/** A parsed, validated webhook body (the token is checked separately). */
export interface WebhookBody {
  readonly token: string;
  readonly ticketId: string;
  readonly chatId?: string;
}

/** Parses a raw JSON body; undefined when it is not an object. */
export function parseRawBody(raw: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The token field alone, so it can be checked before the rest is validated. */
export function tokenOf(body: Record<string, unknown>): string | undefined {
  return typeof body.token === 'string' ? body.token : undefined;
}

/** Validates the fields; undefined when they are malformed. */
export function validateBody(body: Record<string, unknown>): WebhookBody | undefined {
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { token, ticket_id: id, chat_id: chatId } = parsed.data;
  return { token, ticketId: id, ...(chatId ? { chatId } : {}) };
}
