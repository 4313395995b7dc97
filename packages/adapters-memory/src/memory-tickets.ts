import type {
  NewComment,
  NewTicket,
  Ticket,
  TicketComment,
  TicketLink,
  TicketPerson,
  TicketPort,
  TicketStatus,
} from '@zenslackchat/core';
import { IntegrationError, systemClock, TicketClosedError } from '@zenslackchat/core';
import { CallCounter } from './call-counter.ts';
import { FaultInjector } from './fault-injector.ts';
import type {
  MemoryExternalComment,
  MemoryExternalTicket,
  MemoryTicketsOptions,
} from './memory-tickets-config.ts';
import { TicketRecords } from './ticket-records.ts';

/**
 * An in-memory, Zendesk-like TicketPort with a test back door. Ticket and comment ids are
 * increasing integers (comments numbered globally, so they order). `timeout` faults apply the
 * call and then throw, as a lost answer would.
 */
export class MemoryTickets implements TicketPort {
  readonly system = 'memory';
  /** Failures for the next calls. */
  readonly faults = new FaultInjector({ integration: 'memory-tickets', timeoutAfterWork: true });
  readonly #agentId: string;
  readonly #baseUrl: string;
  readonly #records: TicketRecords;
  readonly #byIdempotencyKey = new Map<string, string>();
  readonly #calls = new CallCounter();
  /** The bot's own ticket-side user (`agentId`); absent when built with `whoAmI: false`. */
  readonly whoAmI?: () => Promise<TicketPerson & { readonly id: string }>;

  constructor(options: MemoryTicketsOptions = {}) {
    this.#records = new TicketRecords(options.clock ?? systemClock);
    this.#agentId = options.agentId ?? 'agent-bot';
    this.#baseUrl = (options.ticketBaseUrl ?? 'https://example.zendesk.com/agent/tickets').replace(
      /\/+$/,
      '',
    );
    if (options.whoAmI !== false) {
      this.whoAmI = () => this.#call('whoAmI', () => ({ id: this.#agentId, name: 'Support bot' }));
    }
  }

  /** Every ticket, oldest first. */
  get tickets(): readonly Ticket[] {
    return this.#records.all().map((s) => s.ticket);
  }

  /** One ticket, or undefined. */
  ticket(id: string): Ticket | undefined {
    return this.#records.find(id)?.ticket;
  }

  /** A ticket's comments, oldest first (empty for an unknown ticket). */
  comments(ticketId: string): readonly TicketComment[] {
    return [...(this.#records.find(ticketId)?.comments ?? [])];
  }

  /** Adds a comment as an agent or requester would; returns its id. Not counted, never failed. */
  addExternalComment(ticketId: string, comment: MemoryExternalComment): string {
    const author: TicketPerson = {
      ...(comment.authorId === undefined ? {} : { id: comment.authorId }),
      name: comment.authorName,
    };
    const stored = this.#records.get(ticketId);
    return this.#records.comment(stored, comment.body, comment.public, author, comment.channel ?? 'web');
  }

  /** Creates a ticket as an email would (status `new`, channel `email`); returns its id. */
  createExternalTicket(ticket: MemoryExternalTicket): string {
    const requester: TicketPerson = {
      ...(ticket.requesterName === undefined ? {} : { name: ticket.requesterName }),
      ...(ticket.requesterEmail === undefined ? {} : { email: ticket.requesterEmail }),
    };
    const opening = { channel: 'email', agentId: this.#agentId };
    return this.#records.open(ticket.subject, ticket.body, requester, opening).ticket.id;
  }

  /** Forces a ticket's status, e.g. to `closed` as an agent or automation would. */
  setStatus(id: string, status: TicketStatus): void {
    const stored = this.#records.get(id);
    stored.ticket = { ...stored.ticket, status };
  }

  /** Port calls so far, of one method or of all. */
  callCount(method?: keyof TicketPort & string): number {
    return this.#calls.total(method);
  }

  createTicket(ticket: NewTicket): Promise<Ticket> {
    return this.#call('createTicket', () => {
      const existing = this.#byIdempotencyKey.get(ticket.idempotencyKey);
      if (existing !== undefined) return this.#records.get(existing).ticket;
      const stored = this.#records.open(ticket.subject, ticket.description, ticket.requester ?? null, {
        channel: 'api',
        agentId: this.#agentId,
        externalId: ticket.externalId,
        ...(ticket.groupId === undefined ? {} : { groupId: ticket.groupId }),
        ...(ticket.assigneeId === undefined ? {} : { assigneeId: ticket.assigneeId }),
      });
      this.#byIdempotencyKey.set(ticket.idempotencyKey, stored.ticket.id);
      return stored.ticket;
    });
  }

  getTicket(ticketId: string): Promise<Ticket | undefined> {
    return this.#call('getTicket', () => this.#records.find(ticketId)?.ticket);
  }

  addComment(ticketId: string, comment: NewComment): Promise<{ readonly id: string }> {
    return this.#call('addComment', () => {
      const stored = this.#records.get(ticketId);
      if (stored.ticket.status === 'closed') {
        throw new TicketClosedError(ticketId);
      }
      const author = { id: comment.authorId ?? this.#agentId };
      return { id: this.#records.comment(stored, comment.body, comment.public, author, 'api') };
    });
  }

  listCommentsAfter(ticketId: string, afterId: string | null): Promise<readonly TicketComment[]> {
    return this.#call('listCommentsAfter', () => {
      const comments = this.#records.get(ticketId).comments;
      if (afterId === null) return [...comments];
      if (!/^\d+$/.test(afterId)) {
        throw new IntegrationError('Invalid', `comment id ${afterId} is not numeric`, {
          integration: 'memory-tickets',
        });
      }
      const after = Number(afterId);
      return comments.filter((c) => Number(c.id) > after);
    });
  }

  solveTicket(ticketId: string): Promise<void> {
    return this.#call('solveTicket', () => {
      const stored = this.#records.get(ticketId);
      if (stored.ticket.status === 'solved' || stored.ticket.status === 'closed') return;
      stored.ticket = { ...stored.ticket, status: 'solved' };
    });
  }

  linkTicket(ticketId: string, link: TicketLink): Promise<void> {
    return this.#call('linkTicket', () => {
      const stored = this.#records.get(ticketId);
      if (stored.ticket.status === 'closed') throw new TicketClosedError(ticketId);
      stored.ticket = {
        ...stored.ticket,
        ...(link.externalId === undefined ? {} : { externalId: link.externalId }),
        ...(link.groupId === undefined ? {} : { groupId: link.groupId }),
        ...(link.assigneeId === undefined ? {} : { assigneeId: link.assigneeId }),
      };
    });
  }

  ticketUrl(ticketId: string): string {
    return `${this.#baseUrl}/${ticketId}`;
  }

  #call<T>(method: string, work: () => T): Promise<T> {
    this.#calls.count(method);
    return this.faults.run(method, work);
  }
}
