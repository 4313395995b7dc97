import type { FileContent } from '../domain/chat-event.ts';
import type {
  NewComment,
  NewTicket,
  Ticket,
  TicketAttachment,
  TicketComment,
  TicketLink,
  TicketPerson,
} from '../domain/ticket.ts';
import type { NewFollowUp, StatusChange, TicketHistory, TicketState } from '../domain/ticket-lifecycle.ts';

/**
 * The ticketing system (Zendesk). Every method throws `IntegrationError` on failure, except the one
 * positively identified outcome `TicketClosedError` (the adapter has confirmed the ticket is closed).
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
   * delivery first. With `reopen` the ticket is set `open` in the same update. Throws `NotFound`
   * for an unknown ticket and `TicketClosedError` for a closed one; any other refusal or
   * unreadable answer is an `IntegrationError` that says nothing about the ticket's state.
   */
  addComment(ticketId: string, comment: NewComment): Promise<{ readonly id: string }>;
  /**
   * Comments created after the comment `afterId` (all when null), oldest first, following
   * pagination. Its cost depends on how many comments are newer, not on the thread's length.
   * Throws `NotFound` for an unknown ticket.
   */
  listCommentsAfter(ticketId: string, afterId: string | null): Promise<readonly TicketComment[]>;
  /**
   * Sets the ticket solved. Idempotent: an already solved or closed ticket is left as it is.
   * Throws `NotFound` for an unknown ticket.
   */
  solveTicket(ticketId: string): Promise<void>;
  /**
   * Sets external id / group / assignee on an existing ticket. Idempotent. Throws `NotFound` for an
   * unknown ticket and `TicketClosedError` for a closed one.
   */
  linkTicket(ticketId: string, link: TicketLink): Promise<void>;
  /**
   * Optional: the ticket-side user this adapter writes comments as (Zendesk `GET /users/me`), so
   * the bot recognises its own comments. When absent the bot relies on `ticketAgentId` and its
   * records. Throws `IntegrationError` when the lookup fails.
   */
  whoAmI?(): Promise<TicketPerson & { readonly id: string }>;
  /**
   * Bulk read of at most 100 tickets (one call). A ticket that no longer exists is absent from
   * the answer; callers confirm a deletion with `getTicket` before acting on it.
   */
  getTicketStates(ticketIds: readonly string[]): Promise<readonly TicketState[]>;
  /**
   * The change that brought the ticket into its current status (who, when, merged into): the
   * latest, except that a close right after a solve gives way to the solve. Undefined when none
   * or unknown.
   */
  lastStatusChange(ticketId: string): Promise<StatusChange | undefined>;
  /**
   * The ticket's comments after `afterId` (all when null) together with its status and last
   * status change, in one call where the system allows (Zendesk: its audits, newest first, down
   * to that comment). Undefined when the ticket does not exist.
   */
  readHistory(ticketId: string, afterId: string | null): Promise<TicketHistory | undefined>;
  /**
   * Opens a follow-up of a closed ticket with the given first comment, requester, group and
   * assignee. Idempotent on `idempotencyKey`, like `createTicket`.
   */
  createFollowUp(followUp: NewFollowUp): Promise<Ticket>;
  /**
   * Optional: uploads a file to attach to a later comment or new ticket (`uploads`) and returns
   * its token. Not idempotent: the core records the token before using it, so a retry reuses it.
   * Absent → files reach tickets as links.
   */
  uploadFile?(file: FileContent): Promise<{ readonly token: string }>;
  /**
   * Optional: downloads a comment's attachment (`TicketAttachment.id` set) with the adapter's
   * credentials, for uploading it to chat. Absent → ticket files reach chat as links. Throws
   * `IntegrationError` (`NotFound`, not retryable, for an attachment deleted or redacted since).
   */
  downloadAttachment?(attachment: TicketAttachment): Promise<FileContent>;
  /** A link an agent can open to see the ticket. Pure; never throws. */
  ticketUrl(ticketId: string): string;
}
export const TicketPort = Symbol.for('zenslackchat.TicketPort');
