import type { NewTicket, TicketPerson, TicketStatus } from './ticket.ts';

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

/** A new ticket that continues a closed one (same requester, group and assignee). */
export interface NewFollowUp extends NewTicket {
  /** The closed ticket it follows up. */
  readonly sourceTicketId: string;
}
