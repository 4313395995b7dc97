import type { Issue, SweepRecord, SyncResult, TicketSync } from '@zenslackchat/core';
import { copyIssue, type IssueState, repoError } from './issue-state.ts';

// The ticket-lifecycle half of the in-memory IssueRepo: syncs, re-pointing, the sweep's reads,
// leases and sweep records. Synchronous; MemoryIssueRepo runs them under its lock.

function existing(state: IssueState, issueId: string): Issue {
  const issue = state.issues.get(issueId);
  if (issue === undefined) throw repoError('NotFound', `issue ${issueId} not found`);
  return issue;
}

function store(state: IssueState, issue: Issue): Issue {
  state.issues.set(issue.id, issue);
  return copyIssue(issue);
}

export function applyTicketSync(state: IssueState, issueId: string, sync: TicketSync): SyncResult {
  const issue = existing(state, issueId);
  if (issue.ticketUpdatedAt !== undefined && sync.ticketUpdatedAt < issue.ticketUpdatedAt) {
    return { issue: copyIssue(issue), applied: false };
  }
  const resolution =
    sync.resolvedAt === undefined
      ? {}
      : sync.resolvedAt === null
        ? { status: 'open' as const, resolvedAt: null }
        : issue.status === 'resolved'
          ? {}
          : { status: 'resolved' as const, resolvedAt: new Date(sync.resolvedAt) };
  const updated: Issue = {
    ...issue,
    ...resolution,
    ticketStatus: sync.ticketStatus,
    ticketUpdatedAt: new Date(sync.ticketUpdatedAt),
    syncedAt: new Date(sync.syncedAt),
  };
  return { issue: store(state, updated), applied: true };
}

export function repointTicket(
  state: IssueState,
  issueId: string,
  ticketId: string,
  commentCursor: string | null,
): Issue {
  const issue = existing(state, issueId);
  if (issue.ticketId === ticketId) return copyIssue(issue);
  for (const other of state.issues.values()) {
    if (other.ticketId === ticketId) throw repoError('Conflict', `ticket ${ticketId} belongs to ${other.id}`);
  }
  const { ticketStatus: _s, syncedAt: _a, ticketUpdatedAt: _u, ...rest } = issue;
  return store(state, { ...rest, ticketId, commentCursor, status: 'open', resolvedAt: null });
}

/** Ordered by id as strings, the order Postgres gives its uuids too (any stable order does). */
export function listSyncable(state: IssueState, after: string | null, limit: number): readonly Issue[] {
  if (!Number.isInteger(limit) || limit < 0)
    throw repoError('Invalid', 'limit must be a non-negative integer');
  return [...state.issues.values()]
    .filter((issue) => after === null || issue.id > after)
    .filter(
      (issue) =>
        issue.ticketId !== null &&
        (issue.status === 'open' || (issue.ticketStatus !== 'closed' && issue.ticketStatus !== 'deleted')),
    )
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit)
    .map(copyIssue);
}

export function acquireLease(
  state: IssueState,
  name: string,
  owner: string,
  now: Date,
  until: Date,
): boolean {
  const held = state.leases.get(name);
  if (held !== undefined && held.owner !== owner && held.until > now) return false;
  state.leases.set(name, { owner, until: new Date(until) });
  return true;
}

export function releaseLease(state: IssueState, name: string, owner: string): void {
  if (state.leases.get(name)?.owner === owner) state.leases.delete(name);
}

export function saveSweep(state: IssueState, record: SweepRecord): void {
  state.sweeps.push({ ...record });
}

export function listSweeps(state: IssueState, limit: number): readonly SweepRecord[] {
  return [...state.sweeps]
    .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())
    .slice(0, Math.max(0, limit))
    .map((record) => ({ ...record }));
}
