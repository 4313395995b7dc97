import type { Delivery, DeliveryIntent, DeliveryKind, DeliveryLease } from '../domain/delivery.ts';
import type { Issue, IssueSource, IssueTicketStatus, ThreadKey } from '../domain/issue.ts';
import type { ReportRecord } from '../domain/notices.ts';
import type { SweepRecord } from '../domain/sweep.ts';

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

/** What a sync learned of an issue's ticket, applied by `applyTicketSync`. */
export interface TicketSync {
  readonly ticketStatus: IssueTicketStatus;
  /** The ticket's own last-change time as read; orders syncs. */
  readonly ticketUpdatedAt: Date;
  readonly syncedAt: Date;
  /** A date resolves the issue (the first resolution time is kept); null reopens it; absent leaves it. */
  readonly resolvedAt?: Date | null;
}

/** The result of `applyTicketSync`: the issue, and false when a newer sync was already applied. */
export interface SyncResult {
  readonly issue: Issue;
  readonly applied: boolean;
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
/** A ticket just created for an issue, with the delivery that created it. */
export interface CreatedTicketRecord {
  readonly issueId: string;
  readonly ticketId: string;
  readonly summary?: string;
  /** The ticket's first comment (its description), handled with it; null leaves the cursor. */
  readonly commentCursor: string | null;
  /** The ticket's delivery, completed with the ticket id by its lease's owner. */
  readonly deliveryKey: string;
  readonly owner: string;
}

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
  /**
   * Records a ticket just created, in one atomic step: `attachTicket` with the summary, the
   * comment cursor moved to `commentCursor` when given, and `completeDelivery` of the ticket's
   * delivery with the ticket id. All or nothing, idempotent, with the errors of those calls. So a
   * comment notice never sees the ticket without the cursor past its description, and a finished
   * create is never left with its delivery pending. (One statement on Postgres.)
   */
  recordCreatedTicket(record: CreatedTicketRecord): Promise<void>;
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
   * Records the ticket's status and sync time, and resolves or reopens the issue, in one atomic
   * step that only moves forward: a sync whose `ticketUpdatedAt` is older than the one applied
   * changes nothing (`applied` false), so two overlapping syncs end on the newer reading.
   */
  applyTicketSync(issueId: string, sync: TicketSync): Promise<SyncResult>;
  /**
   * Points an issue at another ticket (a follow-up, or a merge's target): open again, cursor set
   * to `commentCursor`, ticket status and sync forgotten. Idempotent: already on that ticket →
   * unchanged. `Conflict` when another issue has that ticket.
   */
  repointTicket(issueId: string, ticketId: string, commentCursor: string | null): Promise<Issue>;
  /**
   * Issues whose ticket can still change, ordered by id after the id `after` (null: from the
   * start): those with a ticket that are open, or resolved with a ticket not recorded closed or deleted.
   */
  listSyncable(after: string | null, limit: number): Promise<readonly Issue[]>;
  /**
   * Takes the named lease for `owner` until `until` when it is free, expired or already the
   * owner's. True when taken. Atomic: of concurrent callers, at most one holds it at a time.
   */
  acquireLease(name: string, owner: string, now: Date, until: Date): Promise<boolean>;
  /** Gives a lease back; a lease held by someone else is left alone. */
  releaseLease(name: string, owner: string): Promise<void>;
  /** Keeps a sweep's record. */
  saveSweep(record: SweepRecord): Promise<void>;
  /** Sweep records, newest first. */
  listSweeps(limit: number): Promise<readonly SweepRecord[]>;

  /**
   * Records the intent of a side effect before it happens and leases it to `lease.owner`. Atomic
   * under concurrency; exactly one of any number of overlapping calls gets the lease:
   * - no record: inserts it pending, `attempts` 1, leased to the caller;
   * - done: returns it unchanged;
   * - pending, leased to the caller, released, or its lease ended (`leaseUntil <= at`): takes it
   *   over (`attempts` incremented, owner, lease and `contentHash` replaced);
   * - pending with another owner's live lease: returns it unchanged (the caller must not act).
   * The caller holds the lease when the returned record is pending and its `owner` is the caller.
   */
  beginDelivery(intent: DeliveryIntent, at: Date, lease: DeliveryLease): Promise<Delivery>;
  /**
   * Marks a delivery done with the id of what it produced, by its lease's owner (even after the
   * lease ended, as long as nobody took it over). Idempotent when already done with the same
   * target. `Conflict` (retryable) when another run holds it or it is done with another target;
   * `NotFound` when there is no such delivery.
   */
  completeDelivery(key: string, targetId: string, owner: string): Promise<void>;
  /**
   * Extends `owner`'s live or ended (not released) lease of a pending delivery to `until`, while
   * its run is still working. False when the run no longer holds it (done, released, taken over).
   */
  renewDelivery(key: string, owner: string, until: Date): Promise<boolean>;
  /** Ends `owner`'s lease of a pending delivery early (its run failed), so a retry can take it. No-op otherwise. */
  releaseDelivery(key: string, owner: string): Promise<void>;
  /**
   * The earliest pending delivery of an issue whose `contentHash` is `contentHash` (a comment the
   * bot is writing or wrote without recording it yet), if any.
   */
  findPendingByContent(issueId: string, contentHash: string): Promise<Delivery | undefined>;
  /** A delivery by key, if any. */
  findDelivery(key: string): Promise<Delivery | undefined>;
  /** The delivery of a kind that produced `targetId` (e.g. "did the bot write this comment?"). */
  findDeliveryByTarget(kind: DeliveryKind, targetId: string): Promise<Delivery | undefined>;

  /**
   * Records an inbound event id (`source` e.g. `slack`, `zendesk`). True the first time, false for
   * a duplicate. Atomic under concurrency.
   */
  recordInboundEvent(source: string, eventId: string, at: Date): Promise<boolean>;
  /** Whether an inbound event id was recorded (and not pruned since). */
  hasInboundEvent(source: string, eventId: string): Promise<boolean>;

  /** How many issues are open now (on one chat platform when `platform` is given). */
  countOpen(platform?: string): Promise<number>;
  /** How many issues were resolved in [from, to) (on one chat platform when `platform` is given). */
  countResolvedBetween(from: Date, to: Date, platform?: string): Promise<number>;
  /** Up to `limit` (0..1000) open issues (of one chat platform when given), oldest first (opening order breaks ties): the daily report's list. */
  listOpenOldestFirst(limit: number, platform?: string): Promise<readonly Issue[]>;
  /** Up to `limit` (0..1000) issues (of one chat platform when given) resolved in [from, to), earliest resolution first: the daily report's list. */
  listResolvedBetween(from: Date, to: Date, limit: number, platform?: string): Promise<readonly Issue[]>;
  /** The most recently posted report (of one chat platform when `platform` is given), if any. */
  lastReport(platform?: string): Promise<ReportRecord | undefined>;
  /** Saves a posted report; saving the same platform and day again replaces it. */
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
