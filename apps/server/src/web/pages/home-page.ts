import { html, type SafeHtml, safeHref } from '../html.ts';
import { layout, type PageFrame } from '../layout.ts';
import type { IntegrationId, WorkerState } from '../web-options.ts';

/** One row of the integrations list. */
export interface IntegrationRow {
  readonly id: IntegrationId;
  readonly configured: boolean;
  /** What it lacks when not configured, as the start-up log and the README name it. */
  readonly missing: readonly string[];
  readonly startUrl?: string;
  /** Who it is connected to, when connected. */
  readonly account?: string;
  /** When the grant was saved, when connected. */
  readonly since?: Date;
  /** The environment variable whose token it uses instead of an OAuth grant, if any. */
  readonly staticCredential?: string;
  /** True when the token store could not be read. */
  readonly unknown?: boolean;
}

/** What the home page shows. */
export interface HomeView {
  readonly workspace: string;
  readonly rows: readonly IntegrationRow[];
  readonly processingEnabled: boolean;
  /** Whether the job workers that process messages run. */
  readonly workers: WorkerState;
  readonly supportChannel: string;
  /** Whether this server runs the sandbox. */
  readonly sandboxEnabled: boolean;
}

const LABELS: Readonly<Record<IntegrationId, string>> = {
  slack: 'Slack',
  zendesk: 'Zendesk',
  pagerduty: 'PagerDuty',
};
const OAUTH_HINTS: Readonly<Record<IntegrationId, string>> = {
  slack: 'SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_SIGN_SECRET, SLACK_REDIRECT_URI',
  zendesk: 'ZENDESK_CLIENT_IDENTIFIER, ZENDESK_CLIENT_SECRET, ZENDESK_REDIRECT_URI',
  pagerduty: 'PAGERDUTY_CLIENT_IDENTIFIER, PAGERDUTY_CLIENT_SECRET, PAGERDUTY_REDIRECT_URI',
};

/** A date-time as `2026-11-27 10:40 UTC`, the same for every visitor. */
export function formatInstant(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function status(item: IntegrationRow): SafeHtml {
  if (!item.configured)
    return html`<span class="status off">Not configured</span> — set ${item.missing.join(', ')}.`;
  if (item.unknown)
    return html`<span class="status warn">Status unknown</span> (the token store did not answer).`;
  if (item.since !== undefined) {
    return html`<span class="status ok">Connected</span>${item.account === undefined ? '' : html` to <strong>${item.account}</strong>`}
      since <time datetime="${item.since.toISOString()}">${formatInstant(item.since)}</time>`;
  }
  if (item.staticCredential !== undefined) {
    return html`<span class="status ok">Connected</span> with <code>${item.staticCredential}</code> from the environment`;
  }
  return item.startUrl === undefined
    ? html`<span class="status off">Not connected</span> — set ${OAUTH_HINTS[item.id]} to connect with OAuth.`
    : html`<span class="status off">Not connected</span>`;
}

function row(item: IntegrationRow): SafeHtml {
  const label = LABELS[item.id];
  const verb = item.since === undefined ? 'Add' : 'Reconnect';
  const action =
    item.configured && item.startUrl !== undefined
      ? html`<a class="button${item.since === undefined ? '' : ' secondary'}" href="${safeHref(item.startUrl)}"
          aria-label="${verb} ${label}">${verb}</a>`
      : '';
  return html`<li data-integration="${item.id}"><div><h3>${label}</h3><p>${status(item)}</p></div>${action}</li>`;
}

function processing(view: HomeView): SafeHtml {
  if (!view.processingEnabled)
    return html`<span class="status warn">Disabled</span> (DISABLE_MESSAGE_PROCESSING is set: messages are logged and ignored)`;
  if (view.workers === 'stopped')
    return html`<span class="status warn">Not running</span> — no job worker runs in this process: messages wait in the queue until one starts.`;
  if (view.workers === 'elsewhere')
    return html`<span class="status ok">Enabled</span> in the worker processes (<code>--role worker</code>); this one serves the web only.`;
  return html`<span class="status ok">Enabled</span>`;
}

function sandboxOffer(view: HomeView): SafeHtml {
  const missing = view.rows.filter((r) => (r.id === 'slack' || r.id === 'zendesk') && !r.configured);
  if (missing.length === 0 && !view.sandboxEnabled) return html``;
  return html`<section aria-labelledby="sandbox-title">
    <h2 id="sandbox-title">Try it in the sandbox</h2>
    ${
      view.sandboxEnabled
        ? html`<p>This server runs in sandbox mode: a simulated support channel and simulated Zendesk tickets
            behind the real bot. <a href="/sandbox">Open the sandbox</a>.</p>`
        : html`<p>Slack or Zendesk is not configured yet. Start the server with <code>--sandbox</code> to try the
            bot with a simulated channel and simulated tickets; nothing reaches a real vendor.</p>`
    }
  </section>`;
}

/** The site root: "OAuth integrations for …", message processing, the monitored channel, the sandbox. */
export function homePage(frame: PageFrame, view: HomeView): SafeHtml {
  return layout(
    frame,
    html`<h1>OAuth integrations for ${view.workspace}</h1>
    <ul class="integrations">${view.rows.map(row)}</ul>
    <h2>Message processing</h2>
    <dl class="facts">
      <dt>Processing</dt>
      <dd>${processing(view)}</dd>
      <dt>Monitored channel</dt>
      <dd><code>${view.supportChannel}</code></dd>
    </dl>
    ${sandboxOffer(view)}`,
  );
}
