import { describe, expect, it } from 'vitest';
import { botFixture, CHANNEL, chatEvent } from './support/bot-fixture.ts';

describe('a top-level chat message opens a ticket', () => {
  it('creates the ticket from the message and confirms in the thread', async () => {
    const f = botFixture();
    const event = chatEvent({
      messageId: '1700000000.000100',
      text: '\n  Login fails  \nsince 9am, see <https://x.io|x>',
    });

    const outcome = await f.bot.handleChatMessage(event);

    const [ticket] = f.tickets.tickets;
    expect(outcome).toEqual({ outcome: 'ticket-created', issueId: 'issue-1', ticketId: ticket?.id });
    expect(ticket).toMatchObject({
      subject: 'Login fails',
      externalId: `slack:${CHANNEL}:1700000000.000100`,
      groupId: 'G-1',
      assigneeId: 'A-1',
      requester: { name: 'Alice', email: 'alice@example.com' },
    });
    expect(ticket?.description).toBe(
      'Login fails  \nsince 9am, see x (https://x.io)\n\n' +
        `Raised in chat: https://acme.slack.com/archives/${CHANNEL}/p1700000000000100`,
    );
    expect(f.chat.messagesIn(CHANNEL, '1700000000.000100').map((m) => m.text)).toEqual([
      'Hello, your new support request is https://acme.zendesk.com/agent/tickets/1.',
    ]);
    const issue = await f.repo.findByThread({
      platform: 'slack',
      channel: CHANNEL,
      threadId: '1700000000.000100',
    });
    expect(issue).toMatchObject({ ticketId: ticket?.id, status: 'open', source: 'chat' });
    expect(issue?.commentCursor).toBe(ticket?.firstCommentId);
  });

  it('leaves the requester to the ticketing side when the author has no known email, naming the author', async () => {
    const f = botFixture();
    f.chat.addUser({ id: 'U-GUEST', name: 'Guest Gwen' });
    const outcome = await f.bot.handleChatMessage(
      chatEvent({ messageId: '1.1', userId: 'U-GUEST', text: 'Cannot log in' }),
    );
    expect(outcome.outcome).toBe('ticket-created');
    expect(f.tickets.tickets[0]?.requester).toBeNull();
    expect(f.tickets.tickets[0]?.description).toBe(
      'Posted in chat by Guest Gwen:\n\nCannot log in\n\n' +
        `Raised in chat: https://acme.slack.com/archives/${CHANNEL}/p11`,
    );
  });

  it('asks for the configured default requester when the author has no email', async () => {
    const f = botFixture({ settings: { defaultRequesterEmail: 'support-desk@example.com' } });
    f.chat.addUser({ id: 'U-CONNECT', name: 'Partner Pat' });
    await f.bot.handleChatMessage(chatEvent({ messageId: '1.1', userId: 'U-CONNECT', text: 'Hi' }));
    expect(f.tickets.tickets[0]?.requester).toMatchObject({ email: 'support-desk@example.com' });
    expect(f.tickets.tickets[0]?.description.startsWith('Posted in chat by Partner Pat:')).toBe(true);
  });

  it('opens a ticket for an author the platform does not know at all, named by their id', async () => {
    const f = botFixture({ settings: { defaultRequesterEmail: 'support-desk@example.com' } });
    await f.bot.handleChatMessage(chatEvent({ messageId: '1.1', userId: 'U-GONE', text: 'Hi' }));
    expect(f.tickets.tickets[0]?.requester).toMatchObject({ email: 'support-desk@example.com' });
    expect(f.tickets.tickets[0]?.description.startsWith('Posted in chat by U-GONE:')).toBe(true);
  });

  it('keeps the author as requester (no by-line) when their email is known, default or not', async () => {
    const f = botFixture({ settings: { defaultRequesterEmail: 'support-desk@example.com' } });
    await f.bot.handleChatMessage(chatEvent({ messageId: '1.1', text: 'Hi' }));
    expect(f.tickets.tickets[0]?.requester).toMatchObject({ email: 'alice@example.com' });
    expect(f.tickets.tickets[0]?.description.startsWith('Hi')).toBe(true);
  });

  it('cuts a long first line at a word boundary for the subject, keeping the full text in the description', async () => {
    const f = botFixture();
    const text = `${'word '.repeat(40)}end`;
    await f.bot.handleChatMessage(chatEvent({ messageId: '1.1', text }));
    const ticket = f.tickets.tickets[0];
    expect(ticket?.subject.endsWith('word…')).toBe(true);
    expect(Array.from(ticket?.subject ?? '').length).toBeLessThanOrEqual(100);
    expect(ticket?.description.startsWith(text)).toBe(true);
  });

  it('does nothing new when the same message is delivered again', async () => {
    const f = botFixture();
    const event = chatEvent({ messageId: '1.1' });
    const first = await f.bot.handleChatMessage(event);
    const postsBefore = f.chat.callCount('postMessage');

    expect(await f.bot.handleChatMessage(event)).toEqual(first);
    expect(await f.bot.handleChatMessage({ ...event, eventId: 'Ev-redelivered' })).toEqual(first);
    expect(f.tickets.tickets).toHaveLength(1);
    expect(f.tickets.callCount('createTicket')).toBe(1);
    expect(f.chat.callCount('postMessage')).toBe(postsBefore);
  });

  it('still makes one ticket when recording it failed after it was created, then the run is repeated', async () => {
    const f = botFixture();
    const event = chatEvent({ messageId: '1.1' });
    f.repo.faults.failNext('unavailable', { method: 'attachTicket' });

    await expect(f.bot.handleChatMessage(event)).rejects.toMatchObject({
      reason: 'Unavailable',
      retryable: true,
    });
    expect(f.tickets.tickets).toHaveLength(1);
    expect(f.chat.messages).toHaveLength(0);

    expect((await f.bot.handleChatMessage(event)).outcome).toBe('ticket-created');
    expect(f.tickets.tickets).toHaveLength(1);
    expect(f.chat.messagesIn(CHANNEL, '1.1')).toHaveLength(1);
    const issue = await f.repo.findById('issue-1');
    expect(issue?.ticketId).toBe(f.tickets.tickets[0]?.id);
  });

  it('still makes one ticket when the create timed out after the ticket was made', async () => {
    const f = botFixture();
    const event = chatEvent({ messageId: '1.1' });
    f.tickets.faults.failNext('timeout', { method: 'createTicket' });
    await expect(f.bot.handleChatMessage(event)).rejects.toMatchObject({ reason: 'Unavailable' });
    await f.bot.handleChatMessage(event);
    expect(f.tickets.tickets).toHaveLength(1);
  });

  it.each([
    ['the permalink lookup', 'chat', 'permalink'],
    ['the confirmation post', 'chat', 'postMessage'],
    ['recording the posted confirmation', 'repo', 'completeDelivery'],
    ['claiming the thread', 'repo', 'claimThread'],
  ] as const)('completes without duplicates when %s fails once', async (_label, port, method) => {
    const f = botFixture();
    const event = chatEvent({ messageId: '1.1' });
    const faults = port === 'chat' ? f.chat.faults : f.repo.faults;
    faults.failNext('rate-limited', { method, retryAfterMs: 1500 });

    await expect(f.bot.handleChatMessage(event)).rejects.toMatchObject({
      reason: 'RateLimited',
      retryAfterMs: 1500,
    });
    expect((await f.bot.handleChatMessage(event)).outcome).toBe('ticket-created');
    expect(f.tickets.tickets).toHaveLength(1);
    expect(f.chat.messagesIn(CHANNEL, '1.1')).toHaveLength(1);
  });

  it('does not post the confirmation twice when the post timed out after it was posted', async () => {
    const f = botFixture();
    const event = chatEvent({ messageId: '1.1' });
    f.chat.faults.failNext('timeout', { method: 'postMessage' });
    await expect(f.bot.handleChatMessage(event)).rejects.toMatchObject({ reason: 'Unavailable' });
    expect(f.chat.messagesIn(CHANNEL, '1.1')).toHaveLength(1);

    await f.bot.handleChatMessage(event);
    expect(f.chat.messagesIn(CHANNEL, '1.1')).toHaveLength(1);
    expect(f.chat.callCount('findMessage')).toBe(1);
  });
});
