import { randomUUID } from 'node:crypto';
import type {
  Claim,
  CreatedTicketRecord,
  Delivery,
  DeliveryIntent,
  DeliveryKind,
  DeliveryLease,
  Issue,
  IssueQuery,
  IssueRepo,
  NewChatIssue,
  NewEmailIssue,
  ReportRecord,
  SweepRecord,
  SyncResult,
  ThreadKey,
  TicketSync,
} from '@zenslackchat/core';
import type { Kysely } from 'kysely';
import * as leases from './delivery-leases.ts';
import * as deliveries from './delivery-store.ts';
import * as commands from './issue-commands.ts';
import * as queries from './issue-queries.ts';
import * as lifecycle from './lifecycle-store.ts';
import { mapped } from './map-db-error.ts';
import * as reports from './report-store.ts';
import { executorFor, runTransaction } from './run-transaction.ts';
import type { Schema } from './schema.ts';

/** Options of `PostgresIssueRepo`. */
export interface PostgresIssueRepoOptions {
  /** Makes new issue ids; must return uuids (default `crypto.randomUUID`). */
  readonly newId?: () => string;
}

/**
 * The core's `IssueRepo` on Kysely, for Postgres and PGlite alike. Built on a `Kysely` or on a
 * `Transaction` (then every call, and `transaction`, runs inside it). Calls made inside a
 * `transaction`/`withTransaction` on the same database join it, as in the memory repo. Failures
 * throw `IntegrationError` with integration `postgres`.
 */
export class PostgresIssueRepo implements IssueRepo {
  readonly #db: Kysely<Schema>;
  readonly #options: PostgresIssueRepoOptions;
  readonly #newId: () => string;

  constructor(db: Kysely<Schema>, options: PostgresIssueRepoOptions = {}) {
    this.#db = db;
    this.#options = options;
    this.#newId = options.newId ?? randomUUID;
  }

