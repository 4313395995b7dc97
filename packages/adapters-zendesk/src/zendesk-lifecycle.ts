import {
  IntegrationError,
  type StatusChange,
  TICKET_STATUSES,
  type TicketState,
  type TicketStatus,
} from '@zenslackchat/core';
import { z } from 'zod';
import { invalidResponse } from './zendesk-errors.ts';
import type { ZendeskHttp } from './zendesk-http.ts';
import { isZendeskId } from './zendesk-ids.ts';
import { usersById } from './zendesk-mapping.ts';
import { id, parseAnswer, userSchema } from './zendesk-schemas.ts';

// Only what the sweep needs from each ticket; other fields are ignored.
/** A timestamp Date can read. */
export const instant = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a date');
const showManySchema = z.object({
  tickets: z.array(
    z.object({
      id,
      status: z.string(),
      updated_at: instant,
    }),
  ),
});

// An audit, reduced to what says who changed the status and when; other event types are ignored.
const auditsSchema = z.object({
  audits: z.array(
    z.object({
      author_id: id.nullable().optional(),
      created_at: instant,
      events: z.array(z.object({ type: z.string() }).loose()),
    }),
  ),
  users: z.array(userSchema).optional(),
});
const statusChangeSchema = z.object({
  type: z.literal('Change'),
  field_name: z.literal('status'),
  value: z.string(),
  previous_value: z.string().nullable().optional(),
});
const commentEventSchema = z.object({ type: z.literal('Comment'), body: z.string().nullable().optional() });

// The note a merge leaves on the source ticket names the target: "…merged into request #123 …".
export const MERGE_NOTE = /merged into request #(\d{1,20})\b/;

/**
 * GET /tickets/show_many?ids=… (at most 100 ids): status and last change of each
 * ticket that exists. https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#show-multiple-tickets
 */
export async function ticketStates(
  http: ZendeskHttp,
  ticketIds: readonly string[],
): Promise<readonly TicketState[]> {
  const ids = ticketIds.filter(isZendeskId);
  if (ticketIds.length > 100) {
    throw new IntegrationError('Invalid', 'show_many takes at most 100 ids', { integration: 'zendesk' });
  }
  if (ids.length === 0) return [];
  const answer = await http.send('tickets.show_many', 'GET', ['tickets', 'show_many'], {
    query: { ids: ids.join(',') },
  });
  const { tickets } = parseAnswer(showManySchema, answer.body, 'tickets.show_many');
  return tickets.map((ticket) => ({
    id: ticket.id,
    status: knownStatus(ticket.status, 'tickets.show_many'),
    updatedAt: new Date(ticket.updated_at),
  }));
}

/**
 * GET /tickets/{id}/audits?sort_order=desc&include=users: the audit that brought the ticket into
 * its current state (who, when; the merge target when that audit's note names one): the newest
 * `Change` of `status`, except that a close right after a solve gives way to the solve (closing a
 * solved ticket is Zendesk's automation, not news). Looks at the newest 100 audits; undefined when
 * none changed the status or the ticket is gone.
 * https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_audits/#list-audits-for-a-ticket
 */
export async function lastStatusChange(
  http: ZendeskHttp,
  ticketId: string,
): Promise<StatusChange | undefined> {
  if (!isZendeskId(ticketId)) return undefined;
  let body: unknown;
  try {
    const query = { sort_order: 'desc', per_page: '100', include: 'users' };
    body = (await http.send('tickets.audits', 'GET', ['tickets', ticketId, 'audits'], { query })).body;
  } catch (error) {
    if (error instanceof IntegrationError && error.reason === 'NotFound') return undefined;
    throw error;
  }
  const { audits, users } = parseAnswer(auditsSchema, body, 'tickets.audits');
  const people = usersById(users);
  for (const audit of audits) {
    const change = audit.events.map((event) => statusChangeSchema.safeParse(event)).find((p) => p.success);
    if (!change?.data) continue;
    if (change.data.value === 'closed' && change.data.previous_value === 'solved') continue;
    const note = audit.events
      .map((event) => commentEventSchema.safeParse(event))
      .map((parsed) => (parsed.success ? MERGE_NOTE.exec(parsed.data.body ?? '')?.[1] : undefined))
      .find((target) => target !== undefined);
    const authorId = audit.author_id ?? null;
    const name = authorId === null ? undefined : people.get(authorId)?.name;
    return {
      status: knownStatus(change.data.value, 'tickets.audits'),
      at: new Date(audit.created_at),
      by: authorId === null ? null : { id: authorId, ...(name ? { name } : {}) },
      mergedInto: note ?? null,
    };
  }
  return undefined;
}

/** The status as the bot knows it, or `Invalid` naming the operation. */
export function knownStatus(status: string, operation: string): TicketStatus {
  const known = TICKET_STATUSES.find((candidate) => candidate === status);
  if (!known) throw invalidResponse(operation, `unknown status ${JSON.stringify(status.slice(0, 20))}`);
  return known;
}
