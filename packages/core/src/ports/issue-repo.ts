import type { Delivery, DeliveryIntent, DeliveryKind } from '../domain/delivery.ts';
import type { Issue, IssueSource, ThreadKey } from '../domain/issue.ts';
import type { ReportRecord } from '../domain/notices.ts';

/** What opening an issue from a chat thread records. */
export interface NewChatIssue extends ThreadKey {
  readonly openedAt: Date;
}

/** What opening an issue from an emailed ticket records. */
export interface NewEmailIssue {
  readonly platform: string;
  readonly channel: string;
  readonly ticketId: string;
  readonly openedAt: Date;
  /** The ticket's subject, stored as the issue's `summary`. */
  readonly summary?: string;
}

/** The result of a claim: the issue, and whether this call created it. */
export interface Claim {
  readonly issue: Issue;
  readonly created: boolean;
}

/** A filter for listing issues (the admin pages). */
export interface IssueQuery {
  readonly status?: Issue['status'];
  readonly source?: IssueSource;
  /**
   * Text search: issues whose summary contains it (ignoring case; `%` and `_` are plain
   * characters), or whose issue, ticket or thread id equals it. Blank means no search.
   */
  readonly search?: string;
  readonly limit: number;
  readonly offset: number;
}

/**
 * The bot's own store: issues, deliveries (side-effect records that double as the message
 * mapping), processed inbound event ids and report history. Store failures throw
 * `IntegrationError` (`Unavailable` retryable; `Conflict` when a uniqueness rule is broken).
 */
export interface IssueRepo {
  /**
   * Records the issue for a chat thread, or returns the one already recorded. Atomic: any number
   * of concurrent calls for one thread yield one issue, exactly one of them with `created`.
   */
  claimThread(issue: NewChatIssue): Promise<Claim>;
  /** Same as `claimThread`, keyed by ticket id, for emailed tickets (thread not yet posted). */
  claimTicket(issue: NewEmailIssue): Promise<Claim>;
  /**
   * Sets the ticket of an issue, and its summary when given (replacing an earlier one). Idempotent;
   * `Conflict` if it has a different ticket or the ticket is taken.
   */
  attachTicket(issueId: string, ticketId: string, summary?: string): Promise<Issue>;
  /** Sets the thread of an issue. Idempotent; `Conflict` if it has a different one or the thread is taken. */
  attachThread(issueId: string, threadId: string): Promise<Issue>;
  /** The issue of a thread, if any. */
  findByThread(thread: ThreadKey): Promise<Issue | undefined>;
  /** The issue of a ticket, if any. */
  findByTicket(ticketId: string): Promise<Issue | undefined>;
  /** The issue with that id, if any. */
  findById(issueId: string): Promise<Issue | undefined>;
  /** Marks an issue resolved. Idempotent: the first resolution time is kept. */
  markResolved(issueId: string, at: Date): Promise<Issue>;
  /** Records the last ticket comment handled for an issue. */
  setCommentCursor(issueId: string, commentId: string): Promise<void>;
  /** Lists issues, newest first. */
  listIssues(query: IssueQuery): Promise<readonly Issue[]>;

  /**
   * Records the intent of a side effect before it happens. The first call inserts it pending with
   * `attempts` 1; later calls return the stored record with `attempts` incremented (done records
   * are returned unchanged). Atomic under concurrency.
   */
  beginDelivery(intent: DeliveryIntent, at: Date): Promise<Delivery>;
  /** Marks a delivery done with the id of what it produced. Idempotent. */
  completeDelivery(key: string, targetId: string): Promise<void>;
  /** A delivery by key, if any. */
  findDelivery(key: string): Promise<Delivery | undefined>;
  /** The delivery of a kind that produced `targetId` (e.g. "did the bot write this comment?"). */
  findDeliveryByTarget(kind: DeliveryKind, targetId: string): Promise<Delivery | undefined>;

  /**
   * Records an inbound event id (`source` e.g. `slack`, `zendesk`). True the first time, false for
   * a duplicate. Atomic under concurrency.
   */
  recordInboundEvent(source: string, eventId: string, at: Date): Promise<boolean>;

  /** How many issues are open now. */
  countOpen(): Promise<number>;
  /** How many issues were resolved in [from, to). */
  countResolvedBetween(from: Date, to: Date): Promise<number>;
  /** The most recently posted report, if any. */
  lastReport(): Promise<ReportRecord | undefined>;
  /** Saves a posted report; saving the same day again replaces it. */
  saveReport(report: ReportRecord): Promise<void>;
  /** Reports, newest first. */
  listReports(limit: number): Promise<readonly ReportRecord[]>;

  /**
   * Runs `work` with a repo whose writes commit together or not at all. Nested calls join the
   * outer transaction. A retryable store failure (e.g. serialization) rolls back and throws.
   */
  transaction<T>(work: (repo: IssueRepo) => Promise<T>): Promise<T>;
}
export const IssueRepo = Symbol.for('zenslackchat.IssueRepo');
