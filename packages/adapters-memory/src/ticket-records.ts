import type {
  Clock,
  StatusChange,
  Ticket,
  TicketAttachment,
  TicketComment,
  TicketLink,
  TicketPerson,
  TicketStatus,
} from '@zenslackchat/core';
import { IntegrationError } from '@zenslackchat/core';

/** A stored ticket: its current (immutable) record and its comments, oldest first. */
export interface StoredTicket {
  ticket: Ticket;
  readonly comments: TicketComment[];
  /** Status changes after creation, oldest first. */
  readonly history: StatusChange[];
  /** The closed ticket this one follows up, if any. */
  followUpOf?: string;
  /** Redacted comments, each with the newest comment id of the system when it was redacted. */
  readonly redactions: { readonly commentId: string; readonly after: number }[];
}

/** What opening a ticket records besides subject, body and requester. */
export interface TicketOpening extends TicketLink {
  /** How the first comment arrived (`api`, `email`...). */
  readonly channel: string;
  /** Author of the first comment when there is no requester. */
  readonly agentId: string;
  /** Files attached to the first comment. */
  readonly attachments?: readonly Attachment[];
}

/** A file on a comment, as listed back. */
export type Attachment = TicketAttachment;

/** The tickets of a MemoryTickets, with increasing ticket ids and globally increasing comment ids. */
export class TicketRecords {
  readonly #clock: Clock;
  readonly #tickets = new Map<string, StoredTicket>();
  #lastTicketId = 0;
  #lastCommentId = 0;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** Every stored ticket, oldest first. */
  all(): readonly StoredTicket[] {
    return [...this.#tickets.values()];
  }

  /** A stored ticket, or undefined. */
  find(ticketId: string): StoredTicket | undefined {
    return this.#tickets.get(ticketId);
  }

  /** A stored ticket; `NotFound` when unknown. */
  get(ticketId: string): StoredTicket {
    const stored = this.#tickets.get(ticketId);
    if (stored === undefined) {
      throw new IntegrationError('NotFound', `ticket ${ticketId} not found`, {
        integration: 'memory-tickets',
      });
    }
    return stored;
  }

  /** Opens a ticket whose body becomes its first comment (status `open` when assigned, else `new`). */
  open(subject: string, body: string, requester: TicketPerson | null, opening: TicketOpening): StoredTicket {
    this.#lastTicketId += 1;
    const id = String(this.#lastTicketId);
    const stored: StoredTicket = {
      ticket: {
        id,
        subject,
        description: body,
        status: opening.assigneeId === undefined ? 'new' : 'open',
        externalId: opening.externalId ?? null,
        groupId: opening.groupId ?? null,
        assigneeId: opening.assigneeId ?? null,
        requester: requester === null ? null : { ...requester },
        createdAt: this.#clock.now(),
        updatedAt: this.#clock.now(),
        firstCommentId: null,
      },
      comments: [],
      history: [],
      redactions: [],
    };
    this.#tickets.set(id, stored);
    const firstCommentId = this.comment(
      stored,
      body,
      true,
      requester ?? { id: opening.agentId },
      opening.channel,
      opening.attachments,
    );
    stored.ticket = { ...stored.ticket, firstCommentId };
    return stored;
  }

  /** Appends a comment and returns its id. */
  comment(
    stored: StoredTicket,
    body: string,
    isPublic: boolean,
    author: TicketPerson,
    channel: string,
    attachments: readonly Attachment[] = [],
  ): string {
    this.#lastCommentId += 1;
    const id = String(this.#lastCommentId);
    stored.comments.push({
      id,
      author: { ...author },
      public: isPublic,
      channel,
      body,
      attachments: [...attachments],
      createdAt: this.#clock.now(),
    });
    this.touch(stored);
    return id;
  }

  /** Marks a ticket changed now. */
  touch(stored: StoredTicket, changes: Partial<Ticket> = {}): void {
    stored.ticket = { ...stored.ticket, ...changes, updatedAt: this.#clock.now() };
  }

  /** Changes the status and records who did it (and the merge target when a merge closed it). */
  changeStatus(
    stored: StoredTicket,
    status: TicketStatus,
    by: TicketPerson | null,
    mergedInto?: string,
  ): void {
    if (stored.ticket.status === status) return;
    this.touch(stored, { status });
    stored.history.push({ status, at: this.#clock.now(), by, mergedInto: mergedInto ?? null });
  }

  /**
   * Redacts a comment as an agent would: its text becomes Zendesk's redaction blocks (▇) and the
   * redaction is recorded after every comment made so far. `NotFound` for an unknown comment.
   */
  redact(stored: StoredTicket, commentId: string): void {
    const index = stored.comments.findIndex((c) => c.id === commentId);
    const comment = stored.comments[index];
    if (comment === undefined) {
      throw new IntegrationError('NotFound', `comment ${commentId} not found`, {
        integration: 'memory-tickets',
      });
    }
    stored.comments[index] = { ...comment, body: '▇'.repeat(Math.max(1, comment.body.length)) };
    stored.redactions.push({ commentId, after: this.#lastCommentId });
    this.touch(stored);
  }

  /** Deletes a ticket: it is not found any more. */
  remove(ticketId: string): void {
    this.get(ticketId);
    this.#tickets.delete(ticketId);
  }
}
