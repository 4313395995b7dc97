import { applyFollowUp } from './fake-follow-up.ts';
import {
  apiError,
  type FakeAudit,
  type FakeResponse,
  type FakeTicket,
  type FakeUser,
} from './fake-records.ts';
import type { FakeState } from './fake-state.ts';
import { createTicketBody, invalidField, updateTicketBody, validate } from './fake-validation.ts';
import { auditWire, type FakeMode, ticketWire, userWire } from './fake-wire.ts';

const notFound = apiError(404, 'RecordNotFound', 'Not found');

// What Zendesk answers an update of a closed ticket, as reported in
// https://github.com/Speedygeek/ZendeskApi_v2/issues/59 (the error shape of
// https://developer.zendesk.com/api-reference/introduction/requests/#400-range).
const closedTicket = apiError(422, 'RecordInvalid', 'Record validation errors', {
  status: [{ description: 'Status closed prevents ticket update' }],
});

/** `POST /tickets`: strict body, resolved people, 201 with the ticket (and its audit when full). */
export function createTicket(
  state: FakeState,
  actor: FakeUser,
  body: unknown,
  baseUrl: string,
  mode: FakeMode,
): FakeResponse {
  const parsed = validate(createTicketBody, body);
  if (!parsed.ok) return parsed.error;
  const input = parsed.value.ticket;
  const people = checkPeople(state, input);
  if (people) return people;
  let requesterId = input.requester_id ?? actor.id;
  if (input.requester_id !== undefined && !state.users.has(input.requester_id)) {
    return invalidField('requester_id', 'is not a known user');
  }
  if (input.requester) {
    const known = state.userByEmail(input.requester.email);
    if (!known && !input.requester.name) return invalidField('requester.name', 'is required for a new user');
    requesterId = (known ?? state.addUser(input.requester.name ?? '', input.requester.email, 'end-user')).id;
  }
  const authorId = input.comment.author_id ?? actor.id;
  // Stricter than Zendesk: an unknown or used upload token is a 422, not silently dropped.
  const createFiles = state.uploads.take(input.comment.uploads);
  if (createFiles === undefined) return invalidField('comment.uploads', 'names an unknown upload token');
  const created = state.createTicket({
    subject: input.subject ?? '',
    comment: {
      body: commentText(input.comment),
      public: input.comment.public ?? true,
      authorId,
      channel: 'api',
      attachments: createFiles,
    },
    requesterId,
    submitterId: actor.id,
    externalId: input.external_id ?? null,
    groupId: input.group_id ?? null,
    assigneeId: input.assignee_id ?? null,
    ...(input.status ? { status: input.status } : {}),
    ...(input.tags ? { tags: input.tags } : {}),
    channel: 'api',
  });
  applyFollowUp(state, created.ticket, input.via_followup_source_id, input.tags !== undefined);
  // https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#create-ticket: 201, a Location header; its example shows the ticket alone.
  return {
    status: 201,
    headers: { location: `${baseUrl}/tickets/${created.ticket.id}.json` },
    body: mode === 'minimal' ? { ticket: ticketWire(created.ticket, mode) } : withAudit(created, mode),
  };
}

