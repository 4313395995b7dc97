/** The longest subject before it is cut at a word boundary. */
export const MAX_SUBJECT_LENGTH = 100;

/**
 * A ticket subject from a request's text: its first non-empty line, cut at a word boundary with
 * an ellipsis when longer than `max` characters. Empty when the text has no non-blank line.
 */
export function ticketSubject(text: string, max = MAX_SUBJECT_LENGTH): string {
  const line = text
    .split(/\r?\n/)
    .map((candidate) => candidate.trim().replace(/\s+/g, ' '))
    .find((candidate) => candidate !== '');
  if (line === undefined) return '';
  const chars = Array.from(line);
  if (chars.length <= max) return line;
  const head = chars.slice(0, max - 1).join('');
  const lastSpace = head.lastIndexOf(' ');
  // Cut at the last word boundary unless that throws most of the line away (one long word).
  const cut = lastSpace >= head.length / 2 ? head.slice(0, lastSpace) : head;
  return `${cut.replace(/[\s.,;:!?-]+$/, '')}…`;
}
