import type { NewComment, NewTicket, Ticket, TicketComment, TicketLink } from '../domain/ticket.ts';

/**
 * The ticketing system (Zendesk). Every method throws `IntegrationError` on failure.
 */
export interface TicketPort {
  /** System name, e.g. `zendesk`. */
  readonly system: string;
  /**
   * Opens a ticket. Idempotent on `idempotencyKey`: a retried create returns the first ticket,
   * also when the first call's outcome was unknown (the adapter looks it up by external id).
   */
  createTicket(ticket: NewTicket): Promise<Ticket>;
  /** Reads a ticket; undefined when it does not exist. */
  getTicket(ticketId: string): Promise<Ticket | undefined>;
  /**
   * Adds a comment and returns its id. Not idempotent by itself: the core records a pending
   * delivery first. Throws `NotFound` for an unknown ticket, `Invalid` for a closed one.
   */
  addComment(ticketId: string, comment: NewComment): Promise<{ readonly id: string }>;
  /**
   * Comments created after the comment `afterId` (all when null), oldest first, following
   * pagination. Its cost depends on how many comments are newer, not on the thread's length.
   */
  listCommentsAfter(ticketId: string, afterId: string | null): Promise<readonly TicketComment[]>;
  /** Sets the ticket solved. Idempotent: an already solved or closed ticket is left as it is. */
  solveTicket(ticketId: string): Promise<void>;
  /** Sets external id / group / assignee on an existing ticket. Idempotent. */
  linkTicket(ticketId: string, link: TicketLink): Promise<void>;
  /** A link an agent can open to see the ticket. Pure; never throws. */
  ticketUrl(ticketId: string): string;
}
export const TicketPort = Symbol.for('zenslackchat.TicketPort');
