import type { Delivery, DeliveryIntent, DeliveryKind, ReportRecord } from '@zenslackchat/core';
import { copyDelivery, copyReport, type IssueState, repoError } from './issue-state.ts';

// Synchronous delivery, inbound-event and report operations on an IssueState.

export function beginDelivery(state: IssueState, intent: DeliveryIntent, at: Date): Delivery {
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
    };
    state.deliveries.set(delivery.key, delivery);
    return copyDelivery(delivery);
  }
  if (found.state === 'done') return copyDelivery(found);
  const retried: Delivery = { ...found, attempts: found.attempts + 1 };
  state.deliveries.set(retried.key, retried);
  return copyDelivery(retried);
}

export function completeDelivery(state: IssueState, key: string, targetId: string): void {
  const found = state.deliveries.get(key);
  if (found === undefined) throw repoError('NotFound', `delivery ${key} not found`);
  // First completion wins: a late duplicate completion must not rewrite the mapping.
  if (found.state === 'done') return;
  state.deliveries.set(key, { ...found, state: 'done', targetId });
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
  state.reports.set(report.day, copyReport(report));
}

export function lastReport(state: IssueState): ReportRecord | undefined {
  const [last] = [...state.reports.values()].sort(newestFirst);
  return last === undefined ? undefined : copyReport(last);
}

export function listReports(state: IssueState, limit: number): readonly ReportRecord[] {
  if (!Number.isInteger(limit) || limit < 0)
    throw repoError('Invalid', 'limit must be a non-negative integer');
  return [...state.reports.values()].sort(newestFirst).slice(0, limit).map(copyReport);
}
