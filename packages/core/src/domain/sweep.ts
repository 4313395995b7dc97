/** What one reconciliation sweep did: logged as one line and kept for the reports page. */
export interface SweepRecord {
  readonly startedAt: Date;
  readonly finishedAt: Date;
  /** Open issues whose ticket was compared. */
  readonly checked: number;
  /** Of those, tickets that changed since their last sync. */
  readonly changed: number;
  /** Of those, tickets where the sweep did something (forwarded a comment, applied a status). */
  readonly healed: number;
  /** Tickets the sweep could not bring in step (tried again next sweep). */
  readonly failed: number;
  /** Calls made to the ticketing system. */
  readonly calls: number;
}
