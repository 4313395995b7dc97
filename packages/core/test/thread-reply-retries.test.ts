import { describe, expect, it } from 'vitest';
import { botFixture, CHANNEL, chatEvent, openIssue, reply } from './support/bot-fixture.ts';

describe('a thread reply delivered or run again', () => {
  it.each(['help', 'resolve', 'a plain comment'])('does nothing new on a redelivered %j', async (text) => {
    const f = botFixture();
    const { threadId, ticketId } = await openIssue(f);
    const event = reply(threadId, '2.1', text);
    const first = await f.bot.handleChatMessage(event);
    const posts = f.chat.callCount('postMessage');
    const ticketCalls = f.tickets.callCount('addComment') + f.tickets.callCount('solveTicket');

    expect(await f.bot.handleChatMessage(event)).toEqual(first);
    expect(await f.bot.handleChatMessage({ ...event, eventId: 'Ev-again' })).toEqual(first);
    expect(f.chat.callCount('postMessage')).toBe(posts);
    expect(f.tickets.callCount('addComment') + f.tickets.callCount('solveTicket')).toBe(ticketCalls);
    expect(f.tickets.comments(ticketId).length).toBeLessThanOrEqual(2);
  });

  it('finishes a resolve whose confirmation failed, even though the issue is now resolved', async () => {
    const f = botFixture();
    const { threadId, issueId, ticketId } = await openIssue(f);
    const event = reply(threadId, '2.1', 'resolve');
    f.chat.faults.failNext('unavailable', { method: 'postMessage' });
    await expect(f.bot.handleChatMessage(event)).rejects.toMatchObject({ retryable: true });
    expect((await f.repo.findById(issueId))?.status).toBe('resolved');

    expect(await f.bot.handleChatMessage(event)).toEqual({ outcome: 'resolved', issueId, ticketId });
    expect(f.chat.messagesIn(CHANNEL, threadId).map((m) => m.text.split(' ')[0])).toEqual([
      'Hello,',
      'Understood.',
    ]);
  });

  it('writes a comment once when recording it failed after the ticket took it', async () => {
    const f = botFixture();
    const { threadId, ticketId } = await openIssue(f);
    await f.bot.handleChatMessage(reply(threadId, '2.1', 'ok'));
    const event = reply(threadId, '2.2', 'ok');
    f.repo.faults.failNext('unavailable', { method: 'completeDelivery' });
    await expect(f.bot.handleChatMessage(event)).rejects.toMatchObject({ reason: 'Unavailable' });

    const outcome = await f.bot.handleChatMessage(event);
    const bodies = f.tickets.comments(ticketId).map((c) => c.body);
    expect(bodies).toEqual([
      'Help me\n\nRaised in chat: https://acme.slack.com/archives/C-SUPPORT/p1700000000000100',
      'Alice: ok',
      'Alice: ok',
    ]);
    expect(outcome).toMatchObject({
      outcome: 'comment-added',
      commentId: f.tickets.comments(ticketId)[2]?.id,
    });
  });

  it('writes a comment once when the ticket call timed out after taking it', async () => {
    const f = botFixture();
    const { threadId, ticketId } = await openIssue(f);
    const event = reply(threadId, '2.1', 'details');
    f.tickets.faults.failNext('timeout', { method: 'addComment' });
    await expect(f.bot.handleChatMessage(event)).rejects.toMatchObject({ reason: 'Unavailable' });
    await f.bot.handleChatMessage(event);
    expect(f.tickets.comments(ticketId).map((c) => c.body)).toHaveLength(2);
  });

  it('asks to be retried when a reply arrives before its issue has a ticket', async () => {
    const f = botFixture();
    f.tickets.faults.failNext('unavailable', { method: 'createTicket' });
    await expect(f.bot.handleChatMessage(chatEvent({ messageId: '1.1' }))).rejects.toThrow();
    await expect(f.bot.handleChatMessage(reply('1.1', '1.2', 'more'))).rejects.toMatchObject({
      code: 'issue.ticket-pending',
    });
    await f.bot.handleChatMessage(chatEvent({ messageId: '1.1' }));
    expect((await f.bot.handleChatMessage(reply('1.1', '1.2', 'more'))).outcome).toBe('comment-added');
  });
});
