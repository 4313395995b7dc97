import type { ReportRecord, SweepRecord } from '@zenslackchat/core';
import { html, type SafeHtml } from '../html.ts';
import { layout, type PageFrame } from '../layout.ts';
import { formatInstant } from './home-page.ts';
import { reportChart } from './report-chart.ts';
import { sweepTable } from './sweep-table.ts';

/** The report history: the 90-day chart, a "Post report now" button and the table of reports. */
export function reportsPage(
  frame: PageFrame & { readonly csrfToken: string },
  reports: readonly ReportRecord[],
  today: Date,
  sweeps: readonly SweepRecord[] = [],
): SafeHtml {
  return layout(
    frame,
    html`<h1>Daily reports</h1>
    <form method="post" action="/reports/post">
      <input type="hidden" name="_csrf" value="${frame.csrfToken}">
      <button type="submit">Post report now</button>
    </form>
    <h2>Last 90 days</h2>
    <ul class="legend">
      <li><span class="swatch open"></span>Open issues</li>
      <li><span class="swatch resolved"></span>Resolved per day</li>
    </ul>
    ${reportChart(reports, today)}
    <h2>History</h2>
    ${
      reports.length === 0
        ? html`<p>No report has been posted yet.</p>`
        : html`<div class="table-wrap"><table>
        <thead><tr><th scope="col">Day</th><th scope="col">Open</th><th scope="col">Resolved</th><th scope="col">Posted</th></tr></thead>
        <tbody>${reports.map(
          (r) => html`<tr><td>${r.day}</td><td>${r.openCount}</td><td>${r.resolvedCount}</td>
            <td><time datetime="${r.postedAt.toISOString()}">${formatInstant(r.postedAt)}</time></td></tr>`,
        )}</tbody></table></div>`
    }
    <h2>Reconciliation sweeps</h2>
    ${sweepTable(sweeps)}`,
  );
}
