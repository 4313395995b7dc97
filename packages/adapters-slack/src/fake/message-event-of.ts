import type { FakeMessage } from './fake-slack-state.ts';

/**
 * The `message` event Slack sends for a stored message (a bot's own posts carry `bot_id`), as
 * https://api.slack.com/events/message and its bot_message subtype document it.
 */
export function messageEventOf(message: FakeMessage, teamId: string): Record<string, unknown> {
  return {
    type: 'message',
    text: message.text,
    user: message.user,
    ts: message.ts,
    team: teamId,
    channel: message.channel,
    event_ts: message.ts,
    channel_type: 'channel',
    ...(message.threadTs === undefined ? {} : { thread_ts: message.threadTs }),
    ...(message.botId === undefined ? {} : { bot_id: message.botId }),
  };
}
