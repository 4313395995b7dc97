import type { LogLine } from './server-process.ts';

/** One forbidden value found in the logs: which needle (by label) in which line. */
export interface LogLeak {
  readonly label: string;
  readonly line: string;
}

/**
 * Finds every log line that contains one of `needles` (secrets, tokens, message texts, emails).
 * Needles shorter than 6 characters are refused: they would match by accident.
 */
export function findLeaks(logs: readonly LogLine[], needles: Readonly<Record<string, string>>): LogLeak[] {
  const leaks: LogLeak[] = [];
  for (const [label, needle] of Object.entries(needles)) {
    if (needle.length < 6) throw new Error(`log scan: needle "${label}" is too short to scan for`);
    for (const line of logs) {
      if (line.text.includes(needle)) leaks.push({ label, line: line.text.slice(0, 300) });
    }
  }
  return leaks;
}

/** Labels each value with its position, for `findLeaks`. */
export function labelled(prefix: string, values: readonly string[]): Record<string, string> {
  return Object.fromEntries(values.map((value, index) => [`${prefix}#${index}`, value]));
}
