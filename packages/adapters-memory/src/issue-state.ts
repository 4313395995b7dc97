import type { Delivery, Issue, ReportRecord, SweepRecord, ThreadKey } from '@zenslackchat/core';
import { IntegrationError } from '@zenslackchat/core';

/** Everything an in-memory IssueRepo holds; values are immutable, so a snapshot is a shallow copy. */
export interface IssueState {
  lastIssueNumber: number;
  readonly issues: Map<string, Issue>;
  readonly deliveries: Map<string, Delivery>;
  readonly inboundEvents: Set<string>;
  readonly reports: Map<string, ReportRecord>;
  readonly leases: Map<string, { readonly owner: string; readonly until: Date }>;
  readonly sweeps: SweepRecord[];
}

/** An empty state. */
export function emptyIssueState(): IssueState {
  return {
    lastIssueNumber: 0,
    issues: new Map(),
    deliveries: new Map(),
    inboundEvents: new Set(),
    reports: new Map(),
    leases: new Map(),
    sweeps: [],
  };
}

/** A copy that later writes to `state` do not touch. */
export function snapshotIssueState(state: IssueState): IssueState {
  return {
    lastIssueNumber: state.lastIssueNumber,
    issues: new Map(state.issues),
    deliveries: new Map(state.deliveries),
    inboundEvents: new Set(state.inboundEvents),
    reports: new Map(state.reports),
    leases: new Map(state.leases),
    sweeps: [...state.sweeps],
  };
}

/** Puts `snapshot` back into `state` in place (a rollback). */
export function restoreIssueState(state: IssueState, snapshot: IssueState): void {
  state.lastIssueNumber = snapshot.lastIssueNumber;
  replaceMap(state.issues, snapshot.issues);
  replaceMap(state.deliveries, snapshot.deliveries);
  replaceMap(state.reports, snapshot.reports);
  replaceMap(state.leases, snapshot.leases);
  state.sweeps.splice(0, state.sweeps.length, ...snapshot.sweeps);
  state.inboundEvents.clear();
  for (const id of snapshot.inboundEvents) state.inboundEvents.add(id);
}

function replaceMap<K, V>(target: Map<K, V>, source: ReadonlyMap<K, V>): void {
  target.clear();
  for (const [key, value] of source) target.set(key, value);
}

/** True when `issue` is the issue of `thread`. */
export function isThread(issue: Issue, thread: ThreadKey): boolean {
  return (
    issue.threadId === thread.threadId &&
    issue.channel === thread.channel &&
    issue.platform === thread.platform
  );
}

/** A copy of an issue with fresh Date objects, so callers cannot change the stored one. */
export function copyIssue(issue: Issue): Issue {
  return {
    ...issue,
    openedAt: new Date(issue.openedAt),
    resolvedAt: issue.resolvedAt === null ? null : new Date(issue.resolvedAt),
    ...(issue.syncedAt === undefined ? {} : { syncedAt: new Date(issue.syncedAt) }),
    ...(issue.ticketUpdatedAt === undefined ? {} : { ticketUpdatedAt: new Date(issue.ticketUpdatedAt) }),
  };
}

/** A copy of a delivery with a fresh Date. */
export function copyDelivery(delivery: Delivery): Delivery {
  const leaseUntil = delivery.leaseUntil === null ? null : new Date(delivery.leaseUntil);
  return { ...delivery, createdAt: new Date(delivery.createdAt), leaseUntil };
}

/** A copy of a report with fresh Dates. */
export function copyReport(report: ReportRecord): ReportRecord {
  return {
    ...report,
    periodStart: new Date(report.periodStart),
    periodEnd: new Date(report.periodEnd),
    postedAt: new Date(report.postedAt),
  };
}

/** The store's errors, tagged with this integration. */
export function repoError(reason: 'NotFound' | 'Conflict' | 'Invalid', message: string): IntegrationError {
  return new IntegrationError(reason, message, { integration: 'memory-issue-repo' });
}
