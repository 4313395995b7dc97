import type { SweepRecord } from '@zenslackchat/core';
import { html, type SafeHtml } from '../html.ts';
import { formatInstant } from './home-page.ts';

/** The last reconciliation sweeps: what each checked and healed (see docs/configuration.md). */
export function sweepTable(sweeps: readonly SweepRecord[]): SafeHtml {
  if (sweeps.length === 0) return html`<p>No reconciliation sweep has run yet.</p>`;
  return html`<div class="table-wrap"><table>
    <caption class="visually-hidden">Reconciliation sweeps, newest first</caption>
    <thead><tr><th scope="col">Started</th><th scope="col">Checked</th><th scope="col">Changed</th><th scope="col">Healed</th><th scope="col">Failed</th><th scope="col">Zendesk calls</th></tr></thead>
    <tbody>${sweeps.map(
      (
        s,
      ) => html`<tr><td><time datetime="${s.startedAt.toISOString()}">${formatInstant(s.startedAt)}</time></td>
        <td>${s.checked}</td><td>${s.changed}</td><td>${s.healed}</td><td>${s.failed}</td><td>${s.calls}</td></tr>`,
    )}</tbody></table></div>`;
}
