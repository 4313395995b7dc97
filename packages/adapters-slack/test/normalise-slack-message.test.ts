import { describe, expect, it } from 'vitest';
import { normaliseMessageEvent, normaliseSlackMessage } from '../src/events/normalise-slack-message.ts';
import {
  botMessageEvent,
  channelJoinEvent,
  eventCallback,
  fileShareEvent,
  messageChangedEvent,
  messageEvent,
  reactionAddedEvent,
  threadReplyEvent,
} from '../src/fake/index.ts';

const normalise = (event: object) => normaliseSlackMessage(eventCallback(event, { eventId: 'EvN' }));

describe('normaliseSlackMessage', () => {
  it('normalises a top-level message', () => {
    expect(normalise(messageEvent)).toEqual({
      eventId: 'EvN',
      platform: 'slack',
      channel: 'C0SUPPORT',
      messageId: '1700000000.000100',
      userId: 'U0ALICE',
      text: messageEvent.text,
      files: [],
    });
  });

  it('gives a thread reply its thread id', () => {
    expect(normalise(threadReplyEvent)).toMatchObject({
      messageId: '1700000050.000200',
      threadId: '1700000000.000100',
    });
  });

  it('treats a thread parent (thread_ts equal to ts) as top level', () => {
    expect(normalise({ ...messageEvent, thread_ts: messageEvent.ts })?.threadId).toBeUndefined();
  });

  it('keeps the bot id and subtype of a bot message, without a user', () => {
    const event = normalise(botMessageEvent);
    expect(event).toMatchObject({
      botId: 'B0MONITOR',
      subtype: 'bot_message',
      text: 'Alert: disk 91% on db-1',
    });
    expect(event?.userId).toBeUndefined();
  });

  it('makes an edit the edited message: its own ts, the new text and its user', () => {
    expect(normalise(messageChangedEvent)).toEqual({
      eventId: 'EvN',
      platform: 'slack',
      channel: 'C0SUPPORT',
      messageId: '1700000000.000100',
      userId: 'U0ALICE',
      subtype: 'message_changed',
      text: 'The VPN is down (edited)',
      files: [],
    });
  });

  it('keeps the thread of an edited reply, and marks a re-send without `edited` or new text unchanged', () => {
    const reply = { ...messageChangedEvent.message, thread_ts: '1699999999.000001' };
    expect(normalise({ ...messageChangedEvent, message: reply })).toMatchObject({
      messageId: '1700000000.000100',
      threadId: '1699999999.000001',
    });
    expect(normalise({ ...messageChangedEvent, message: reply })?.unchanged).toBeUndefined();
    const { edited: _edited, ...unfurled } = messageChangedEvent.message;
    expect(normalise({ ...messageChangedEvent, message: unfurled })?.unchanged).toBe(true);
    const sameText = { ...messageChangedEvent.message, text: 'The VPN is down' };
    expect(normalise({ ...messageChangedEvent, message: sameText })?.unchanged).toBe(true);
  });

  it('makes a deletion the deleted message (deleted_ts), with user and thread from previous_message', () => {
    // https://docs.slack.dev/reference/events/message/message_deleted/ (previous_message per @slack/types)
    const deleted = {
      type: 'message',
      subtype: 'message_deleted',
      hidden: true,
      channel: 'C0SUPPORT',
      ts: '1700000300.000001',
      deleted_ts: '1700000100.000200',
      previous_message: {
        type: 'message',
        user: 'U0ALICE',
        text: 'old',
        ts: '1700000100.000200',
        thread_ts: '1700000000.000100',
      },
    };
    expect(normalise(deleted)).toMatchObject({
      messageId: '1700000100.000200',
      threadId: '1700000000.000100',
      userId: 'U0ALICE',
      subtype: 'message_deleted',
    });
    const { previous_message: _gone, ...bare } = deleted;
    expect(normalise(bare)).toMatchObject({ messageId: '1700000100.000200', subtype: 'message_deleted' });
    expect(normalise(bare)?.threadId).toBeUndefined();
  });

  it('carries the text and files of a file share', () => {
    expect(normalise(fileShareEvent)).toMatchObject({
      subtype: 'file_share',
      text: 'Screenshot of the error',
      files: [{ name: 'error.png', url: 'https://fake.slack.com/files/U0ALICE/F0SHOT/error.png' }],
    });
  });

  it('passes a channel join with its subtype (the core ignores it)', () => {
    expect(normalise(channelJoinEvent)).toMatchObject({ subtype: 'channel_join', userId: 'U0CAROL' });
  });

  it('tolerates nulls and a message without text', () => {
    const event = normalise({
      type: 'message',
      channel: 'C1',
      ts: '1.2',
      bot_id: null,
      text: null,
      subtype: 'message_deleted',
    });
    expect(event).toEqual({
      eventId: 'EvN',
      platform: 'slack',
      channel: 'C1',
      messageId: '1.2',
      subtype: 'message_deleted',
      text: '',
      files: [],
    });
  });

  it('returns undefined for other event types and malformed messages', () => {
    expect(normalise(reactionAddedEvent)).toBeUndefined();
    expect(normalise({ ...messageEvent, channel: 42 })).toBeUndefined();
    expect(normaliseSlackMessage({ event: messageEvent })).toBeUndefined();
    expect(normaliseSlackMessage('message')).toBeUndefined();
  });

  it('normaliseMessageEvent gives the same result from an envelope already checked', () => {
    for (const event of [
      messageEvent,
      threadReplyEvent,
      botMessageEvent,
      messageChangedEvent,
      fileShareEvent,
    ]) {
      expect(normaliseMessageEvent('EvN', event)).toEqual(normalise(event));
    }
    expect(normaliseMessageEvent('EvN', reactionAddedEvent)).toBeUndefined();
    expect(normaliseMessageEvent('EvN', { ...messageEvent, channel: 42 })).toBeUndefined();
  });
});
