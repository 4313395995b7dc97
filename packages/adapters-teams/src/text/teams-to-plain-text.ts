import { convert, type HtmlToTextOptions } from 'html-to-text';
import { withoutMarkers } from '../graph/delivery-marker.ts';

// Teams sends message text as HTML: <p>, <br>, <at>Name</at> for mentions, <a href> for links,
// <emoji alt="…">, entities. Mentions already carry the display name, so no look-up is needed.
const OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  selectors: [
    { selector: 'p', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: 'div', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true, ignoreHref: false } },
    { selector: 'img', format: 'skip' },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
};

/**
 * A Teams message's HTML as plain text for a ticket (mentions by name, links with their URL),
 * without the bot's invisible delivery markers (also when a person pasted a bot's post).
 */
export function teamsToPlainText(html: string): string {
  // Before converting (html-to-text reads U+200B as a space) and after (a marker in entities).
  const withEmoji = withoutMarkers(html).replace(/<emoji\b[^>]*\balt="([^"]*)"[^>]*>(?:<\/emoji>)?/gi, '$1');
  return withoutMarkers(convert(withEmoji, OPTIONS)).trim();
}
