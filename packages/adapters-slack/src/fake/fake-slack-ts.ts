// Slack message timestamps and the oldest/latest/inclusive window of conversations.history
// (https://api.slack.com/methods/conversations.history, "Pagination by time").

/** A boolean Web API argument as forms and JSON send it. */
export const flag = (value: unknown): boolean =>
  value === true || value === 'true' || value === '1' || value === 1;

/** A Slack `ts` (`seconds.micros`) as microseconds; undefined when malformed. */
export const tsMicros = (ts: string): bigint | undefined => {
  const match = /^(\d+)(?:\.(\d{1,6}))?$/.exec(ts);
  return match ? BigInt(match[1] ?? '0') * 1_000_000n + BigInt((match[2] ?? '').padEnd(6, '0')) : undefined;
};
/** Orders two Slack `ts` values. */
export const compareTs = (a: string, b: string): number => {
  const d = (tsMicros(a) ?? 0n) - (tsMicros(b) ?? 0n);
  return d === 0n ? 0 : d < 0n ? -1 : 1;
};

/** `oldest` / `latest` / `inclusive` as a filter on message ts, or `invalid` for a malformed bound. */
export function timeRange(params: Readonly<Record<string, unknown>>): ((ts: string) => boolean) | 'invalid' {
  const bound = (value: unknown) =>
    value === undefined || value === '' ? undefined : tsMicros(String(value));
  const oldest = bound(params.oldest);
  const latest = bound(params.latest);
  if (
    (params.oldest !== undefined && params.oldest !== '' && oldest === undefined) ||
    (params.latest !== undefined && params.latest !== '' && latest === undefined)
  )
    return 'invalid';
  const inclusive = flag(params.inclusive);
  return (ts) => {
    const at = tsMicros(ts) ?? 0n;
    if (oldest !== undefined && (inclusive ? at < oldest : at <= oldest)) return false;
    if (latest !== undefined && (inclusive ? at > latest : at >= latest)) return false;
    return true;
  };
}
