import type { FakeMessage } from './fake-slack-state.ts';
import { messageEventOf } from './message-event-of.ts';

/**
 * The `message_changed` event Slack sends when a person edits `message` to `newText` at `editTs`,
 * as https://docs.slack.dev/reference/events/message/message_changed/ shows it: hidden, the
 * event's own `ts`, the edited `message` (its own `ts`, `edited: {user, ts}`) and `previous_message`.
 */
export function messageChangedEventOf(
  message: FakeMessage,
  teamId: string,
  newText: string,
  editTs: string,
): Record<string, unknown> {
  const before = inner(messageEventOf(message, teamId));
  return {
    type: 'message',
    subtype: 'message_changed',
    hidden: true,
    channel: message.channel,
    ts: editTs,
    event_ts: editTs,
    channel_type: 'channel',
    message: { ...before, text: newText, edited: { user: message.user, ts: editTs } },
    previous_message: before,
  };
}

/**
 * The `message_deleted` event for `message`, deleted at `deleteTs`: hidden, `deleted_ts` naming
 * the message (https://docs.slack.dev/reference/events/message/message_deleted/), and the
 * `previous_message` that @slack/types' MessageDeletedEvent declares
 * (https://docs.slack.dev/tools/node-slack-sdk/reference/types/interfaces/MessageDeletedEvent).
 */
export function messageDeletedEventOf(
  message: FakeMessage,
  teamId: string,
  deleteTs: string,
): Record<string, unknown> {
  return {
    type: 'message',
    subtype: 'message_deleted',
    hidden: true,
    channel: message.channel,
    ts: deleteTs,
    event_ts: deleteTs,
    deleted_ts: message.ts,
    channel_type: 'channel',
    previous_message: inner(messageEventOf(message, teamId)),
  };
}

// A message as nested in a change event: no channel or event fields of its own.
function inner(event: Record<string, unknown>): Record<string, unknown> {
  const { channel: _channel, event_ts: _eventTs, channel_type: _type, ...message } = event;
  return message;
}
