import { escapeUTF8 } from 'entities';

/** Teams takes up to about 28 KB per message; stay well under it once escaped. */
export const DEFAULT_MAX_TEAMS_LENGTH = 20_000;

/** Options of `plainToTeams`. */
export interface PlainToTeamsOptions {
  readonly maxLength?: number;
  /** Where the whole text can be read when it is cut. */
  readonly overflowUrl?: string;
}

/**
 * Plain text → the HTML a Teams message carries (`textFormat: 'xml'`): `&`, `<`, `>` and quotes
 * escaped so nothing reads as markup or a mention, line breaks as `<br>`, cut with a link when long.
 */
export function plainToTeams(text: string, options: PlainToTeamsOptions = {}): string {
  const max = options.maxLength ?? DEFAULT_MAX_TEAMS_LENGTH;
  let plain = text;
  if (plain.length > max) {
    const tail = options.overflowUrl === undefined ? '…' : `… (continued at ${options.overflowUrl})`;
    plain = `${plain.slice(0, Math.max(0, max - tail.length))}${tail}`;
  }
  return escapeUTF8(plain).replace(/\r?\n/g, '<br>');
}
