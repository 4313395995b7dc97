import { describe, expect, it } from 'vitest';
import { botFixture, CHANNEL, openIssue, reply } from './support/bot-fixture.ts';

const confirmation = (ticketId: string) =>
  `Understood. The issue is resolved and ticket https://acme.zendesk.com/agent/tickets/${ticketId} is solved.`;

describe('an admin resolving an issue', () => {
  it('solves the ticket, marks the issue resolved and confirms in its thread', async () => {
    const f = botFixture();
    const { threadId, issueId, ticketId } = await openIssue(f);
    f.clock.set(new Date('2026-06-15T13:00:00Z'));
    expect(await f.bot.resolveIssue(issueId)).toEqual({ outcome: 'resolved', issueId, ticketId });
    expect(f.tickets.ticket(ticketId)?.status).toBe('solved');
    expect(await f.repo.findById(issueId)).toMatchObject({
      status: 'resolved',
      resolvedAt: new Date('2026-06-15T13:00:00Z'),
    });
    expect(f.chat.messagesIn(CHANNEL, threadId).at(-1)?.text).toBe(confirmation(ticketId));
    expect(f.tickets.comments(ticketId)).toHaveLength(1);
  });

  it('does nothing new when run again', async () => {
    const f = botFixture();
    const { issueId, ticketId } = await openIssue(f);
    const first = await f.bot.resolveIssue(issueId);
    const posts = f.chat.callCount('postMessage');
    const solves = f.tickets.callCount('solveTicket');
    expect(await f.bot.resolveIssue(issueId)).toEqual(first);
    expect(await f.bot.resolveIssue(issueId)).toEqual({ outcome: 'resolved', issueId, ticketId });
    expect(f.chat.callCount('postMessage')).toBe(posts);
    expect(f.tickets.callCount('solveTicket')).toBe(solves);
  });

  it('finishes a run whose confirmation failed, though the issue already shows resolved', async () => {
    const f = botFixture();
    const { threadId, issueId, ticketId } = await openIssue(f);
    f.chat.faults.failNext('unavailable', { method: 'postMessage' });
    await expect(f.bot.resolveIssue(issueId)).rejects.toMatchObject({ retryable: true });
    expect((await f.repo.findById(issueId))?.status).toBe('resolved');
    expect(await f.bot.resolveIssue(issueId)).toEqual({ outcome: 'resolved', issueId, ticketId });
    expect(f.chat.messagesIn(CHANNEL, threadId).map((m) => m.text)).toEqual([
      `Hello, your new support request is https://acme.zendesk.com/agent/tickets/${ticketId}.`,
      confirmation(ticketId),
    ]);
  });

  it('posts no message for an issue already resolved from chat', async () => {
    const f = botFixture();
    const { threadId, issueId } = await openIssue(f);
    await f.bot.handleChatMessage(reply(threadId, '2.1', 'resolve'));
    const posts = f.chat.callCount('postMessage');
    const solves = f.tickets.callCount('solveTicket');
    expect(await f.bot.resolveIssue(issueId)).toEqual({ outcome: 'already-resolved', issueId });
    expect(f.chat.callCount('postMessage')).toBe(posts);
    expect(f.tickets.callCount('solveTicket')).toBe(solves);
  });

  it('says so for an unknown issue and touches nothing', async () => {
    const f = botFixture();
    await openIssue(f);
    const posts = f.chat.callCount('postMessage');
    expect(await f.bot.resolveIssue('no-such-issue')).toEqual({
      outcome: 'ignored',
      reason: 'unknown-issue',
    });
    expect(f.chat.callCount('postMessage')).toBe(posts);
    expect(f.tickets.callCount('solveTicket')).toBe(0);
  });

  it('solves an emailed ticket whose thread is not posted yet, posting nothing', async () => {
    const f = botFixture();
    const ticketId = f.tickets.createExternalTicket({ subject: 'VPN', body: 'VPN is down' });
    const { issue } = await f.repo.claimTicket({
      platform: 'slack',
      channel: CHANNEL,
      ticketId,
      openedAt: f.clock.now(),
    });
    expect(await f.bot.resolveIssue(issue.id)).toEqual({ outcome: 'resolved', issueId: issue.id, ticketId });
    expect(f.tickets.ticket(ticketId)?.status).toBe('solved');
    expect((await f.repo.findById(issue.id))?.status).toBe('resolved');
    expect(f.chat.callCount('postMessage')).toBe(0);
  });

  it('asks to be retried while the issue has no ticket yet', async () => {
    const f = botFixture();
    const { issue } = await f.repo.claimThread({
      platform: 'slack',
      channel: CHANNEL,
      threadId: '1.1',
      openedAt: f.clock.now(),
    });
    await expect(f.bot.resolveIssue(issue.id)).rejects.toMatchObject({ code: 'issue.ticket-pending' });
    expect((await f.repo.findById(issue.id))?.status).toBe('open');
  });

  it('answers a later chat `resolve` with the already-resolved notice', async () => {
    const f = botFixture();
    const { threadId, issueId } = await openIssue(f);
    await f.bot.resolveIssue(issueId);
    expect(await f.bot.handleChatMessage(reply(threadId, '2.1', 'resolve'))).toEqual({
      outcome: 'already-resolved',
      issueId,
    });
  });
});
