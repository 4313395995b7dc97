import { html, type SafeHtml } from '../html.ts';

// How a chat client shows the bot's plain text: `code` in backticks as code, bare http(s) URLs as
// links. Everything stays escaped by `html`; only these two shapes become markup.
const TOKEN = /(`[^`\n]+`|https?:\/\/[^\s<>"']+)/g;

/** A message's text as a chat client renders it (code spans and links), escaped. */
export function chatMarkup(text: string): SafeHtml {
  const parts = text.split(TOKEN).map((part, index) => {
    if (index % 2 === 0) return html`${part}`;
    if (part.startsWith('`')) return html`<code>${part.slice(1, -1)}</code>`;
    const url = part.replace(/[.,;:!?)]+$/, '');
    return html`<a href="${url}">${url}</a>${part.slice(url.length)}`;
  });
  return html`${parts}`;
}
