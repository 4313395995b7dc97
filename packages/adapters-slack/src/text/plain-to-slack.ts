/** Options for `plainToSlack`. */
export interface PlainToSlackOptions {
  /** Longest text to send; Slack accepts 40,000 but folds long messages, so keep it readable. */
  readonly maxLength?: number;
  /** Where the full text can be read when it has to be cut. */
  readonly overflowUrl?: string;
}

/** Default cut-off: one screen of Slack message, well under the API's 40,000 characters. */
export const DEFAULT_MAX_SLACK_LENGTH = 3_900;
/** How far back from the cut to look for a word break. */
const WORD_BREAK_WINDOW = 200;

/** Escapes the three characters Slack treats as markup. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Converts plain text (e.g. a ticket comment) to Slack-safe text: escapes `&`, `<`, `>` and, when
 * the escaped text is longer than `maxLength`, cuts it (at a word break when one is near, never
 * inside an entity or a surrogate pair) and appends "… (continued at <overflowUrl>)". The result
 * is never longer than `maxLength`. Bare URLs stay as they are: Slack links them itself.
 */
export function plainToSlack(text: string, options: PlainToSlackOptions = {}): string {
  const maxLength = options.maxLength ?? DEFAULT_MAX_SLACK_LENGTH;
  const escaped = escapeSlack(text);
  if (escaped.length <= maxLength) return escaped;

  const suffix = options.overflowUrl ? `… (continued at <${safeUrl(options.overflowUrl)}>)` : '…';
  const budget = Math.max(0, maxLength - suffix.length);
  const pieces: string[] = [];
  let used = 0;
  for (const char of text) {
    const piece = escapeSlack(char);
    if (used + piece.length > budget) break;
    pieces.push(piece);
    used += piece.length;
  }
  let head = pieces.join('');
  const wordBreak = head.search(/\s\S*$/);
  if (wordBreak > 0 && head.length - wordBreak <= WORD_BREAK_WINDOW) head = head.slice(0, wordBreak);
  const result = `${head.trimEnd()}${suffix}`;
  return result.length <= maxLength ? result : result.slice(0, maxLength);
}

/** Keeps a URL from breaking out of Slack's `<...>` link syntax. */
function safeUrl(url: string): string {
  return url.replace(/[<>|\s]/g, (c) => encodeURIComponent(c));
}
