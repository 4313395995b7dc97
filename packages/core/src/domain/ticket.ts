/** Ticket statuses, in the ticketing system's lifecycle order. */
export const TICKET_STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** A person on the ticket side (requester or comment author). */
export interface TicketPerson {
  readonly id?: string;
  readonly name?: string;
  readonly email?: string;
}

/** A ticket as read back from the ticketing system. */
export interface Ticket {
  readonly id: string;
  readonly subject: string;
  /** The opening text (the first comment). */
  readonly description: string;
  readonly status: TicketStatus;
  readonly externalId: string | null;
  readonly groupId: string | null;
  readonly assigneeId: string | null;
  readonly requester: TicketPerson | null;
  /** When the ticketing system reports it; the bot never depends on it. */
  readonly createdAt?: Date;
  /** When it last changed; absent where the system does not say. */
  readonly updatedAt?: Date;
  /** Id of the first comment (the description), so it is never forwarded back to chat. */
  readonly firstCommentId: string | null;
}

/** What the core asks for when it opens a ticket. */
export interface NewTicket {
  /** Same key → same ticket, however often the create is retried. */
  readonly idempotencyKey: string;
  readonly subject: string;
  readonly description: string;
  /** Links the ticket back to the chat conversation (the webhook's `chat_id`). */
  readonly externalId: string;
  readonly groupId?: string;
  readonly assigneeId?: string;
  /** The person asking; found or created on the ticket side by email when there is one. */
  readonly requester?: TicketPerson;
  /** Tokens from `uploadFile`: the files attach to the opening comment. */
  readonly uploads?: readonly string[];
}

/** A comment the core adds to a ticket. */
export interface NewComment {
  readonly body: string;
  /** Public comments are seen by the requester; internal notes are not. */
  readonly public: boolean;
  /** Ticket-side author id; the adapter's configured agent when absent. */
  readonly authorId?: string;
  /** Tokens from `uploadFile`: the files attach to this comment. */
  readonly uploads?: readonly string[];
  /**
   * Also set the ticket `open`: a comment through the API does not reopen a solved ticket by
   * itself (Zendesk reopens only on an end user's own reply).
   */
  readonly reopen?: boolean;
}

/** A comment as read back from a ticket. */
export interface TicketComment {
  readonly id: string;
  readonly author: TicketPerson;
  readonly public: boolean;
  /** How the comment arrived (`web`, `email`, `api`...). */
  readonly channel: string;
  readonly body: string;
  readonly attachments: readonly TicketAttachment[];
  /** When the ticketing system reports it; the bot never depends on it. */
  readonly createdAt?: Date;
}

/** A file on a ticket comment. */
export interface TicketAttachment {
  readonly name: string;
  /** Where a person can open it (Zendesk `content_url`); the link when the file is not copied. */
  readonly url: string;
  /** The ticket system's attachment id, stable across reads; attachments without one are only linked. */
  readonly id?: string;
  /** Size in bytes, when the system says. */
  readonly size?: number;
  readonly mimeType?: string;
}

/** Fields the email flow sets on an existing ticket to link it to its chat thread. */
export interface TicketLink {
  readonly externalId?: string;
  readonly groupId?: string;
  readonly assigneeId?: string;
}