  claimThread(issue: NewChatIssue): Promise<Claim> {
    return mapped(() => commands.claimThread(this.#x, this.#newId(), issue));
  }
  claimTicket(issue: NewEmailIssue): Promise<Claim> {
    return mapped(() => commands.claimTicket(this.#x, this.#newId(), issue));
  }
  attachTicket(issueId: string, ticketId: string, summary?: string): Promise<Issue> {
    return mapped(() => commands.attachTicket(this.#x, issueId, ticketId, summary));
  }
  async recordCreatedTicket(record: CreatedTicketRecord): Promise<void> {
    // One round trip in the common case; anything else (a repeat, a conflict, a bad value, or a
    // surrounding transaction that a failed statement would abort) goes step by step.
    const x = this.#x;
    if (!x.isTransaction && (await commands.recordCreatedTicketAtOnce(x, record).catch(() => false))) return;
    await this.transaction(async (tx) => {
      await tx.attachTicket(record.issueId, record.ticketId, record.summary);
      if (record.commentCursor !== null) await tx.setCommentCursor(record.issueId, record.commentCursor);
      await tx.completeDelivery(record.deliveryKey, record.ticketId, record.owner);
    });
  }
  attachThread(issueId: string, threadId: string): Promise<Issue> {
    return mapped(() => commands.attachThread(this.#x, issueId, threadId));
  }
  findByThread(thread: ThreadKey): Promise<Issue | undefined> {
    return mapped(() => queries.findIssueByThread(this.#x, thread));
  }
  findByTicket(ticketId: string): Promise<Issue | undefined> {
    return mapped(() => queries.findIssueByTicket(this.#x, ticketId));
  }
  findById(issueId: string): Promise<Issue | undefined> {
    return mapped(() => queries.findIssueById(this.#x, issueId));
  }
  markResolved(issueId: string, at: Date): Promise<Issue> {
    return mapped(() => commands.markResolved(this.#x, issueId, at));
  }
  setCommentCursor(issueId: string, commentId: string): Promise<void> {
    return mapped(() => commands.setCommentCursor(this.#x, issueId, commentId));
  }
  listIssues(query: IssueQuery): Promise<readonly Issue[]> {
    return mapped(() => queries.listIssues(this.#x, query));
  }

  applyTicketSync(issueId: string, sync: TicketSync): Promise<SyncResult> {
    return mapped(() => lifecycle.applyTicketSync(this.#x, issueId, sync));
  }
  repointTicket(issueId: string, ticketId: string, commentCursor: string | null): Promise<Issue> {
    return mapped(() => lifecycle.repointTicket(this.#x, issueId, ticketId, commentCursor));
  }
  listSyncable(after: string | null, limit: number): Promise<readonly Issue[]> {
    return mapped(() => lifecycle.listSyncable(this.#x, after, limit));
  }
  acquireLease(name: string, owner: string, now: Date, until: Date): Promise<boolean> {
    return mapped(() => lifecycle.acquireLease(this.#x, name, owner, now, until));
  }
  releaseLease(name: string, owner: string): Promise<void> {
    return mapped(() => lifecycle.releaseLease(this.#x, name, owner));
  }
  saveSweep(record: SweepRecord): Promise<void> {
    return mapped(() => lifecycle.saveSweep(this.#x, record));
  }
  listSweeps(limit: number): Promise<readonly SweepRecord[]> {
    return mapped(() => lifecycle.listSweeps(this.#x, limit));
  }

  beginDelivery(intent: DeliveryIntent, at: Date, lease: DeliveryLease): Promise<Delivery> {
    return mapped(() => leases.beginDelivery(this.#x, intent, at, lease));
  }
  completeDelivery(key: string, targetId: string, owner: string): Promise<void> {
    return mapped(() => leases.completeDelivery(this.#x, key, targetId, owner));
  }
  renewDelivery(key: string, owner: string, until: Date): Promise<boolean> {
    return mapped(() => leases.renewDelivery(this.#x, key, owner, until));
  }
  releaseDelivery(key: string, owner: string): Promise<void> {
    return mapped(() => leases.releaseDelivery(this.#x, key, owner));
  }
  findPendingByContent(issueId: string, contentHash: string): Promise<Delivery | undefined> {
    return mapped(() => leases.findPendingByContent(this.#x, issueId, contentHash));
  }
  findDelivery(key: string): Promise<Delivery | undefined> {
    return mapped(() => deliveries.findDelivery(this.#x, key));
  }
  findDeliveryByTarget(kind: DeliveryKind, targetId: string): Promise<Delivery | undefined> {
    return mapped(() => deliveries.findDeliveryByTarget(this.#x, kind, targetId));
  }
  recordInboundEvent(source: string, eventId: string, at: Date): Promise<boolean> {
    return mapped(() => deliveries.recordInboundEvent(this.#x, source, eventId, at));
  }
  hasInboundEvent(source: string, eventId: string): Promise<boolean> {
    return mapped(() => deliveries.hasInboundEvent(this.#x, source, eventId));
  }
  /** Not in the port: forgets inbound event ids received before `before` (a housekeeping job). */
  pruneInboundEvents(before: Date): Promise<number> {
    return mapped(() => deliveries.pruneInboundEvents(this.#x, before));
  }

  countOpen(platform?: string): Promise<number> {
    return mapped(() => queries.countOpen(this.#x, platform));
  }
  countResolvedBetween(from: Date, to: Date, platform?: string): Promise<number> {
    return mapped(() => queries.countResolvedBetween(this.#x, from, to, platform));
  }
  listOpenOldestFirst(limit: number, platform?: string): Promise<readonly Issue[]> {
    return mapped(() => queries.listOpenOldestFirst(this.#x, limit, platform));
  }
  listResolvedBetween(from: Date, to: Date, limit: number, platform?: string): Promise<readonly Issue[]> {
    return mapped(() => queries.listResolvedBetween(this.#x, from, to, limit, platform));
  }
  lastReport(platform?: string): Promise<ReportRecord | undefined> {
    return mapped(() => reports.lastReport(this.#x, platform));
  }
  saveReport(report: ReportRecord): Promise<void> {
    return mapped(() => reports.saveReport(this.#x, report));
  }
  listReports(limit: number): Promise<readonly ReportRecord[]> {
    return mapped(() => reports.listReports(this.#x, limit));
  }

  transaction<T>(work: (repo: IssueRepo) => Promise<T>): Promise<T> {
    return runTransaction(this.#db, (trx) => work(new PostgresIssueRepo(trx, this.#options)));
  }

  /** The handle to query: the transaction open on this database in this async context, if any. */
  get #x(): Kysely<Schema> {
    return executorFor(this.#db);
  }
}