/** `PUT /tickets/{id}`: 404 unknown, 422 closed or invalid, 200 with the ticket and audit. */
export function updateTicket(
  state: FakeState,
  actor: FakeUser,
  ticketId: number,
  body: unknown,
  mode: FakeMode,
): FakeResponse {
  const ticket = state.tickets.get(ticketId);
  if (!ticket) return notFound;
  const parsed = validate(updateTicketBody, body);
  if (!parsed.ok) return parsed.error;
  if (ticket.status === 'closed') return closedTicket;
  const input = parsed.value.ticket;
  const people = checkPeople(state, input);
  if (people) return people;
  // Zendesk's system ticket rules (without the optional "auto assign upon solve" setting).
  const assignee = input.assignee_id;
  const assigned = (assignee === undefined ? ticket.assignee_id : assignee) !== null;
  if (input.status === 'solved' && !assigned)
    return invalidField('assignee_id', 'is required to solve a ticket');
  if (input.status === 'new' && ticket.status !== 'new')
    return invalidField('status', 'cannot be set back to new');
  const status = input.status ?? (ticket.status === 'new' && assigned ? 'open' : undefined);
  const comment = input.comment;
  const files = state.uploads.take(comment?.uploads);
  if (files === undefined) return invalidField('comment.uploads', 'names an unknown upload token');
  const updated = state.updateTicket(
    ticket,
    actor.id,
    {
      ...(status ? { status } : {}),
      ...(input.external_id !== undefined ? { external_id: input.external_id } : {}),
      ...(input.group_id !== undefined ? { group_id: input.group_id } : {}),
      ...(assignee !== undefined ? { assignee_id: assignee } : {}),
      ...(input.subject !== undefined ? { subject: input.subject } : {}),
    },
    comment
      ? {
          body: commentText(comment),
          public: comment.public ?? true,
          authorId: comment.author_id ?? actor.id,
          channel: 'api',
          attachments: files,
        }
      : undefined,
  );
  // https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#update-ticket: 200 with `{ ticket, audit }`.
  return { status: 200, body: withAudit(updated, mode) };
}

/**
 * `GET /tickets/{id}` (https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#show-ticket), sideloading users on `include=users`
 * (https://developer.zendesk.com/documentation/ticketing/using-the-zendesk-api/side_loading/).
 */
export function showTicket(
  state: FakeState,
  ticketId: number,
  query: Record<string, string>,
  mode: FakeMode,
): FakeResponse {
  const ticket = state.tickets.get(ticketId);
  if (!ticket) return notFound;
  const body: Record<string, unknown> = { ticket: ticketWire(ticket, mode) };
  if (includes(query, 'users')) {
    const people = [ticket.requester_id, ticket.submitter_id, ticket.assignee_id];
    body.users = usersOf(state, people).map((user) => userWire(user, mode));
  }
  return { status: 200, body };
}

/**
 * `GET /tickets?external_id=` (https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#list-tickets): one offset page of the tickets with that
 * external id (all tickets without it); minimal leaves out `count` and `previous_page`.
 */
export function listTickets(state: FakeState, query: Record<string, string>, mode: FakeMode): FakeResponse {
  const wanted = query.external_id;
  const found = [...state.tickets.values()].filter((t) => wanted === undefined || t.external_id === wanted);
  const tickets = found.map((ticket) => ticketWire(ticket, mode));
  const page = mode === 'minimal' ? {} : { previous_page: null, count: tickets.length };
  return { status: 200, body: { tickets, next_page: null, ...page } };
}

function withAudit(answer: { ticket: FakeTicket; audit: FakeAudit }, mode: FakeMode) {
  return { ticket: ticketWire(answer.ticket, mode), audit: auditWire(answer.audit, mode) };
}

/** True when `include` lists `what`. */
export function includes(query: Record<string, string>, what: string): boolean {
  return (query.include ?? '').split(',').includes(what);
}

/** The users with these ids, skipping nulls and duplicates. */
export function usersOf(state: FakeState, ids: readonly (number | null)[]): FakeUser[] {
  return [...new Set(ids)].flatMap((id) => (id === null ? [] : (state.users.get(id) ?? [])));
}

function checkPeople(
  state: FakeState,
  input: {
    assignee_id?: number | null | undefined;
    group_id?: number | null | undefined;
    comment?: { author_id?: number | undefined } | undefined;
  },
): FakeResponse | undefined {
  if (input.assignee_id != null && state.users.get(input.assignee_id)?.role === undefined) {
    return invalidField('assignee_id', 'is not a known user');
  }
  if (input.assignee_id != null && state.users.get(input.assignee_id)?.role === 'end-user') {
    return invalidField('assignee_id', 'is not an agent');
  }
  if (input.group_id != null && !state.groups.has(input.group_id))
    return invalidField('group_id', 'is not a known group');
  const authorId = input.comment?.author_id;
  if (authorId !== undefined && !state.users.has(authorId))
    return invalidField('comment.author_id', 'is not a known user');
  return undefined;
}

function commentText(comment: { body?: string | undefined; html_body?: string | undefined }): string {
  return comment.body ?? (comment.html_body ?? '').replace(/<[^>]*>/g, '');
}
