import type { SlackEventsPluginOptions } from './slack-events-config.ts';
import { secretsEqual } from './verify-slack-signature.ts';

/** The same window as signatures: `X-Slack-Request-Timestamp` within 5 minutes of now. */
const WINDOW_S = 300;
/** How old an event may be: Slack's last retry comes about 5 minutes after the first delivery. */
const EVENT_AGE_S = 600;

/** True when the (opt-in) legacy verification token is allowed and the body carries it. */
export function legacyTokenMatches(body: unknown, options: SlackEventsPluginOptions): boolean {
  if (!options.allowLegacyToken || !options.verificationToken) return false;
  const token = typeof body === 'object' && body !== null ? (body as { token?: unknown }).token : undefined;
  return typeof token === 'string' && secretsEqual(token, options.verificationToken);
}

/**
 * Why an unsigned, token-authenticated request falls outside the replay window, or null: its
 * `X-Slack-Request-Timestamp` must be within 5 minutes of now (as for signatures), and an event's
 * own `event_time` no older than 10 minutes (Slack's retries) nor ahead of now. The token does not
 * cover either, so this stops a replayed capture, not a forger who knows the token.
 */
export function legacyReplayFailure(
  body: unknown,
  timestamp: string | undefined,
  nowMs: number,
): string | null {
  if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) return 'missing_timestamp';
  const now = Math.floor(nowMs / 1000);
  if (Math.abs(now - Number(timestamp)) > WINDOW_S) return 'stale_timestamp';
  const eventTime =
    typeof body === 'object' && body !== null ? (body as { event_time?: unknown }).event_time : undefined;
  if (eventTime === undefined) return null;
  if (typeof eventTime !== 'number' || now - eventTime > EVENT_AGE_S || eventTime - now > WINDOW_S)
    return 'stale_event';
  return null;
}
