import { signSlackRequest } from '@zenslackchat/adapters-slack/fake';
import type { LoadRequest } from './load.ts';

/**
 * The i-th signed Slack message event of a run: a new top-level message in `channel` with its own
 * event id and ts, signed now, exactly as Slack would deliver it.
 */
export function slackEventRequest(secret: string, channel: string, run: string, i: number): LoadRequest {
  const ts = `${1_800_000_000 + i}.${String(i % 1_000_000).padStart(6, '0')}`;
  const body = JSON.stringify({
    token: 'unused',
    team_id: 'T0FAKE',
    api_app_id: 'A0FAKE',
    type: 'event_callback',
    event_id: `Ev${run}${i}`,
    event_time: Math.floor(Date.now() / 1000),
    event: {
      type: 'message',
      channel,
      user: 'U0ALICE',
      text: `bench request ${i}`,
      ts,
      event_ts: ts,
      team: 'T0FAKE',
      channel_type: 'channel',
    },
  });
  return {
    path: '/slack/events/',
    headers: {
      'content-type': 'application/json',
      ...signSlackRequest(body, secret, Math.floor(Date.now() / 1000)),
    },
    body,
  };
}
