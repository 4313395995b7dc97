import { AsyncLocalStorage } from 'node:async_hooks';
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
import { AsyncLock } from './async-lock.ts';
import { FaultInjector } from './fault-injector.ts';
import * as issues from './issue-operations.ts';
import { emptyIssueState, type IssueState, restoreIssueState, snapshotIssueState } from './issue-state.ts';
import * as lifecycle from './lifecycle-operations.ts';
import * as records from './record-operations.ts';

/** Marks the async context of a running transaction, per repo. */
const activeTransaction = new AsyncLocalStorage<object>();

/**
 * An in-memory IssueRepo. Calls are serialised; `transaction` holds the lock for its whole run,
 * snapshots the state and restores it if `work` throws. Calls made anywhere inside the
 * transaction's async context (the `repo` argument or this object) join it. Issue ids are
 * `issue-1`, `issue-2`...; `timeout` faults change nothing.
 */
export class MemoryIssueRepo implements IssueRepo {
  /** Failures for the next calls. */
  readonly faults = new FaultInjector({ integration: 'memory-issue-repo', timeoutAfterWork: false });
  readonly #state: IssueState = emptyIssueState();
  readonly #lock = new AsyncLock();
  readonly #owner = {};

  claimThread(issue: NewChatIssue): Promise<Claim> {
    return this.#run('claimThread', (s) => issues.claimThread(s, issue));
  }
  claimTicket(issue: NewEmailIssue): Promise<Claim> {
    return this.#run('claimTicket', (s) => issues.claimTicket(s, issue));
  }
  attachTicket(issueId: string, ticketId: string, summary?: string): Promise<Issue> {
    return this.#run('attachTicket', (s) => issues.attachTicket(s, issueId, ticketId, summary));
  }
  recordCreatedTicket(record: CreatedTicketRecord): Promise<void> {
    return this.transaction(async (tx) => {
      await tx.attachTicket(record.issueId, record.ticketId, record.summary);
      if (record.commentCursor !== null) await tx.setCommentCursor(record.issueId, record.commentCursor);
      await tx.completeDelivery(record.deliveryKey, record.ticketId, record.owner);
    });
  }
  attachThread(issueId: string, threadId: string): Promise<Issue> {
    return this.#run('attachThread', (s) => issues.attachThread(s, issueId, threadId));
  }
  findByThread(thread: ThreadKey): Promise<Issue | undefined> {
    return this.#run('findByThread', (s) => issues.findByThread(s, thread));
  }
  findByTicket(ticketId: string): Promise<Issue | undefined> {
    return this.#run('findByTicket', (s) => issues.findByTicket(s, ticketId));
  }
  findById(issueId: string): Promise<Issue | undefined> {
    return this.#run('findById', (s) => issues.findById(s, issueId));
  }
  markResolved(issueId: string, at: Date): Promise<Issue> {
    return this.#run('markResolved', (s) => issues.markResolved(s, issueId, at));
  }
  setCommentCursor(issueId: string, commentId: string): Promise<void> {
    return this.#run('setCommentCursor', (s) => issues.setCommentCursor(s, issueId, commentId));
  }
  listIssues(query: IssueQuery): Promise<readonly Issue[]> {
    return this.#run('listIssues', (s) => issues.listIssues(s, query));
  }
  applyTicketSync(issueId: string, sync: TicketSync): Promise<SyncResult> {
    return this.#run('applyTicketSync', (s) => lifecycle.applyTicketSync(s, issueId, sync));
  }
  repointTicket(issueId: string, ticketId: string, commentCursor: string | null): Promise<Issue> {
    return this.#run('repointTicket', (s) => lifecycle.repointTicket(s, issueId, ticketId, commentCursor));
  }
  listSyncable(after: string | null, limit: number): Promise<readonly Issue[]> {
    return this.#run('listSyncable', (s) => lifecycle.listSyncable(s, after, limit));
  }
  acquireLease(name: string, owner: string, now: Date, until: Date): Promise<boolean> {
    return this.#run('acquireLease', (s) => lifecycle.acquireLease(s, name, owner, now, until));
  }
  releaseLease(name: string, owner: string): Promise<void> {
    return this.#run('releaseLease', (s) => lifecycle.releaseLease(s, name, owner));
  }
  saveSweep(record: SweepRecord): Promise<void> {
    return this.#run('saveSweep', (s) => lifecycle.saveSweep(s, record));
  }
  listSweeps(limit: number): Promise<readonly SweepRecord[]> {
    return this.#run('listSweeps', (s) => lifecycle.listSweeps(s, limit));
  }
  beginDelivery(intent: DeliveryIntent, at: Date, lease: DeliveryLease): Promise<Delivery> {
    return this.#run('beginDelivery', (s) => records.beginDelivery(s, intent, at, lease));
  }
  completeDelivery(key: string, targetId: string, owner: string): Promise<void> {
    return this.#run('completeDelivery', (s) => records.completeDelivery(s, key, targetId, owner));
  }
  renewDelivery(key: string, owner: string, until: Date): Promise<boolean> {
    return this.#run('renewDelivery', (s) => records.renewDelivery(s, key, owner, until));
  }
  releaseDelivery(key: string, owner: string): Promise<void> {
    return this.#run('releaseDelivery', (s) => records.releaseDelivery(s, key, owner));
  }
  findPendingByContent(issueId: string, contentHash: string): Promise<Delivery | undefined> {
    return this.#run('findPendingByContent', (s) => records.findPendingByContent(s, issueId, contentHash));
  }
  findDelivery(key: string): Promise<Delivery | undefined> {
    return this.#run('findDelivery', (s) => records.findDelivery(s, key));
  }
  findDeliveryByTarget(kind: DeliveryKind, targetId: string): Promise<Delivery | undefined> {
    return this.#run('findDeliveryByTarget', (s) => records.findDeliveryByTarget(s, kind, targetId));
  }
  recordInboundEvent(source: string, eventId: string, _at: Date): Promise<boolean> {
    return this.#run('recordInboundEvent', (s) => records.recordInboundEvent(s, source, eventId));
  }
  hasInboundEvent(source: string, eventId: string): Promise<boolean> {
    return this.#run('hasInboundEvent', (s) => records.hasInboundEvent(s, source, eventId));
  }
  countOpen(platform?: string): Promise<number> {
    return this.#run('countOpen', (s) => issues.countOpen(s, platform));
  }
  countResolvedBetween(from: Date, to: Date, platform?: string): Promise<number> {
    return this.#run('countResolvedBetween', (s) => issues.countResolvedBetween(s, from, to, platform));
  }
  listOpenOldestFirst(limit: number, platform?: string): Promise<readonly Issue[]> {
    return this.#run('listOpenOldestFirst', (s) => issues.listOpenOldestFirst(s, limit, platform));
  }
  listResolvedBetween(from: Date, to: Date, limit: number, platform?: string): Promise<readonly Issue[]> {
    return this.#run('listResolvedBetween', (s) => issues.listResolvedBetween(s, from, to, limit, platform));
  }
  lastReport(platform?: string): Promise<ReportRecord | undefined> {
    return this.#run('lastReport', (s) => records.lastReport(s, platform));
  }
  saveReport(report: ReportRecord): Promise<void> {
    return this.#run('saveReport', (s) => records.saveReport(s, report));
  }
  listReports(limit: number): Promise<readonly ReportRecord[]> {
    return this.#run('listReports', (s) => records.listReports(s, limit));
  }

  async transaction<T>(work: (repo: IssueRepo) => Promise<T>): Promise<T> {
    if (this.#inTransaction()) return await work(this);
    return await this.#lock.run(() =>
      activeTransaction.run(this.#owner, async () => {
        const snapshot = snapshotIssueState(this.#state);
        try {
          return await work(this);
        } catch (error) {
          restoreIssueState(this.#state, snapshot);
          throw error;
        }
      }),
    );
  }

  #inTransaction(): boolean {
    return activeTransaction.getStore() === this.#owner;
  }

  async #run<T>(method: string, operation: (state: IssueState) => T): Promise<T> {
    if (this.#inTransaction()) return await this.faults.run(method, () => operation(this.#state));
    return await this.#lock.run(() => this.faults.run(method, () => operation(this.#state)));
  }
}
