import type { Issue, IssueRepo, IssueSource, IssueStatus } from '@zenslackchat/core';

/** A validated issues-page query. */
export interface IssueFilter {
  readonly status?: IssueStatus;
  readonly source?: IssueSource;
  /** Matched against the issue, ticket and thread ids and the channel (the repo stores no text). */
  readonly text?: string;
  /** 1-based. */
  readonly page: number;
  readonly pageSize: number;
}

/** One page of issues, and whether there is a next one. */
export interface IssuePage {
  readonly issues: readonly Issue[];
  readonly hasNext: boolean;
  /** True when a text search stopped at `SEARCH_SCAN_LIMIT` issues. */
  readonly truncated: boolean;
}

/** How many issues a text search looks through, newest first (IssueRepo cannot search itself). */
export const SEARCH_SCAN_LIMIT = 2000;

function matches(issue: Issue, needle: string): boolean {
  return [issue.id, issue.ticketId, issue.threadId, issue.channel].some(
    (value) => value?.toLowerCase().includes(needle) === true,
  );
}

/**
 * Lists a page of issues. Status and source filter in the repo; a text search scans the newest
 * issues in batches and pages the matches itself.
 */
export async function findIssues(repo: IssueRepo, filter: IssueFilter): Promise<IssuePage> {
  const base = {
    ...(filter.status === undefined ? {} : { status: filter.status }),
    ...(filter.source === undefined ? {} : { source: filter.source }),
  };
  const start = (filter.page - 1) * filter.pageSize;
  if (filter.text === undefined) {
    const rows = await repo.listIssues({ ...base, limit: filter.pageSize + 1, offset: start });
    return {
      issues: rows.slice(0, filter.pageSize),
      hasNext: rows.length > filter.pageSize,
      truncated: false,
    };
  }
  const needle = filter.text.toLowerCase();
  const found: Issue[] = [];
  const batch = 200;
  let offset = 0;
  let exhausted = false;
  while (found.length <= start + filter.pageSize && offset < SEARCH_SCAN_LIMIT) {
    const rows = await repo.listIssues({ ...base, limit: batch, offset });
    found.push(...rows.filter((issue) => matches(issue, needle)));
    offset += rows.length;
    if (rows.length < batch) {
      exhausted = true;
      break;
    }
  }
  return {
    issues: found.slice(start, start + filter.pageSize),
    hasNext: found.length > start + filter.pageSize,
    truncated: !exhausted && offset >= SEARCH_SCAN_LIMIT,
  };
}
