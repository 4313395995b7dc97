import type { Issue } from '@zenslackchat/core';
import { html, type SafeHtml, safeHref } from '../html.ts';
import type { IssueFilter, IssuePage } from '../issue-search.ts';
import { layout, type PageFrame } from '../layout.ts';
import { formatInstant } from './home-page.ts';

/** Links the issues table needs. */
export interface IssueLinks {
  ticketUrl(ticketId: string): string;
  threadUrl(issue: Issue): string | undefined;
}

/** The query string of a filter, for pager links. */
export function filterQuery(filter: IssueFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.status !== undefined) params.set('status', filter.status);
  if (filter.source !== undefined) params.set('source', filter.source);
  if (filter.text !== undefined) params.set('q', filter.text);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

function option(value: string, label: string, selected: string | undefined): SafeHtml {
  return html`<option value="${value}"${selected === value || (selected === undefined && value === '') ? html` selected` : ''}>${label}</option>`;
}

function filters(filter: IssueFilter): SafeHtml {
  return html`<form class="filters" method="get" action="/issues" role="search" aria-label="Filter issues">
    <div><label for="status">Status</label>
      <select id="status" name="status">${option('', 'Any', filter.status)}${option('open', 'Open', filter.status)}${option('resolved', 'Resolved', filter.status)}</select></div>
    <div><label for="source">Source</label>
      <select id="source" name="source">${option('', 'Any', filter.source)}${option('chat', 'Chat', filter.source)}${option('email', 'Email', filter.source)}</select></div>
    <div><label for="q">Search</label>
      <input id="q" name="q" type="search" value="${filter.text ?? ''}" placeholder="subject words, or a ticket, thread or issue id"></div>
    <button type="submit">Filter</button>
  </form>`;
}

function issueRow(issue: Issue, links: IssueLinks): SafeHtml {
  const thread = links.threadUrl(issue);
  return html`<tr data-issue="${issue.id}">
    <td><time datetime="${issue.openedAt.toISOString()}">${formatInstant(issue.openedAt)}</time></td>
    <td><span class="status ${issue.status === 'open' ? 'warn' : 'ok'}">${issue.status === 'open' ? 'Open' : 'Resolved'}</span></td>
    <td>${issue.source === 'chat' ? 'Chat' : 'Email'}</td>
    <td>${issue.summary ?? '—'}</td>
    <td>${thread === undefined ? '—' : html`<a href="${safeHref(thread)}" rel="noopener noreferrer">Thread</a>`}</td>
    <td>${issue.ticketId === null ? '—' : html`<a href="${safeHref(links.ticketUrl(issue.ticketId))}" rel="noopener noreferrer">#${issue.ticketId}</a>`}</td>
    <td>${issue.resolvedAt === null ? '—' : formatInstant(issue.resolvedAt)}</td>
    <td>${issue.ticketStatus ?? '—'}</td>
    <td>${issue.syncedAt === undefined ? '—' : html`<time datetime="${issue.syncedAt.toISOString()}">${formatInstant(issue.syncedAt)}</time>`}</td>
    <td>${issue.status === 'open' ? html`<a href="/issues/${encodeURIComponent(issue.id)}/resolve">Mark resolved<span class="visually-hidden"> (${issue.ticketId === null ? `issue ${issue.id}` : `ticket #${issue.ticketId}`})</span></a>` : ''}</td>
  </tr>`;
}

/** The issues list: filters, a table with thread and ticket links, and a pager. */
export function issuesPage(
  frame: PageFrame,
  filter: IssueFilter,
  page: IssuePage,
  links: IssueLinks,
): SafeHtml {
  const table =
    page.issues.length === 0
      ? html`<p>No issues match.</p>`
      : html`<div class="table-wrap"><table>
      <caption class="visually-hidden">Issues, newest first, page ${filter.page}</caption>
      <thead><tr><th scope="col">Opened</th><th scope="col">Status</th><th scope="col">Source</th><th scope="col">Subject</th><th scope="col">Chat</th>
        <th scope="col">Ticket</th><th scope="col">Resolved</th><th scope="col">Zendesk status</th><th scope="col">Last synced</th><th scope="col">Action</th></tr></thead>
      <tbody>${page.issues.map((issue) => issueRow(issue, links))}</tbody>
    </table></div>`;
  return layout(
    frame,
    html`<h1>Issues</h1>
    ${filters(filter)}
    ${table}
    <nav class="pager" aria-label="Pages">
      ${filter.page > 1 ? html`<a href="/issues${filterQuery(filter, filter.page - 1)}" rel="prev">Previous page</a>` : ''}
      ${page.hasNext ? html`<a href="/issues${filterQuery(filter, filter.page + 1)}" rel="next">Next page</a>` : ''}
    </nav>`,
  );
}

/** Asks before marking an issue resolved (the ticket is solved and cannot be reopened). */
export function resolveConfirmPage(
  frame: PageFrame & { readonly csrfToken: string },
  issue: Issue,
): SafeHtml {
  const name = issue.ticketId === null ? `issue ${issue.id}` : `ticket #${issue.ticketId}`;
  return layout(
    frame,
    html`<h1>Mark ${name} resolved?</h1>
    <p>The ticket will be solved and the chat thread told. Zendesk does not allow a solved ticket to be reopened.</p>
    <form method="post" action="/issues/${encodeURIComponent(issue.id)}/resolve">
      <input type="hidden" name="_csrf" value="${frame.csrfToken}">
      <button type="submit">Mark resolved</button>
      <a class="button secondary" href="/issues">Cancel</a>
    </form>`,
  );
}
