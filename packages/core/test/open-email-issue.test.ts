import { describe, expect, it } from 'vitest';
import { botFixture, CHANNEL, type Fixture, openIssue } from './support/bot-fixture.ts';

function emailTicket(f: Fixture) {
  return f.tickets.createExternalTicket({
    subject: 'VPN down',
    body: 'Hi,\nthe VPN is down since this morning.',
    requesterName: 'Carl',
    requesterEmail: 'carl@example.com',
  });
}

describe('an emailed ticket opens a chat thread', () => {
  it('posts the ticket in the channel, links both ways and confirms in the thread', async () => {
    const f = botFixture({ settings: { escalationPolicyId: 'P1' } });
    f.onCall.set('P1', { primary: [{ name: 'Ann' }], secondary: [] });
    const ticketId = emailTicket(f);

    const outcome = await f.bot.handleEmailTicket({ ticketId });

    const [top] = f.chat.messagesIn(CHANNEL);
    expect(top?.text).toBe('(From Zendesk Email): VPN down\n\nHi,\nthe VPN is down since this morning.');
    expect(outcome).toEqual({ outcome: 'thread-opened', issueId: 'issue-1', ticketId, threadId: top?.id });
    expect(f.tickets.ticket(ticketId)).toMatchObject({
      externalId: `slack:${CHANNEL}:${top?.id}`,
      groupId: 'G-1',
      assigneeId: 'A-1',
    });
    const note = f.tickets.comments(ticketId).at(-1);
    expect(note).toMatchObject({ public: false });
    expect(note?.body).toBe(
      `This request is being discussed in chat: https://acme.slack.com/archives/${CHANNEL}/p${top?.id.replace('.', '')}`,
    );
    expect(f.chat.messagesIn(CHANNEL, top?.id).map((m) => m.text)).toEqual([
      `Hello, your new support request is https://acme.zendesk.com/agent/tickets/${ticketId}.`,
      'Primary on call: Ann\nSecondary on call: nobody',
    ]);
    expect(await f.repo.findByTicket(ticketId)).toMatchObject({
      source: 'email',
      threadId: top?.id,
      status: 'open',
    });
  });

  it('does nothing new when the notice is delivered again', async () => {
    const f = botFixture();
    const ticketId = emailTicket(f);
    const first = await f.bot.handleEmailTicket({ ticketId });
    const chatCalls = f.chat.callCount('postMessage');
    const writes = ['addComment', 'linkTicket'] as const;
    const ticketWrites = () => writes.reduce((sum, method) => sum + f.tickets.callCount(method), 0);
    const before = ticketWrites();

    expect(await f.bot.handleEmailTicket({ ticketId })).toEqual(first);
    expect(f.chat.callCount('postMessage')).toBe(chatCalls);
    expect(ticketWrites()).toBe(before);
  });

  it('acknowledges the requester publicly with the configured words; the chat link stays internal', async () => {
    const ack = 'We have your request and are on it.';
    const f = botFixture({ settings: { emailAcknowledgement: ack } });
    const ticketId = emailTicket(f);
    const { threadId } = (await f.bot.handleEmailTicket({ ticketId })) as { threadId: string };
    const written = f.tickets.comments(ticketId).slice(1);
    expect(
      written.map((c) => [c.public, c.body.startsWith('This request is being discussed in chat')]),
    ).toEqual([
      [false, true],
      [true, false],
    ]);
    expect(written[1]?.body).toBe(ack);
    expect(written.filter((c) => c.public).some((c) => c.body.includes('slack.com'))).toBe(false);
    // Once, however often the notice comes; and never echoed back into the thread.
    await f.bot.handleEmailTicket({ ticketId });
    expect(f.tickets.comments(ticketId).filter((c) => c.body === ack)).toHaveLength(1);
    await f.bot.handleTicketComments({ ticketId });
    expect(f.chat.messagesIn(CHANNEL, threadId).some((m) => m.text.includes(ack))).toBe(false);
  });

  it('writes no public comment when the acknowledgement is turned off (no setting)', async () => {
    const f = botFixture();
    const ticketId = emailTicket(f);
    await f.bot.handleEmailTicket({ ticketId });
    expect(
      f.tickets
        .comments(ticketId)
        .slice(1)
        .map((c) => c.public),
    ).toEqual([false]);
  });

  it('never forwards the email text or its own note back to the thread', async () => {
    const f = botFixture();
    const ticketId = emailTicket(f);
    const { threadId } = (await f.bot.handleEmailTicket({ ticketId })) as { threadId: string };
    f.tickets.addExternalComment(ticketId, { body: 'We are on it', public: true, authorName: 'Dana' });
    await f.bot.handleTicketComments({ ticketId });
    expect(
      f.chat
        .messagesIn(CHANNEL, threadId)
        .map((m) => m.text)
        .at(-1),
    ).toBe('Dana (Zendesk): We are on it');
    expect(f.chat.messagesIn(CHANNEL, threadId)).toHaveLength(2);
  });

  it('ignores a ticket the bot already tracks from chat', async () => {
    const f = botFixture();
    const { ticketId } = await openIssue(f);
    const posts = f.chat.callCount('postMessage');
    expect(await f.bot.handleEmailTicket({ ticketId })).toEqual({
      outcome: 'ignored',
      reason: 'already-tracked',
    });
    expect(f.chat.callCount('postMessage')).toBe(posts);
  });

  it('ignores a notice for a ticket that does not exist', async () => {
    const f = botFixture();
    expect(await f.bot.handleEmailTicket({ ticketId: '404' })).toEqual({
      outcome: 'ignored',
      reason: 'unknown-ticket',
    });
  });

  it.each([
    ['posting the thread (answer lost)', 'chat', 'postMessage', 'timeout'],
    ['recording the thread', 'repo', 'attachThread', 'unavailable'],
    ['linking the ticket', 'tickets', 'linkTicket', 'rate-limited'],
    ['writing the note (answer lost)', 'tickets', 'addComment', 'timeout'],
    ['recording the note', 'repo', 'completeDelivery', 'unavailable'],
    ['the permalink', 'chat', 'permalink', 'unavailable'],
  ] as const)('completes without duplicates after a failure in %s', async (_label, port, method, kind) => {
    const f = botFixture();
    const ticketId = emailTicket(f);
    const faults = port === 'chat' ? f.chat.faults : port === 'repo' ? f.repo.faults : f.tickets.faults;
    faults.failNext(kind, { method });
    await expect(f.bot.handleEmailTicket({ ticketId })).rejects.toMatchObject({ retryable: true });

    const outcome = await f.bot.handleEmailTicket({ ticketId });
    expect(outcome.outcome).toBe('thread-opened');
    const [top, ...others] = f.chat.messagesIn(CHANNEL);
    expect(others).toHaveLength(0);
    expect(f.chat.messagesIn(CHANNEL, top?.id)).toHaveLength(1);
    expect(f.tickets.comments(ticketId).filter((c) => !c.public)).toHaveLength(1);
    expect(f.tickets.ticket(ticketId)?.externalId).toBe(`slack:${CHANNEL}:${top?.id}`);
  });
});
