import { apiError, type FakeResponse } from './fake-records.ts';
import type { FakeState } from './fake-state.ts';
import { type FakeMode, ticketWire } from './fake-wire.ts';

/**
 * `GET /tickets/show_many?ids=1,2,3`: `{ tickets: [...] }` with the tickets that exist, at most 100
 * ids a call. Tickets that no longer exist (deleted) are simply not in the list.
 * https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#show-multiple-tickets
 */
export function showManyTickets(
  state: FakeState,
  query: Readonly<Record<string, string>>,
  mode: FakeMode,
): FakeResponse {
  const raw = (query.ids ?? '').split(',').filter((part) => part !== '');
  if (raw.length === 0 || raw.some((part) => !/^\d+$/.test(part))) {
    return apiError(400, 'InvalidParameter', 'ids must be a comma-separated list of ticket ids');
  }
  if (raw.length > 100) return apiError(400, 'InvalidParameter', 'at most 100 ids are allowed');
  const tickets = raw.flatMap((id) => {
    const ticket = state.tickets.get(Number(id));
    // `updated_at` is read-only and set on every ticket (JSON format table), so even the minimal
    // answer has it: the sweep tells a changed ticket by it.
    return ticket ? [{ ...ticketWire(ticket, mode), updated_at: ticket.updated_at }] : [];
  });
  return { status: 200, body: { tickets } };
}
