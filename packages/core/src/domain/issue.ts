import type { TicketStatus } from './ticket.ts';

/** Whether a support issue still needs work. */
export const ISSUE_STATUSES = ['open', 'resolved'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/** Where an issue was raised: a chat message or an email to the ticketing system. */
export const ISSUE_SOURCES = ['chat', 'email'] as const;
export type IssueSource = (typeof ISSUE_SOURCES)[number];

/**
 * One support request the bot tracks: a chat thread bridged to a ticket. A chat issue is
 * recorded before its ticket exists (`ticketId` null until attached) and an email issue before
 * its thread exists (`threadId` null until attached), so a retry finds the intent and finishes it.
 */
export interface Issue {
  /** The bot's own id for the issue. */
  readonly id: string;
  /** Which chat platform the thread lives on, e.g. `slack`. */
  readonly platform: string;
  /** Chat channel (conversation) id. */
  readonly channel: string;
  /** Id of the thread's root message, once it exists. */
  readonly threadId: string | null;
  /** Ticket id in the ticketing system, once it exists. */
  readonly ticketId: string | null;
  readonly status: IssueStatus;
  readonly source: IssueSource;
  readonly openedAt: Date;
  readonly resolvedAt: Date | null;
  /** Id of the last ticket comment already handled (forwarded or skipped); null before any. */
  readonly commentCursor: string | null;
  /**
   * The ticket's subject, for search and the admin pages: set with the ticket of a chat issue and
   * when an emailed one is claimed. Absent until then, and on issues recorded before it existed.
   */
  readonly summary?: string;
  /** The ticket's status as last synced from the ticketing system (`deleted` once it is gone). */
  readonly ticketStatus?: IssueTicketStatus;
  /** When the ticket's state was last synced; absent before the first sync. */
  readonly syncedAt?: Date;
  /** The ticket's own last-change time at that sync: a sync that saw an older ticket is stale. */
  readonly ticketUpdatedAt?: Date;
}

/** A ticket status as an issue records it: the system's statuses, or `deleted`. */
export type IssueTicketStatus = TicketStatus | 'deleted';

/** Identifies a chat thread on one platform. */
export interface ThreadKey {
  readonly platform: string;
  readonly channel: string;
  readonly threadId: string;
}
