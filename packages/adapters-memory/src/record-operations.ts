import type { Delivery, DeliveryIntent, DeliveryKind, DeliveryLease, ReportRecord } from '@zenslackchat/core';
import { copyDelivery, copyReport, type IssueState, repoError } from './issue-state.ts';

// Synchronous delivery, inbound-event and report operations on an IssueState.

/** Records the intent leased to `lease.owner`; see `IssueRepo.beginDelivery` for the rules. */
export function beginDelivery(
  state: IssueState,
  intent: DeliveryIntent,
  at: Date,
  lease: DeliveryLease,
): Delivery {
  const found = state.deliveries.get(intent.key);
  if (found === undefined) {
    const delivery: Delivery = {
      key: intent.key,
      kind: intent.kind,
      issueId: intent.issueId,
      sourceId: intent.sourceId,
      targetId: null,
      state: 'pending',
      attempts: 1,
      createdAt: new Date(at),
      contentHash: intent.contentHash ?? null,
      owner: lease.owner,
      leaseUntil: new Date(lease.until),
    };
    state.deliveries.set(delivery.key, delivery);
    return copyDelivery(delivery);
  }
  const free =
    found.owner === lease.owner || found.leaseUntil === null || found.leaseUntil.getTime() <= at.getTime();
  if (found.state === 'done' || !free) return copyDelivery(found);
  const taken: Delivery = {
    ...found,
    attempts: found.attempts + 1,
    contentHash: intent.contentHash ?? found.contentHash,
    owner: lease.owner,
    leaseUntil: new Date(lease.until),
  };
  state.deliveries.set(taken.key, taken);
  return copyDelivery(taken);
}

/** Marks it done by its lease's owner; idempotent for the same target. */
export function completeDelivery(state: IssueState, key: string, targetId: string, owner: string): void {
  const found = state.deliveries.get(key);
  if (found === undefined) throw repoError('NotFound', `delivery ${key} not found`);
  if (found.state === 'done') {
    if (found.targetId === targetId) return;
    throw repoError('Conflict', `delivery ${key} is already done with another target`);
  }
  if (found.owner !== owner) throw repoError('Conflict', `delivery ${key} is leased to another run`);
  state.deliveries.set(key, { ...found, state: 'done', targetId, leaseUntil: null });
}

/** Extends the owner's (not released) lease of a pending delivery. */
export function renewDelivery(state: IssueState, key: string, owner: string, until: Date): boolean {
  const found = state.deliveries.get(key);
  if (found?.state !== 'pending' || found.owner !== owner || found.leaseUntil === null) return false;
  state.deliveries.set(key, { ...found, leaseUntil: new Date(until) });
  return true;
}

/** Ends the owner's lease of a pending delivery. */
export function releaseDelivery(state: IssueState, key: string, owner: string): void {
  const found = state.deliveries.get(key);
  if (found?.state !== 'pending' || found.owner !== owner) return;
  state.deliveries.set(key, { ...found, leaseUntil: null });
}

/** The earliest pending delivery of an issue with that content hash. */
export function findPendingByContent(
  state: IssueState,
  issueId: string,
  contentHash: string,
): Delivery | undefined {
  for (const delivery of state.deliveries.values()) {
    const pending = delivery.state === 'pending' && delivery.issueId === issueId;
    if (pending && delivery.contentHash === contentHash) return copyDelivery(delivery);
  }
  return undefined;
}

export function findDelivery(state: IssueState, key: string): Delivery | undefined {
  const found = state.deliveries.get(key);
  return found === undefined ? undefined : copyDelivery(found);
}

export function findDeliveryByTarget(
  state: IssueState,
  kind: DeliveryKind,
  targetId: string,
): Delivery | undefined {
  for (const delivery of state.deliveries.values()) {
    if (delivery.kind === kind && delivery.targetId === targetId) return copyDelivery(delivery);
  }
  return undefined;
}

export function hasInboundEvent(state: IssueState, source: string, eventId: string): boolean {
  return state.inboundEvents.has(JSON.stringify([source, eventId]));
}

export function recordInboundEvent(state: IssueState, source: string, eventId: string): boolean {
  const id = JSON.stringify([source, eventId]);
  if (state.inboundEvents.has(id)) return false;
  state.inboundEvents.add(id);
  return true;
}

/** Newest posted first; a tie goes to the later day. */
function newestFirst(a: ReportRecord, b: ReportRecord): number {
  return b.postedAt.getTime() - a.postedAt.getTime() || (b.day < a.day ? -1 : b.day > a.day ? 1 : 0);
}

export function saveReport(state: IssueState, report: ReportRecord): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(report.day))
    throw repoError('Invalid', `report day ${report.day} is not YYYY-MM-DD`);
  state.reports.set(`${report.platform}\u0000${report.day}`, copyReport(report));
}

export function lastReport(state: IssueState, platform?: string): ReportRecord | undefined {
  const [last] = [...state.reports.values()]
    .filter((r) => platform === undefined || r.platform === platform)
    .sort(newestFirst);
  return last === undefined ? undefined : copyReport(last);
}

export function listReports(state: IssueState, limit: number): readonly ReportRecord[] {
  if (!Number.isInteger(limit) || limit < 0)
    throw repoError('Invalid', 'limit must be a non-negative integer');
  return [...state.reports.values()].sort(newestFirst).slice(0, limit).map(copyReport);
}
