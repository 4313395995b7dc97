import type { ChatEvent } from '@zenslackchat/core';

/** The support channel the server tests' events are posted in. */
export const TEST_CHANNEL = 'C0SUPPORT';

let sequence = 0;

/** A Slack-like chat message with a fresh event id and an increasing `ts`. */
export function chatEvent(text: string, threadId?: string, userId = 'U1'): ChatEvent {
  sequence += 1;
  return {
    eventId: `Ev${sequence}`,
    platform: 'slack',
    channel: TEST_CHANNEL,
    messageId: `1700000000.${String(sequence).padStart(6, '0')}`,
    ...(threadId === undefined ? {} : { threadId }),
    userId,
    text,
    files: [],
  };
}
