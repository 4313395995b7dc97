import type { FakeTicket } from './fake-records.ts';
import type { FakeState } from './fake-state.ts';

/**
 * `POST /tickets` with `via_followup_source_id`: the new ticket continues that closed ticket,
 * which its `via` names (`source.from` = `ticket_id`, `subject`; `rel` = `follow_up`), and
 * inherits its tags unless the request gave tags. On a ticket that is not closed the parameter
 * has no effect.
 * https://developer.zendesk.com/documentation/ticketing/managing-tickets/creating-and-updating-tickets
 * https://developer.zendesk.com/documentation/ticketing/reference-guides/via-object-reference
 */
export function applyFollowUp(
  state: FakeState,
  ticket: FakeTicket,
  sourceId: number | undefined,
  tagsGiven: boolean,
): void {
  if (sourceId === undefined) return;
  const source = state.tickets.get(sourceId);
  if (source?.status !== 'closed') return;
  ticket.via = {
    channel: ticket.via.channel,
    source: { from: { ticket_id: source.id, subject: source.subject }, to: {}, rel: 'follow_up' },
  };
  if (!tagsGiven) ticket.tags = [...source.tags];
}
