import { signSlackRequest } from '@zenslackchat/adapters-slack/fake';

/** Options of one hand-made Slack request. */
export interface SlackRequestOptions {
  /** Seconds since the epoch to sign with (default now). */
  readonly timestamp?: number;
  /** Sign with this secret instead (a wrong one); `null` sends no signature at all. */
  readonly secret?: string | null;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Posts a raw body to the bot's Slack events endpoint, signed as Slack signs it unless told otherwise. */
export async function postSlackEvent(
  baseUrl: string,
  signingSecret: string,
  body: string,
  options: SlackRequestOptions = {},
): Promise<{ status: number; text: string }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const secret = options.secret === undefined ? signingSecret : options.secret;
  const response = await fetch(`${baseUrl}/slack/events/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(secret === null ? {} : signSlackRequest(body, secret, timestamp)),
      ...options.headers,
    },
    body,
  });
  return { status: response.status, text: await response.text() };
}

/** A Slack `event_callback` envelope around a message event. */
export function messageEnvelope(
  event: Readonly<Record<string, unknown>>,
  eventId: string,
  teamId = 'T0FAKE',
): Record<string, unknown> {
  return {
    token: 'legacy-token-unused',
    team_id: teamId,
    api_app_id: 'A0FAKE',
    event: { type: 'message', team: teamId, event_ts: event.ts, channel_type: 'channel', ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
  };
}
