import { describe, expect, it } from 'vitest';
import { messages } from '../src/index.ts';
import { botFixture, CHANNEL, openIssue } from './support/bot-fixture.ts';

describe('a ticket comment redacted after it was forwarded', () => {
  it('rewrites its chat message once to say it was redacted; the redacted text is gone from chat', async () => {
    const f = botFixture();
    const { threadId, ticketId } = await openIssue(f);
    const secret = 'my password is hunter2';
    const commentId = f.tickets.addExternalComment(ticketId, {
      body: secret,
      public: true,
      authorName: 'Dana',
    });
    const other = f.tickets.addExternalComment(ticketId, {
      body: 'All fixed',
      public: true,
      authorName: 'Dana',
    });
    await f.bot.handleTicketComments({ ticketId });
    const thread = () => f.chat.messagesIn(CHANNEL, threadId).map((m) => m.text);
    expect(thread().some((t) => t.includes(secret))).toBe(true);

    f.tickets.redactComment(ticketId, commentId);
    await f.bot.handleTicketComments({ ticketId });
    expect(thread().some((t) => t.includes(secret))).toBe(false);
    expect(thread().filter((t) => t === messages.redactedCommentMessage)).toHaveLength(1);
    expect(thread().some((t) => t.includes('All fixed'))).toBe(true);
    expect(other).not.toBe(commentId);

    await f.bot.handleTicketComments({ ticketId });
    expect(f.chat.callCount('updateMessage')).toBe(1);
  });

  it('leaves chat alone for a redacted internal note, which never crossed', async () => {
    const f = botFixture();
    const { ticketId } = await openIssue(f);
    const note = f.tickets.addExternalComment(ticketId, {
      body: 'internal',
      public: false,
      authorName: 'Dana',
    });
    await f.bot.handleTicketComments({ ticketId });
    f.tickets.redactComment(ticketId, note);
    await f.bot.handleTicketComments({ ticketId });
    expect(f.chat.callCount('updateMessage')).toBe(0);
  });

  it('retries a rewrite that failed retryably before moving past newer comments', async () => {
    const f = botFixture();
    const { threadId, ticketId } = await openIssue(f);
    const commentId = f.tickets.addExternalComment(ticketId, {
      body: 'oops',
      public: true,
      authorName: 'Dana',
    });
    await f.bot.handleTicketComments({ ticketId });
    f.tickets.redactComment(ticketId, commentId);
    f.tickets.addExternalComment(ticketId, { body: 'newer', public: true, authorName: 'Dana' });
    f.chat.faults.failNext('unavailable', { method: 'updateMessage' });
    await expect(f.bot.handleTicketComments({ ticketId })).rejects.toMatchObject({ retryable: true });
    await f.bot.handleTicketComments({ ticketId });
    const texts = f.chat.messagesIn(CHANNEL, threadId).map((m) => m.text);
    expect(texts.some((t) => t.includes('oops'))).toBe(false);
    expect(texts.filter((t) => t.includes('newer'))).toHaveLength(1);
  });
});
