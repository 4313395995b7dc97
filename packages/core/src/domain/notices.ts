/** The ticketing system told us a ticket has new comments (the comment webhook). */
export interface TicketCommentNotice {
  readonly ticketId: string;
  /** The ticket's external id as the webhook sent it (`chat_id`); informational. */
  readonly externalId?: string;
}

/** The ticketing system told us a ticket was created by email (the email webhook). */
export interface EmailTicketNotice {
  readonly ticketId: string;
}

/** A daily report as posted and kept. */
export interface ReportRecord {
  /** The chat platform whose channel it was posted in (each platform has its own report). */
  readonly platform: string;
  /** Local calendar day the report was made for (YYYY-MM-DD in the report time zone). */
  readonly day: string;
  /** Start (inclusive) and end (exclusive) of the period whose resolutions it counts. */
  readonly periodStart: Date;
  readonly periodEnd: Date;
  readonly openCount: number;
  readonly resolvedCount: number;
  readonly postedAt: Date;
}
