/** A local calendar day, `YYYY-MM-DD`. */
export type LocalDay = string;

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall-clock time in `timeZone` at `instant`, read as if it were UTC (ms). */
function wallClockMs(instant: Date, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const at = (name: string) => parts[name] ?? 0;
  return Date.UTC(at('year'), at('month') - 1, at('day'), at('hour'), at('minute'), at('second'));
}

/** The local calendar day of `instant` in `timeZone`. */
export function localDayOf(instant: Date, timeZone: string): LocalDay {
  return new Date(wallClockMs(instant, timeZone)).toISOString().slice(0, 10);
}

/** The day `days` after `day` (negative: before). */
export function addDays(day: LocalDay, days: number): LocalDay {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The instant local midnight starts `day` in `timeZone`. Found by correcting the UTC midnight with
 * the zone's offset twice, which settles across a daylight-saving change.
 */
export function startOfLocalDay(day: LocalDay, timeZone: string): Date {
  const wallMidnight = Date.parse(`${day}T00:00:00Z`);
  let guess = wallMidnight;
  for (let i = 0; i < 2; i += 1) {
    const offset = wallClockMs(new Date(guess), timeZone) - guess;
    guess = wallMidnight - offset;
  }
  return new Date(guess);
}
