import { describe, expect, it } from 'vitest';
import { botFixture, CHANNEL, openIssue, reply } from './support/bot-fixture.ts';

// A ticket notice reads the ticket's status first and applies it last, after forwarding comments.
// A `resolve` that finishes in between must not be undone by that older read.
describe('a status read older than a resolve that overlaps it', () => {
  it('leaves the issue resolved and tells the thread nothing about a reopening', async () => {
    const f = botFixture();
    const { threadId, issueId, ticketId } = await openIssue(f);
    const held = f.tickets.faults.holdNext('readHistory');
    const notice = f.bot.handleTicketComments({ ticketId }); // reads "open", then waits on that answer
    await held.reached;
    expect(await f.bot.handleChatMessage(reply(threadId, '2.1', 'resolve'))).toMatchObject({
      outcome: 'resolved',
    });
    held.release();
    await notice;
    expect(await f.repo.findById(issueId)).toMatchObject({ status: 'resolved' });
    const texts = f.chat.messagesIn(CHANNEL, threadId).map((m) => m.text);
    expect(texts.filter((t) => t.includes('reopened'))).toEqual([]);
    expect(await f.bot.handleTicketComments({ ticketId })).toMatchObject({ status: 'unchanged' });
    expect(await f.repo.findById(issueId)).toMatchObject({ status: 'resolved' });
  });
});

describe('a "solved" read older than a reply that reopened the ticket', () => {
  it('leaves the issue open', async () => {
    const f = botFixture();
    const { threadId, issueId, ticketId } = await openIssue(f);
    f.tickets.setStatus(ticketId, 'solved', { id: 'agent-dana', name: 'Dana' });
    await f.bot.handleTicketComments({ ticketId });
    expect(await f.repo.findById(issueId)).toMatchObject({ status: 'resolved' });
    f.clock.advance(60_000);
    const held = f.tickets.faults.holdNext('readHistory');
    const notice = f.bot.handleTicketComments({ ticketId }); // reads "solved", then waits on that answer
    await held.reached;
    expect(await f.bot.handleChatMessage(reply(threadId, '3.1', 'It broke again'))).toMatchObject({
      outcome: 'comment-added',
    });
    expect(await f.repo.findById(issueId)).toMatchObject({ status: 'open' });
    held.release();
    await notice;
    expect(await f.repo.findById(issueId)).toMatchObject({ status: 'open' });
  });
});
