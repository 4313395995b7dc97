import type { Issue, IssueRepo, IssueSource, IssueStatus } from '@zenslackchat/core';

/** A validated issues-page query. */
export interface IssueFilter {
  readonly status?: IssueStatus;
  readonly source?: IssueSource;
  /** The repo's text search: the ticket subject contains it, or a ticket, thread or issue id equals it. */
  readonly text?: string;
  /** 1-based. */
  readonly page: number;
  readonly pageSize: number;
}

/** One page of issues, and whether there is a next one. */
export interface IssuePage {
  readonly issues: readonly Issue[];
  readonly hasNext: boolean;
}

/** Lists a page of issues; status, source and text all filter in the repo (one query). */
export async function findIssues(repo: IssueRepo, filter: IssueFilter): Promise<IssuePage> {
  const rows = await repo.listIssues({
    ...(filter.status === undefined ? {} : { status: filter.status }),
    ...(filter.source === undefined ? {} : { source: filter.source }),
    ...(filter.text === undefined ? {} : { search: filter.text }),
    limit: filter.pageSize + 1,
    offset: (filter.page - 1) * filter.pageSize,
  });
  return { issues: rows.slice(0, filter.pageSize), hasNext: rows.length > filter.pageSize };
}
