import { html, type SafeHtml } from './html.ts';

/** What every page's frame needs. */
export interface PageFrame {
  readonly title: string;
  /** The logged-in admin's email; no navigation when absent (the login page). */
  readonly adminEmail?: string;
  /** CSRF token for the log-out form. */
  readonly csrfToken?: string;
  /** The path of the current page, to mark the navigation link. */
  readonly path: string;
  readonly sandboxEnabled?: boolean;
  /** A one-off notice, e.g. "Issue #12 marked resolved." */
  readonly flash?: string;
  /** Extra scripts (same-origin paths only: the CSP forbids inline scripts). */
  readonly scripts?: readonly string[];
}

const NAV = [
  { href: '/', label: 'Integrations' },
  { href: '/issues', label: 'Issues' },
  { href: '/reports', label: 'Reports' },
] as const;

function navigation(frame: PageFrame): SafeHtml {
  const links = [...NAV, ...(frame.sandboxEnabled ? [{ href: '/sandbox', label: 'Sandbox' }] : [])];
  const current = (href: string) =>
    href === '/' ? frame.path === '/' : frame.path === href || frame.path.startsWith(`${href}/`);
  return html`<nav aria-label="Main">
      <ul>
        ${links.map((link) => html`<li><a href="${link.href}"${current(link.href) ? html` aria-current="page"` : ''}>${link.label}</a></li>`)}
      </ul>
      <form method="post" action="/logout" class="logout">
        <input type="hidden" name="_csrf" value="${frame.csrfToken}">
        <span class="who">${frame.adminEmail}</span>
        <button type="submit">Log out</button>
        <button type="submit" formaction="/logout/everywhere" class="secondary">Log out everywhere</button>
      </form>
    </nav>`;
}

/** The HTML document around a page's content: landmarks, skip link, navigation, flash notice. */
export function layout(frame: PageFrame, content: SafeHtml): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${frame.title} · ZenSlackChat</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/static/web.css">
  ${(frame.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`)}
</head>
<body>
  <a class="skip-link" href="#main">Skip to content</a>
  <header class="site-header">
    <a class="brand" href="/">ZenSlackChat</a>
    ${frame.adminEmail === undefined ? '' : navigation(frame)}
  </header>
  <main id="main" tabindex="-1">
    ${frame.flash === undefined ? '' : html`<p class="flash" role="status">${frame.flash}</p>`}
    ${content}
  </main>
  <footer class="site-footer"><p>ZenSlackChat bridges the support channel and Zendesk.</p></footer>
</body>
</html>`;
}
