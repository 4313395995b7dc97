import { z } from 'zod';
import { invalidResponse } from './zendesk-errors.ts';

// What the adapter reads from Zendesk's answers; unknown fields are ignored (the API adds fields).
/** A Zendesk id, as a number or a digit string, read as a string. */
export const id = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/)]).transform(String);
const nullableId = id
  .nullable()
  .optional()
  .transform((value) => value ?? null);

/** A ticket. */
export const ticketSchema = z.object({
  id,
  subject: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  status: z.string(),
  external_id: z.string().nullable().optional(),
  group_id: nullableId,
  assignee_id: nullableId,
  requester_id: nullableId,
  created_at: z.string().nullable().optional(),
  updated_at: z.string().nullable().optional(),
});
export type ZendeskTicket = z.infer<typeof ticketSchema>;

/** A user, as sideloaded or searched. */
export const userSchema = z.object({
  id,
  name: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
});
export type ZendeskUser = z.infer<typeof userSchema>;

/**
 * A comment's attachment (https://developer.zendesk.com/api-reference/ticketing/tickets/ticket-attachments/#json-format).
 * Name and URL are what a link needs; id, size and type, when present and readable, let the file
 * itself be copied. An unreadable one is dropped rather than failing the whole comment.
 */
export const attachmentSchema = z.object({
  file_name: z.string(),
  content_url: z.string(),
  id: id.optional().catch(undefined),
  size: z.number().int().nonnegative().nullable().optional().catch(undefined),
  content_type: z.string().min(1).nullable().optional().catch(undefined),
});
export type ZendeskAttachment = z.infer<typeof attachmentSchema>;

/**
 * A listed comment (GET /tickets/{id}/comments): what the bot forwards. `public` decides where it
 * may go, so it is required; author and time are optional (a nameless, undated comment still goes).
 */
export const commentSchema = z.object({
  id,
  type: z.string().optional(),
  author_id: id.nullable().optional(),
  body: z.string().nullable().optional(),
  plain_body: z.string().nullable().optional(),
  public: z.boolean(),
  via: z
    .object({ channel: z.union([z.string(), z.number()]).transform(String) })
    .nullable()
    .optional(),
  attachments: z.array(attachmentSchema).nullable().optional(),
  created_at: z.string().nullable().optional(),
});
export type ZendeskComment = z.infer<typeof commentSchema>;

const auditSchema = z.object({ events: z.array(z.object({ type: z.string() }).loose()) });

/** `POST /tickets` and `PUT /tickets/{id}`: the ticket and, usually, its audit. */
export const ticketWithAuditSchema = z.object({ ticket: ticketSchema, audit: auditSchema.optional() });

/** `GET /tickets/{id}` with `include=users`. */
export const showTicketSchema = z.object({ ticket: ticketSchema, users: z.array(userSchema).optional() });

/** `GET /tickets?external_id=`. */
export const ticketListSchema = z.object({ tickets: z.array(ticketSchema) });

/** `GET /tickets/{id}/comments` (offset pagination) with `include=users`. */
export const commentPageSchema = z.object({
  comments: z.array(commentSchema),
  users: z.array(userSchema).optional(),
  next_page: z.string().nullable().optional(),
});

/** `GET /users/search`. */
export const userListSchema = z.object({ users: z.array(userSchema) });

/** `POST /users/create_or_update`. */
export const userResultSchema = z.object({ user: userSchema });

/** Parses a vendor body or throws `Invalid` naming the operation and the first problem. */
export function parseAnswer<T>(schema: z.ZodType<T>, body: unknown, operation: string): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw invalidResponse(
    operation,
    `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
    parsed.error,
  );
}

// An audit's `Comment` event: only its id is needed. Zendesk documents no `created_at` on it and
// its ticket-audits example has no `author_id` either.
// https://developer.zendesk.com/documentation/ticketing/reference-guides/ticket-audit-events-reference
const auditCommentSchema = z.object({ id });

/** The first `Comment` event of an audit (other and undocumented event types are ignored). */
export function auditComment(
  audit: z.infer<typeof auditSchema> | undefined,
): { readonly id: string } | undefined {
  const event = audit?.events.find((candidate) => candidate.type === 'Comment');
  const parsed = auditCommentSchema.safeParse(event);
  return parsed.success ? parsed.data : undefined;
}
