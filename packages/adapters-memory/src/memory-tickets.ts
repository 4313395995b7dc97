import type {
  Clock,
  NewComment,
  NewTicket,
  Ticket,
  TicketComment,
  TicketLink,
  TicketPerson,
  TicketPort,
  TicketStatus,
} from '@zenslackchat/core';
import { IntegrationError, systemClock } from '@zenslackchat/core';
import { CallCounter } from './call-counter.ts';
import { FaultInjector } from './fault-injector.ts';

export interface MemoryTicketsOptions {
  /** Stamps tickets and comments (default the system clock). */
  readonly clock?: Clock;
  /** Author of the bot's comments when a comment names none (default `agent-bot`). */
  readonly agentId?: string;
  /** Base of ticket links (default `https://example.zendesk.com/agent/tickets`). */
  readonly ticketBaseUrl?: string;
}

/** A comment made on the ticketing side (by an agent or requester, not through the port). */
export interface MemoryExternalComment {
  readonly body: string;
  readonly public: boolean;
  readonly authorName: string;
  readonly authorId?: string;
  /** How it arrived (default `web`). */
  readonly channel?: string;
}

/** A ticket created on the ticketing side, as an email creates one. */
export interface MemoryExternalTicket {
  readonly subject: string;
  readonly body: string;
  readonly requesterName?: string;
  readonly requesterEmail?: string;
}

interface StoredTicket {
  ticket: Ticket;
  readonly comments: TicketComment[];
}

/**
 * An in-memory, Zendesk-like TicketPort with a test back door. Ticket and comment ids are
 * increasing integers (comments numbered globally, so they order). `timeout` faults apply the
 * call and then throw, as a lost answer would.
 */
export class MemoryTickets implements TicketPort {
  readonly system = 'memory';
  /** Failures for the next calls. */
  readonly faults = new FaultInjector({ integration: 'memory-tickets', timeoutAfterWork: true });
  readonly #clock: Clock;
  readonly #agentId: string;
  readonly #baseUrl: string;
  readonly #tickets = new Map<string, StoredTicket>();
  readonly #byIdempotencyKey = new Map<string, string>();
  readonly #calls = new CallCounter();
  #lastTicketId = 0;
  #lastCommentId = 0;

