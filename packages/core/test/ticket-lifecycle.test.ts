import { describe, expect, it } from 'vitest';
import { isRetryable } from '../src/index.ts';
import { botFixture, CHANNEL, type Fixture, openIssue, reply } from './support/bot-fixture.ts';

const URL = 'https://acme.zendesk.com/agent/tickets';
const DANA = { id: 'agent-dana', name: 'Dana' };

function thread(f: Fixture, threadId: string) {
  return f.chat.messagesIn(CHANNEL, threadId).map((m) => m.text);
}

describe('the ticket lifecycle follows Zendesk', () => {
  it('solved by an agent: the issue resolves at the solve time, and the thread is told once who did it', async () => {
    const f = botFixture();
    const { threadId, issueId, ticketId } = await openIssue(f);
    f.clock.advance(60_000);
    const solvedAt = f.clock.now();
    f.tickets.setStatus(ticketId, 'solved', DANA);
    f.clock.advance(5 * 60_000);
    const first = await f.bot.handleTicketComments({ ticketId });
    const again = await f.bot.handleTicketComments({ ticketId });
    expect(first).toMatchObject({ status: 'resolved' });
    expect(again).toMatchObject({ status: 'unchanged' });
    expect(await f.repo.findById(issueId)).toMatchObject({
      status: 'resolved',
      resolvedAt: solvedAt,
      ticketStatus: 'solved',
      syncedAt: f.clock.now(),
    });
    const told = thread(f, threadId).filter((t) => t.includes('was solved in Zendesk'));
    expect(told).toEqual([`Ticket ${URL}/${ticketId} was solved in Zendesk by Dana. The issue is resolved.`]);
  });

  it('closed directly (an automation): resolved, the thread told it was closed, without a name', async () => {
    const f = botFixture();
    const { threadId, issueId, ticketId } = await openIssue(f);
    f.tickets.setStatus(ticketId, 'closed');
    await f.bot.handleTicketComments({ ticketId });
    expect(await f.repo.findById(issueId)).toMatchObject({ status: 'resolved', ticketStatus: 'closed' });
    expect(thread(f, threadId).at(-1)).toBe(
      `Ticket ${URL}/${ticketId} was closed in Zendesk. The issue is resolved.`,
    );
  });

  it('reopened in Zendesk: the issue reopens and the thread is told once; a new solve is told again', async () => {
    const f = botFixture();
    const { threadId, issueId, ticketId } = await openIssue(f);
    f.tickets.setStatus(ticketId, 'solved', DANA);
    await f.bot.handleTicketComments({ ticketId });
    f.clock.advance(60_000);
    f.tickets.setStatus(ticketId, 'open', DANA);
    expect(await f.bot.handleTicketComments({ ticketId })).toMatchObject({ status: 'reopened' });
    expect(await f.bot.handleTicketComments({ ticketId })).toMatchObject({ status: 'unchanged' });
    expect(await f.repo.findById(issueId)).toMatchObject({
      status: 'open',
      resolvedAt: null,
      ticketStatus: 'open',
    });
    f.clock.advance(60_000);
    f.tickets.setStatus(ticketId, 'solved', DANA);
    await f.bot.handleTicketComments({ ticketId });
    const texts = thread(f, threadId).filter((t) => t.includes('in Zendesk'));
    expect(texts).toEqual([
      `Ticket ${URL}/${ticketId} was solved in Zendesk by Dana. The issue is resolved.`,
      `Ticket ${URL}/${ticketId} was reopened in Zendesk. The issue is open again.`,
      `Ticket ${URL}/${ticketId} was solved in Zendesk by Dana. The issue is resolved.`,
    ]);
  });

  it('solved again after a reopen it never heard of: resolved at the new solve, and told', async () => {
    const f = botFixture();
    const { threadId, issueId, ticketId } = await openIssue(f);
    f.tickets.setStatus(ticketId, 'solved', DANA);
    await f.bot.handleTicketComments({ ticketId });
    f.clock.advance(60_000);
    f.tickets.setStatus(ticketId, 'open', DANA); // its notice is lost
    f.clock.advance(60_000);
    const again = f.clock.now();
    f.tickets.setStatus(ticketId, 'solved', DANA);
    f.clock.advance(60_000);
    f.tickets.setStatus(ticketId, 'closed'); // the automation, later
    expect(await f.bot.handleTicketComments({ ticketId })).toMatchObject({ status: 'resolved' });
    expect(await f.repo.findById(issueId)).toMatchObject({
      status: 'resolved',
      resolvedAt: again,
      ticketStatus: 'closed',
    });
    expect(thread(f, threadId).filter((t) => /was (solved|closed) in Zendesk/.test(t))).toHaveLength(2);
  });

  it('a reply on a solved ticket is added with status open, and the issue reopens', async () => {
    const f = botFixture();
    const { threadId, issueId, ticketId } = await openIssue(f);
    f.tickets.setStatus(ticketId, 'solved', DANA);
    await f.bot.handleTicketComments({ ticketId });
    const outcome = await f.bot.handleChatMessage(reply(threadId, '3.1', 'it broke again'));
    expect(outcome).toMatchObject({ outcome: 'comment-added', issueId, ticketId });
    expect(f.tickets.comments(ticketId).at(-1)?.body).toBe('Alice: it broke again');
    expect(f.tickets.ticket(ticketId)?.status).toBe('open');
    expect(await f.repo.findById(issueId)).toMatchObject({ status: 'open', resolvedAt: null });
    expect(thread(f, threadId).at(-1)).toBe(
      `Ticket ${URL}/${ticketId} was solved; your reply is added to it and reopens it. The issue is open again.`,
    );
    // The ticket's own notice of that change tells nothing more.
    await f.bot.handleTicketComments({ ticketId });
    expect(thread(f, threadId).filter((t) => t.includes('reopen'))).toHaveLength(1);
  });

  it('a reply on a closed ticket opens a follow-up with the same people, and the thread follows it', async () => {
    const f = botFixture();
    const { threadId, issueId, ticketId } = await openIssue(f);
    f.tickets.setStatus(ticketId, 'closed', DANA);
    await f.bot.handleTicketComments({ ticketId });
    const event = reply(threadId, '3.1', 'still broken');
    const outcome = await f.bot.handleChatMessage(event);
    expect(await f.bot.handleChatMessage(event)).toMatchObject({ outcome: 'comment-added' });
    expect(outcome).toMatchObject({ outcome: 'follow-up-opened', issueId });
    const followUpId = outcome.outcome === 'follow-up-opened' ? outcome.ticketId : '';
    const closed = f.tickets.ticket(ticketId);
    expect(f.tickets.ticket(followUpId)).toMatchObject({
      description: 'Alice: still broken',
      groupId: closed?.groupId,
      assigneeId: closed?.assigneeId,
      externalId: 'slack:C-SUPPORT:3.1',
    });
    expect(f.tickets.followUpSource(followUpId)).toBe(ticketId);
    expect(f.tickets.tickets).toHaveLength(2);
    expect(await f.repo.findById(issueId)).toMatchObject({ status: 'open', ticketId: followUpId });
    expect(thread(f, threadId).at(-1)).toBe(
      `Ticket ${URL}/${ticketId} is closed, so your reply opened the follow-up ticket ${URL}/${followUpId}. This thread now follows it.`,
    );
    // The follow-up's comments now reach the thread; its first one (the reply) is not echoed.
    f.tickets.addExternalComment(followUpId, { body: 'On it', public: true, authorName: 'Dana' });
    await f.bot.handleTicketComments({ ticketId: followUpId });
    expect(thread(f, threadId).at(-1)).toBe('Dana (Zendesk): On it');
    expect(thread(f, threadId).filter((t) => t.includes('still broken'))).toEqual([]);
  });

  it('resolve on a ticket already solved in Zendesk says so, records it, and solves nothing', async () => {
    const f = botFixture();
    const { threadId, issueId, ticketId } = await openIssue(f);
    const solvedAt = f.clock.now();
    f.tickets.setStatus(ticketId, 'solved', DANA);
    f.clock.advance(60_000);
    expect(await f.bot.handleChatMessage(reply(threadId, '3.1', 'resolve'))).toEqual({
      outcome: 'already-resolved',
      issueId,
    });
    expect(f.tickets.callCount('solveTicket')).toBe(0);
    expect(thread(f, threadId).at(-1)).toBe(
      `Ticket ${URL}/${ticketId} is already solved in Zendesk; nothing was changed.`,
    );
    expect(await f.repo.findById(issueId)).toMatchObject({ status: 'resolved', resolvedAt: solvedAt });
  });

  it('merged: the thread is told and follows the target from its newest comment', async () => {
    const f = botFixture();
    const { threadId, issueId, ticketId } = await openIssue(f);
    const target = f.tickets.createExternalTicket({ subject: 'Same problem', body: 'me too' });
    f.tickets.merge(ticketId, target, DANA);
    expect(await f.bot.handleTicketComments({ ticketId })).toMatchObject({ status: 'merged' });
    expect(await f.repo.findById(issueId)).toMatchObject({ status: 'open', ticketId: target });
    expect(thread(f, threadId).at(-1)).toBe(
      `Ticket ${URL}/${ticketId} was merged into ${URL}/${target} in Zendesk. This thread now follows it.`,
    );
    f.tickets.addExternalComment(target, { body: 'Fixed for both', public: true, authorName: 'Dana' });
    await f.bot.handleTicketComments({ ticketId: target });
    expect(thread(f, threadId).at(-1)).toBe('Dana (Zendesk): Fixed for both');
    expect(thread(f, threadId).filter((t) => t.includes('me too'))).toEqual([]);
  });

  it('merged into a ticket another thread follows: this issue resolves with a note', async () => {
    const f = botFixture();
    const a = await openIssue(f, '1.1', 'first');
    const b = await openIssue(f, '1.2', 'second');
    f.tickets.merge(a.ticketId, b.ticketId, DANA);
    await f.bot.handleTicketComments({ ticketId: a.ticketId });
    expect(await f.repo.findById(a.issueId)).toMatchObject({ status: 'resolved', ticketId: a.ticketId });
    expect(thread(f, a.threadId).at(-1)).toContain('which another thread follows. This issue is resolved.');
  });

  it('deleted: the issue resolves with a note, once', async () => {
    const f = botFixture();
    const { threadId, issueId, ticketId } = await openIssue(f);
    f.tickets.deleteTicket(ticketId);
    expect(await f.bot.handleTicketComments({ ticketId })).toMatchObject({ status: 'deleted' });
    await f.bot.handleTicketComments({ ticketId });
    expect(await f.repo.findById(issueId)).toMatchObject({ status: 'resolved', ticketStatus: 'deleted' });
    expect(thread(f, threadId).filter((t) => t.includes('deleted'))).toEqual([
      `Ticket ${URL}/${ticketId} was deleted in Zendesk. The issue is resolved.`,
    ]);
  });

  it('two overlapping notices of one solve tell the thread once', async () => {
    const f = botFixture();
    const { threadId, issueId, ticketId } = await openIssue(f);
    f.tickets.setStatus(ticketId, 'solved', DANA);
    const runs = await Promise.allSettled([
      f.bot.handleTicketComments({ ticketId }),
      f.bot.handleTicketComments({ ticketId }),
    ]);
    // A run that meets the other's live lease stops with a retryable error; its retry adds nothing.
    for (const run of runs) {
      if (run.status === 'rejected') {
        expect(isRetryable(run.reason)).toBe(true);
        await f.bot.handleTicketComments({ ticketId });
      }
    }
    expect(thread(f, threadId).filter((t) => t.includes('solved in Zendesk'))).toHaveLength(1);
    expect((await f.repo.findById(issueId))?.status).toBe('resolved');
  });

  it("the bot's own solve is not announced again by the notice that follows it", async () => {
    const f = botFixture({ settings: { ticketAgentId: 'agent-bot' } });
    const { threadId, ticketId } = await openIssue(f);
    await f.tickets.solveTicket(ticketId);
    await f.bot.handleTicketComments({ ticketId });
    expect(thread(f, threadId).filter((t) => t.includes('solved in Zendesk'))).toEqual([]);
  });
});
