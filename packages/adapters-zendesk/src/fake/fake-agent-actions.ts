import type { FakeAudit, FakeStatus, FakeUser } from './fake-records.ts';
import type { FakeState } from './fake-state.ts';

/**
 * What agents, macros and automations do to tickets in Zendesk's own UI, for tests: change a
 * status (an audit with a `Change` event on `status`), merge, delete.
 */
export class FakeAgentActions {
  readonly #state: FakeState;

  constructor(state: FakeState) {
    this.#state = state;
  }

  /** Sets a ticket's status as `agentId` (default: an agent named Dana, created on first use). */
  setStatus(ticketId: string | number, status: FakeStatus, agentId?: string | number): void {
    const ticket = this.#ticket(ticketId);
    this.#state.updateTicket(ticket, this.#agent(agentId).id, { status });
  }

  /**
   * Merges `sourceId` into `targetId` as the merge endpoint does: a note on each, the source
   * closed and tagged `closed_by_merge`. The notes use the default wording an agent sees.
   * https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#merge-tickets-into-target-ticket
   */
  merge(sourceId: string | number, targetId: string | number, agentId?: string | number): void {
    const source = this.#ticket(sourceId);
    const target = this.#ticket(targetId);
    const agent = this.#agent(agentId);
    const note = (body: string) => ({ body, public: false, authorId: agent.id, channel: 'web' });
    this.#state.updateTicket(
      target,
      agent.id,
      {},
      note(`Request #${source.id} "${source.subject}" was closed and merged into this request.`),
    );
    source.tags = [...new Set([...source.tags, 'closed_by_merge'])];
    this.#state.updateTicket(
      source,
      agent.id,
      { status: 'closed' },
      note(`This request was closed and merged into request #${target.id} "${target.subject}".`),
    );
  }

  /** Redacts a comment's text as an agent would (see FakeState.redactComment); throws for an unknown comment. */
  redact(ticketId: string | number, commentId: string | number, agentId?: string | number): void {
    const ticket = this.#ticket(ticketId);
    if (!this.#state.redactComment(ticket, Number(commentId), this.#agent(agentId).id)) {
      throw new Error(`fake Zendesk: no comment ${commentId} on ticket ${ticketId}`);
    }
  }

  /**
   * Deletes a ticket: from then on it answers 404 and is absent from `show_many`.
   * https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#delete-ticket
   */
  delete(ticketId: string | number): void {
    this.#ticket(ticketId);
    this.#state.tickets.delete(Number(ticketId));
  }

  /** The closed ticket a follow-up continues (`via.source.from.ticket_id`, rel `follow_up`). */
  followUpSourceOf(ticketId: string | number): string | undefined {
    const source = this.#ticket(ticketId).via.source;
    return source?.rel === 'follow_up' && source.from?.ticket_id !== undefined
      ? String(source.from.ticket_id)
      : undefined;
  }

  /** The id of the agent with that name, created on first use. */
  agentNamed(name: string): number {
    const known = [...this.#state.users.values()].find((user) => user.name === name);
    const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@example.com`;
    return (known ?? this.#state.addUser(name, email, 'agent')).id;
  }

  /** A ticket's audits, oldest first (what `GET /tickets/{id}/audits` lists). */
  audits(ticketId: string | number): readonly FakeAudit[] {
    return this.#state.audits.get(Number(ticketId)) ?? [];
  }

  #ticket(ticketId: string | number) {
    const ticket = this.#state.tickets.get(Number(ticketId));
    if (!ticket) throw new Error(`fake zendesk: no ticket ${ticketId}`);
    return ticket;
  }

  #agent(agentId: string | number | undefined): FakeUser {
    if (agentId !== undefined) {
      const known = this.#state.users.get(Number(agentId));
      if (!known) throw new Error(`fake zendesk: no user ${agentId}`);
      return known;
    }
    return (
      [...this.#state.users.values()].find((u) => u.name === 'Dana') ??
      this.#state.addUser('Dana', 'dana@example.com', 'agent')
    );
  }
}
