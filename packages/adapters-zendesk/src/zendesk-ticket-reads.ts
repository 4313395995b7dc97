import { IntegrationError, type Ticket } from '@zenslackchat/core';
import type { ZendeskHttp } from './zendesk-http.ts';
import { isZendeskId } from './zendesk-ids.ts';
import { toPerson, toTicket, usersById } from './zendesk-mapping.ts';
import { commentPageSchema, parseAnswer, showTicketSchema, ticketListSchema } from './zendesk-schemas.ts';

/** GET /tickets/{id} with users sideloaded (requester name and email); undefined on 404 or a non-id. */
export async function showTicket(http: ZendeskHttp, ticketId: string): Promise<Ticket | undefined> {
  if (!isZendeskId(ticketId)) return undefined;
  let body: unknown;
  try {
    const query = { include: 'users' };
    body = (await http.send('tickets.show', 'GET', ['tickets', ticketId], { query })).body;
  } catch (error) {
    if (error instanceof IntegrationError && error.reason === 'NotFound') return undefined;
    throw error;
  }
  const { ticket, users } = parseAnswer(showTicketSchema, body, 'tickets.show');
  const requester = toPerson(ticket.requester_id, usersById(users));
  return toTicket(ticket, requester, await firstCommentId(http, ticket.id));
}

/** The ticket's status and assignee as Zendesk reports them. */
export async function ticketState(
  http: ZendeskHttp,
  ticketId: string,
): Promise<{ status: string; assigneeId: string | null }> {
  const answer = await http.send('tickets.show', 'GET', ['tickets', ticketId]);
  const { ticket } = parseAnswer(showTicketSchema, answer.body, 'tickets.show');
  return { status: ticket.status, assigneeId: ticket.assignee_id };
}

/** The oldest ticket with this external id (GET /tickets?external_id=), if any. */
export async function findByExternalId(http: ZendeskHttp, externalId: string): Promise<Ticket | undefined> {
  const answer = await http.send('tickets.find', 'GET', ['tickets'], { query: { external_id: externalId } });
  const { tickets } = parseAnswer(ticketListSchema, answer.body, 'tickets.find');
  const [oldest] = tickets
    .filter((ticket) => ticket.external_id === externalId)
    .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
  if (!oldest) return undefined;
  return toTicket(oldest, toPerson(oldest.requester_id, new Map()), await firstCommentId(http, oldest.id));
}

/** The id of a ticket's first comment (its description): one comment, oldest first. */
export async function firstCommentId(http: ZendeskHttp, ticketId: string): Promise<string | null> {
  const answer = await http.send('comments.first', 'GET', ['tickets', ticketId, 'comments'], {
    query: { sort_order: 'asc', per_page: 1 },
  });
  return parseAnswer(commentPageSchema, answer.body, 'comments.first').comments[0]?.id ?? null;
}
