import { describe, expect, it } from 'vitest';
import { dispatchJob, type JobHandlers } from '../src/jobs/job-handlers.ts';
import { parsePayload } from '../src/jobs/job-payload-schemas.ts';

function recorder() {
  const calls: string[] = [];
  const handlers: JobHandlers = {
    handleChatMessage: async (event) => calls.push(`chat ${event.messageId}`),
    handleTicketComments: async () => calls.push('comments'),
    handleEmailTicket: async () => calls.push('email'),
    postDailyReport: async () => calls.push('report'),
    resolveIssue: async (issueId) => calls.push(`resolve ${issueId}`),
  };
  return { handlers, calls };
}

describe('the chat-message queue', () => {
  it('carries an admin resolve to the core and a chat event to the message handler', async () => {
    const { handlers, calls } = recorder();
    await dispatchJob(
      handlers,
      'chat-message',
      parsePayload('chat-message', { adminResolve: { issueId: 'i-1' } }),
    );
    const event = {
      eventId: 'E1',
      platform: 'slack',
      channel: 'C1',
      messageId: '1.1',
      text: 'hi',
      files: [],
    };
    await dispatchJob(handlers, 'chat-message', parsePayload('chat-message', { event }));
    expect(calls).toEqual(['resolve i-1', 'chat 1.1']);
  });

  it('keeps what an edit carries (subtype, unchanged) through the queue', () => {
    const event = {
      eventId: 'E2',
      platform: 'slack',
      channel: 'C1',
      messageId: '1.1',
      subtype: 'message_changed',
      unchanged: true,
      text: 'hi',
      files: [],
    };
    expect(parsePayload('chat-message', { event })).toEqual({ event });
  });

  it.each([{ adminResolve: {} }, { adminResolve: { issueId: '' } }, {}])(
    'refuses a malformed payload %j as Invalid',
    (data) => {
      expect(() => parsePayload('chat-message', data)).toThrow(
        expect.objectContaining({ reason: 'Invalid', retryable: false }),
      );
    },
  );
});
