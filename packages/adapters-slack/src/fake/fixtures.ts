/**
 * Slack Events API payloads in the shapes Slack sends (trimmed of blocks), for endpoint and
 * normalisation tests. Wrap an inner event with `eventCallback`.
 */
export const FIXTURE_TEAM = 'T0FAKE';
export const FIXTURE_CHANNEL = 'C0SUPPORT';
export const FIXTURE_USER = 'U0ALICE';

/** A person's top-level message. */
export const messageEvent = {
  client_msg_id: '5a1b2c3d-0000-4000-8000-000000000001',
  type: 'message',
  text: 'The VPN is down for <@U0BOB> and me :fire: see <https://status.example.com|status>',
  user: FIXTURE_USER,
  ts: '1700000000.000100',
  team: FIXTURE_TEAM,
  channel: FIXTURE_CHANNEL,
  event_ts: '1700000000.000100',
  channel_type: 'channel',
} as const;

/** A person's reply in the thread started by `messageEvent`. */
export const threadReplyEvent = {
  client_msg_id: '5a1b2c3d-0000-4000-8000-000000000002',
  type: 'message',
  text: 'resolve',
  user: 'U0BOB',
  ts: '1700000050.000200',
  thread_ts: '1700000000.000100',
  parent_user_id: FIXTURE_USER,
  team: FIXTURE_TEAM,
  channel: FIXTURE_CHANNEL,
  event_ts: '1700000050.000200',
  channel_type: 'channel',
} as const;

/** A message posted by an integration (no user). */
export const botMessageEvent = {
  type: 'message',
  subtype: 'bot_message',
  text: 'Alert: disk 91% on db-1',
  ts: '1700000100.000300',
  username: 'monitoring',
  bot_id: 'B0MONITOR',
  channel: FIXTURE_CHANNEL,
  event_ts: '1700000100.000300',
  channel_type: 'channel',
} as const;

/** An edit: the event's own ts differs from the edited message's ts. */
export const messageChangedEvent = {
  type: 'message',
  subtype: 'message_changed',
  hidden: true,
  message: {
    type: 'message',
    text: 'The VPN is down (edited)',
    user: FIXTURE_USER,
    ts: '1700000000.000100',
    edited: { user: FIXTURE_USER, ts: '1700000200.000000' },
  },
  previous_message: { type: 'message', text: 'The VPN is down', user: FIXTURE_USER, ts: '1700000000.000100' },
  channel: FIXTURE_CHANNEL,
  ts: '1700000200.000400',
  event_ts: '1700000200.000400',
  channel_type: 'channel',
} as const;

/** A message with an uploaded file. */
export const fileShareEvent = {
  type: 'message',
  subtype: 'file_share',
  text: 'Screenshot of the error',
  files: [
    {
      id: 'F0SHOT',
      created: 1700000300,
      timestamp: 1700000300,
      name: 'error.png',
      title: 'error.png',
      mimetype: 'image/png',
      filetype: 'png',
      user: FIXTURE_USER,
      size: 48213,
      url_private: 'https://files.slack.com/files-pri/T0FAKE-F0SHOT/error.png',
      url_private_download: 'https://files.slack.com/files-pri/T0FAKE-F0SHOT/download/error.png',
      permalink: 'https://fake.slack.com/files/U0ALICE/F0SHOT/error.png',
    },
  ],
  upload: false,
  user: FIXTURE_USER,
  display_as_bot: false,
  ts: '1700000300.000500',
  channel: FIXTURE_CHANNEL,
  event_ts: '1700000300.000500',
  channel_type: 'channel',
} as const;

/** Someone joined the channel. */
export const channelJoinEvent = {
  type: 'message',
  subtype: 'channel_join',
  ts: '1700000400.000600',
  user: 'U0CAROL',
  text: '<@U0CAROL> has joined the channel',
  inviter: FIXTURE_USER,
  channel: FIXTURE_CHANNEL,
  event_ts: '1700000400.000600',
  channel_type: 'channel',
} as const;

/** An event the bot does not handle. */
export const reactionAddedEvent = {
  type: 'reaction_added',
  user: FIXTURE_USER,
  reaction: 'eyes',
  item: { type: 'message', channel: FIXTURE_CHANNEL, ts: '1700000000.000100' },
  event_ts: '1700000500.000700',
} as const;

/** The handshake Slack sends when the request URL is configured. */
export const urlVerification = {
  token: 'legacy-verification-token',
  challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
  type: 'url_verification',
} as const;

/** Wraps an inner event in Slack's `event_callback` envelope. */
export function eventCallback(
  event: object,
  overrides: { readonly eventId?: string; readonly token?: string; readonly eventTime?: number } = {},
): Record<string, unknown> {
  return {
    token: overrides.token ?? 'legacy-verification-token',
    team_id: FIXTURE_TEAM,
    api_app_id: 'A0FAKE',
    event,
    type: 'event_callback',
    event_id: overrides.eventId ?? 'Ev0FIXTURE1',
    event_time: overrides.eventTime ?? 1700000000,
    authorizations: [
      {
        enterprise_id: null,
        team_id: FIXTURE_TEAM,
        user_id: 'U0BOT',
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: '4-eyJldCI6Im1lc3NhZ2UifQ',
  };
}