  constructor(options: MemoryTicketsOptions = {}) {
    this.#clock = options.clock ?? systemClock;
    this.#agentId = options.agentId ?? 'agent-bot';
    this.#baseUrl = (options.ticketBaseUrl ?? 'https://example.zendesk.com/agent/tickets').replace(
      /\/+$/,
      '',
    );
  }

  /** Every ticket, oldest first. */
  get tickets(): readonly Ticket[] {
    return [...this.#tickets.values()].map((s) => s.ticket);
  }

  /** One ticket, or undefined. */
  ticket(id: string): Ticket | undefined {
    return this.#tickets.get(id)?.ticket;
  }

  /** A ticket's comments, oldest first (empty for an unknown ticket). */
  comments(ticketId: string): readonly TicketComment[] {
    return [...(this.#tickets.get(ticketId)?.comments ?? [])];
  }

  /** Adds a comment as an agent or requester would; returns its id. Not counted, never failed. */
  addExternalComment(ticketId: string, comment: MemoryExternalComment): string {
    const author: TicketPerson = {
      ...(comment.authorId === undefined ? {} : { id: comment.authorId }),
      name: comment.authorName,
    };
    return this.#comment(
      this.#stored(ticketId),
      comment.body,
      comment.public,
      author,
      comment.channel ?? 'web',
    );
  }

  /** Creates a ticket as an email would (status `new`, channel `email`); returns its id. */
  createExternalTicket(ticket: MemoryExternalTicket): string {
    const requester: TicketPerson = {
      ...(ticket.requesterName === undefined ? {} : { name: ticket.requesterName }),
      ...(ticket.requesterEmail === undefined ? {} : { email: ticket.requesterEmail }),
    };
    const stored = this.#open(ticket.subject, ticket.body, requester, 'email', {});
    return stored.ticket.id;
  }

  /** Forces a ticket's status, e.g. to `closed` as an agent or automation would. */
  setStatus(id: string, status: TicketStatus): void {
    const stored = this.#stored(id);
    stored.ticket = { ...stored.ticket, status };
  }

  /** Port calls so far, of one method or of all. */
  callCount(method?: keyof TicketPort & string): number {
    return this.#calls.total(method);
  }

  createTicket(ticket: NewTicket): Promise<Ticket> {
    return this.#call('createTicket', () => {
      const existing = this.#byIdempotencyKey.get(ticket.idempotencyKey);
      if (existing !== undefined) return this.#stored(existing).ticket;
      const stored = this.#open(ticket.subject, ticket.description, ticket.requester ?? null, 'api', {
        externalId: ticket.externalId,
        ...(ticket.groupId === undefined ? {} : { groupId: ticket.groupId }),
        ...(ticket.assigneeId === undefined ? {} : { assigneeId: ticket.assigneeId }),
      });
      this.#byIdempotencyKey.set(ticket.idempotencyKey, stored.ticket.id);
      return stored.ticket;
    });
  }

  getTicket(ticketId: string): Promise<Ticket | undefined> {
    return this.#call('getTicket', () => this.#tickets.get(ticketId)?.ticket);
  }

  addComment(ticketId: string, comment: NewComment): Promise<{ readonly id: string }> {
    return this.#call('addComment', () => {
      const stored = this.#stored(ticketId);
      if (stored.ticket.status === 'closed') {
        throw new IntegrationError('Invalid', `ticket ${ticketId} is closed`, {
          integration: 'memory-tickets',
        });
      }
      const author = { id: comment.authorId ?? this.#agentId };
      return { id: this.#comment(stored, comment.body, comment.public, author, 'api') };
    });
  }

  listCommentsAfter(ticketId: string, afterId: string | null): Promise<readonly TicketComment[]> {
    return this.#call('listCommentsAfter', () => {
      const comments = this.#stored(ticketId).comments;
      if (afterId === null) return [...comments];
      const after = Number(afterId);
      return comments.filter((c) => Number(c.id) > after);
    });
  }

  solveTicket(ticketId: string): Promise<void> {
    return this.#call('solveTicket', () => {
      const stored = this.#stored(ticketId);
      if (stored.ticket.status === 'solved' || stored.ticket.status === 'closed') return;
      stored.ticket = { ...stored.ticket, status: 'solved' };
    });
  }

  linkTicket(ticketId: string, link: TicketLink): Promise<void> {
    return this.#call('linkTicket', () => {
      const stored = this.#stored(ticketId);
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

  #stored(ticketId: string): StoredTicket {
    const stored = this.#tickets.get(ticketId);
    if (stored === undefined) {
      throw new IntegrationError('NotFound', `ticket ${ticketId} not found`, {
        integration: 'memory-tickets',
      });
    }
    return stored;
  }

  #open(
    subject: string,
    body: string,
    requester: TicketPerson | null,
    channel: string,
    fields: { externalId?: string; groupId?: string; assigneeId?: string },
  ): StoredTicket {
    this.#lastTicketId += 1;
    const id = String(this.#lastTicketId);
    const stored: StoredTicket = {
      ticket: {
        id,
        subject,
        description: body,
        status: fields.assigneeId === undefined ? 'new' : 'open',
        externalId: fields.externalId ?? null,
        groupId: fields.groupId ?? null,
        assigneeId: fields.assigneeId ?? null,
        requester: requester === null ? null : { ...requester },
        createdAt: this.#clock.now(),
        firstCommentId: null,
      },
      comments: [],
    };
    this.#tickets.set(id, stored);
    const author = requester ?? { id: this.#agentId };
    const firstCommentId = this.#comment(stored, body, true, author, channel);
    stored.ticket = { ...stored.ticket, firstCommentId };
    return stored;
  }

  #comment(
    stored: StoredTicket,
    body: string,
    isPublic: boolean,
    author: TicketPerson,
    channel: string,
  ): string {
    this.#lastCommentId += 1;
    const id = String(this.#lastCommentId);
    stored.comments.push({
      id,
      author: { ...author },
      public: isPublic,
      channel,
      body,
      attachments: [],
      createdAt: this.#clock.now(),
    });
    return id;
  }
}
