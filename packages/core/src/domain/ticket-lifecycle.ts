import type { NewTicket, TicketComment, TicketPerson, TicketStatus } from './ticket.ts';

/** Statuses after which a ticket needs no more work (closed is final, solved can reopen). */
export const DONE_TICKET_STATUSES: readonly TicketStatus[] = ['solved', 'closed'];

/** True when the ticketing system considers the ticket done. */
export function isDoneStatus(status: TicketStatus): boolean {
  return DONE_TICKET_STATUSES.includes(status);
}

/** A ticket as a bulk read reports it: enough to tell whether it changed since the last sync. */
export interface TicketState {
  readonly id: string;
  readonly status: TicketStatus;
  /** When the ticket last changed in any way (comment, status, field). */
  readonly updatedAt: Date;
}

/** The latest change of a ticket's status, from its history. */
export interface StatusChange {
  readonly status: TicketStatus;
  readonly at: Date;
  /** Who changed it, when the ticketing system names a person. */
  readonly by: TicketPerson | null;
  /** The ticket it was merged into, when the change closed it by a merge. */
  readonly mergedInto: string | null;
}

/**
 * What happened to a ticket since a comment, read at once (one call where the system allows it):
 * the sweep's one call per changed ticket, made after the issue was read, so the status it gives
 * is a read the bot may act on.
 */
export interface TicketHistory {
  /** Comments after the given one, oldest first. */
  readonly comments: readonly TicketComment[];
  /**
   * The status now, when the read saw the event that set it; undefined when that event is older
   * than the part of the history read (the status has not changed since the given comment).
   */
  readonly status?: TicketStatus;
  /** As `lastStatusChange` defines it, when the part read holds it. */
  readonly lastChange?: StatusChange;
  /** The time of the newest change read, when any. */
  readonly updatedAt?: Date;
  /** Comments whose text was redacted in the part read (their ids). */
  readonly redactedCommentIds?: readonly string[];
}

/** A new ticket that continues a closed one (same requester, group and assignee). */
export interface NewFollowUp extends NewTicket {
  /** The closed ticket it follows up. */
  readonly sourceTicketId: string;
}
