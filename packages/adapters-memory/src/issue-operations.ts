import type { Claim, Issue, IssueQuery, NewChatIssue, NewEmailIssue, ThreadKey } from '@zenslackchat/core';
import { copyIssue, type IssueState, isThread, repoError } from './issue-state.ts';

// Synchronous issue operations on an IssueState; MemoryIssueRepo runs them under its lock.

function newIssue(
  state: IssueState,
  fields: Omit<Issue, 'id' | 'status' | 'resolvedAt' | 'commentCursor'>,
): Issue {
  state.lastIssueNumber += 1;
  const issue: Issue = {
    id: `issue-${state.lastIssueNumber}`,
    ...fields,
    openedAt: new Date(fields.openedAt),
    status: 'open',
    resolvedAt: null,
    commentCursor: null,
  };
  state.issues.set(issue.id, issue);
  return issue;
}

function byThread(state: IssueState, thread: ThreadKey): Issue | undefined {
  for (const issue of state.issues.values()) if (isThread(issue, thread)) return issue;
  return undefined;
}

function byTicket(state: IssueState, ticketId: string): Issue | undefined {
  for (const issue of state.issues.values()) if (issue.ticketId === ticketId) return issue;
  return undefined;
}

function existing(state: IssueState, issueId: string): Issue {
  const issue = state.issues.get(issueId);
  if (issue === undefined) throw repoError('NotFound', `issue ${issueId} not found`);
  return issue;
}

function update(state: IssueState, issue: Issue, changes: Partial<Issue>): Issue {
  const updated = { ...issue, ...changes };
  state.issues.set(updated.id, updated);
  return copyIssue(updated);
}

export function claimThread(state: IssueState, input: NewChatIssue): Claim {
  const found = byThread(state, input);
  if (found !== undefined) return { issue: copyIssue(found), created: false };
  const { platform, channel, threadId, openedAt } = input;
  const issue = newIssue(state, { platform, channel, threadId, ticketId: null, source: 'chat', openedAt });
  return { issue: copyIssue(issue), created: true };
}

export function claimTicket(state: IssueState, input: NewEmailIssue): Claim {
  const found = byTicket(state, input.ticketId);
  if (found !== undefined) return { issue: copyIssue(found), created: false };
  const { platform, channel, ticketId, openedAt, summary } = input;
  const issue = newIssue(state, {
    platform,
    channel,
    threadId: null,
    ticketId,
    source: 'email',
    openedAt,
    ...(summary === undefined || summary === '' ? {} : { summary }),
  });
  return { issue: copyIssue(issue), created: true };
}

export function attachTicket(state: IssueState, issueId: string, ticketId: string, summary?: string): Issue {
  const issue = existing(state, issueId);
  const withSummary = summary === undefined || summary === '' ? {} : { summary };
  if (issue.ticketId === ticketId) return update(state, issue, withSummary);
  if (issue.ticketId !== null) throw repoError('Conflict', `issue ${issueId} already has another ticket`);
  const holder = byTicket(state, ticketId);
  if (holder !== undefined) throw repoError('Conflict', `ticket ${ticketId} belongs to ${holder.id}`);
  return update(state, issue, { ticketId, ...withSummary });
}

export function attachThread(state: IssueState, issueId: string, threadId: string): Issue {
  const issue = existing(state, issueId);
  if (issue.threadId === threadId) return copyIssue(issue);
  if (issue.threadId !== null) throw repoError('Conflict', `issue ${issueId} already has another thread`);
  const holder = byThread(state, { platform: issue.platform, channel: issue.channel, threadId });
  if (holder !== undefined) throw repoError('Conflict', `thread ${threadId} belongs to ${holder.id}`);
  return update(state, issue, { threadId });
}

export function findByThread(state: IssueState, thread: ThreadKey): Issue | undefined {
  const issue = byThread(state, thread);
  return issue === undefined ? undefined : copyIssue(issue);
}

export function findByTicket(state: IssueState, ticketId: string): Issue | undefined {
  const issue = byTicket(state, ticketId);
  return issue === undefined ? undefined : copyIssue(issue);
}

export function findById(state: IssueState, issueId: string): Issue | undefined {
  const issue = state.issues.get(issueId);
  return issue === undefined ? undefined : copyIssue(issue);
}

export function markResolved(state: IssueState, issueId: string, at: Date): Issue {
  const issue = existing(state, issueId);
  if (issue.status === 'resolved') return copyIssue(issue);
  return update(state, issue, { status: 'resolved', resolvedAt: new Date(at) });
}

export function setCommentCursor(state: IssueState, issueId: string, commentId: string): void {
  update(state, existing(state, issueId), { commentCursor: commentId });
}

/** Newest first: by opening time, then by creation order. */
export function listIssues(state: IssueState, query: IssueQuery): readonly Issue[] {
  if (
    !Number.isInteger(query.limit) ||
    query.limit < 0 ||
    !Number.isInteger(query.offset) ||
    query.offset < 0
  ) {
    throw repoError('Invalid', 'limit and offset must be non-negative integers');
  }
  const search = query.search?.trim().toLowerCase() ?? '';
  return [...state.issues.values()]
    .filter(
      (i) =>
        (query.status === undefined || i.status === query.status) &&
        (query.source === undefined || i.source === query.source) &&
        (search === '' || matchesSearch(i, search)),
    )
    .sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime() || issueNumber(b) - issueNumber(a))
    .slice(query.offset, query.offset + query.limit)
    .map(copyIssue);
}

/** The contract's search: summary contains it (any case), or an id equals it. `search` is lower case. */
function matchesSearch(issue: Issue, search: string): boolean {
  if (issue.summary?.toLowerCase().includes(search) === true) return true;
  return [issue.id, issue.ticketId, issue.threadId].some((id) => id?.toLowerCase() === search);
}

function issueNumber(issue: Issue): number {
  return Number(issue.id.slice('issue-'.length));
}

export function countOpen(state: IssueState, platform?: string): number {
  let count = 0;
  for (const issue of state.issues.values()) {
    if (issue.status === 'open' && (platform === undefined || issue.platform === platform)) count += 1;
  }
  return count;
}

export function countResolvedBetween(state: IssueState, from: Date, to: Date, platform?: string): number {
  let count = 0;
  for (const { resolvedAt, platform: issuePlatform } of state.issues.values()) {
    if (
      (platform === undefined || issuePlatform === platform) &&
      resolvedAt !== null &&
      resolvedAt.getTime() >= from.getTime() &&
      resolvedAt.getTime() < to.getTime()
    ) {
      count += 1;
    }
  }
  return count;
}

export function listOpenOldestFirst(state: IssueState, limit: number, platform?: string): Issue[] {
  return [...state.issues.values()]
    .filter((issue) => issue.status === 'open' && (platform === undefined || issue.platform === platform))
    .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || issueNumber(a) - issueNumber(b))
    .slice(0, limit)
    .map(copyIssue);
}

export function listResolvedBetween(
  state: IssueState,
  from: Date,
  to: Date,
  limit: number,
  platform?: string,
): Issue[] {
  const within = (at: Date | null): at is Date =>
    at !== null && at.getTime() >= from.getTime() && at.getTime() < to.getTime();
  return [...state.issues.values()]
    .filter((issue) => within(issue.resolvedAt) && (platform === undefined || issue.platform === platform))
    .sort(
      (a, b) =>
        (a.resolvedAt?.getTime() ?? 0) - (b.resolvedAt?.getTime() ?? 0) || issueNumber(a) - issueNumber(b),
    )
    .slice(0, limit)
    .map(copyIssue);
}
