import { apiError, type FakeAudit, type FakeResponse } from './fake-records.ts';
import type { FakeState } from './fake-state.ts';
import { includes, usersOf } from './fake-tickets-api.ts';
import { eventWire, type FakeMode } from './fake-wire.ts';

/**
 * `GET /tickets/{id}/audits`: offset pages of at most 100 audits, oldest first unless
 * `sort_order=desc`, users sideloaded on `include=users`; 404 for an unknown ticket. Each audit
 * has `id`, `ticket_id`, `created_at`, `author_id`, `via`, `metadata` and its `events`, as in the
 * documented example: `Create` and `Change` (`field_name`, `value`, `previous_value`) events, and
 * `Comment` events which in the minimal mode carry only what the audits page's example shows
 * (attachments, body, id, public, type: no author, no time). The minimal mode leaves out
 * `metadata` and `via` too.
 * https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_audits/#list-audits-for-a-ticket
 */
export function listAudits(
  state: FakeState,
  ticketId: number,
  query: Readonly<Record<string, string>>,
  url: string,
  mode: FakeMode,
): FakeResponse {
  if (!state.tickets.has(ticketId)) return apiError(404, 'RecordNotFound', 'Not found');
  const all = [...(state.audits.get(ticketId) ?? [])];
  if (query.sort_order === 'desc') all.reverse();
  const perPage = Math.min(100, Math.max(1, Number(query.per_page ?? 100) || 100));
  const page = Math.max(1, Number(query.page ?? 1) || 1);
  const audits = all.slice((page - 1) * perPage, page * perPage);
  const next = new URL(url);
  next.searchParams.set('page', String(page + 1));
  const body: Record<string, unknown> = {
    audits: audits.map((audit) => listedAudit(audit, mode)),
    count: all.length,
    next_page: page * perPage < all.length ? next.toString() : null,
    previous_page: null,
  };
  if (includes(query, 'users'))
    body.users = usersOf(
      state,
      audits.map((audit) => audit.author_id),
    );
  return { status: 200, body };
}

function listedAudit(audit: FakeAudit, mode: FakeMode): Record<string, unknown> {
  const base = {
    author_id: audit.author_id,
    created_at: audit.created_at,
    events: audit.events.map((event) => eventWire(event, mode)),
    id: audit.id,
    ticket_id: audit.ticket_id,
  };
  if (mode === 'minimal') return base;
  return {
    ...base,
    metadata: { custom: {}, system: {} },
    via: audit.via ?? { channel: 'web', source: { from: {}, rel: null, to: {} } },
  };
}
