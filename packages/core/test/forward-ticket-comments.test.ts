import { describe, expect, it } from 'vitest';
import { emailNoticeSource, isRetryable } from '../src/index.ts';
import { botFixture, CHANNEL, openIssue, reply } from './support/bot-fixture.ts';

describe('ticket comments forwarded to the chat thread', () => {
  it('forwards a new public comment with its author, and not the ticket description', async () => {
    const f = botFixture();
    const { threadId, ticketId, issueId } = await openIssue(f);
    f.tickets.addExternalComment(ticketId, { body: 'Looking into it', public: true, authorName: 'Dana' });

    const outcome = await f.bot.handleTicketComments({ ticketId });

    expect(outcome).toEqual({
      outcome: 'comments-forwarded',
      issueId,
      forwarded: 1,
      skipped: 0,
      status: 'unchanged',
    });
    expect(
      f.chat
        .messagesIn(CHANNEL, threadId)
        .map((m) => m.text)
        .slice(1),
    ).toEqual(['Dana (Zendesk): Looking into it']);
  });

  it('gives the chat the ticket link to show when a comment is too long to post whole', async () => {
    const f = botFixture();
    const { threadId, ticketId } = await openIssue(f);
    f.tickets.addExternalComment(ticketId, { body: 'Long story', public: true, authorName: 'Dana' });
    await f.bot.handleTicketComments({ ticketId });
    expect(f.chat.messagesIn(CHANNEL, threadId).at(-1)).toMatchObject({
      text: 'Dana (Zendesk): Long story',
      overflowUrl: `https://acme.zendesk.com/agent/tickets/${ticketId}`,
    });
  });

  it('leaves a ticket whose issue lives on another chat platform to that platform', async () => {
    const f = botFixture();
    const { ticketId, issueId } = await openIssue(f);
    const other = await f.repo.claimThread({
      platform: 'teams',
      channel: '19:support@thread.tacv2',
      threadId: '1001',
      openedAt: new Date('2026-12-07T09:00:00Z'),
    });
    const teamsTicket = f.tickets.createExternalTicket({
      subject: 'Teams',
      body: 'Help',
      requesterName: 'Bea',
    });
    await f.repo.attachTicket(other.issue.id, teamsTicket);
    f.tickets.addExternalComment(teamsTicket, { body: 'For Teams', public: true, authorName: 'Dana' });
    const before = f.chat.messages.length;
    expect(await f.bot.handleTicketComments({ ticketId: teamsTicket })).toEqual({
      outcome: 'ignored',
      reason: 'other-platform',
      issueId: other.issue.id,
    });
    expect(f.chat.messages).toHaveLength(before);
    // Its own platform's tickets are handled as before.
    expect(await f.bot.handleTicketComments({ ticketId })).toMatchObject({ issueId });
  });

  it('never forwards internal notes', async () => {
    const f = botFixture();
    const { threadId, ticketId } = await openIssue(f);
    f.tickets.addExternalComment(ticketId, {
      body: 'customer is difficult',
      public: false,
      authorName: 'Dana',
    });
    f.tickets.addExternalComment(ticketId, { body: 'Fixed now', public: true, authorName: 'Dana' });
    const outcome = await f.bot.handleTicketComments({ ticketId });
    expect(outcome).toMatchObject({ forwarded: 1, skipped: 1 });
    const texts = f.chat.messagesIn(CHANNEL, threadId).map((m) => m.text);
    expect(texts.some((text) => text.includes('difficult'))).toBe(false);
  });

  it('does not echo the comments the bot itself wrote from chat replies', async () => {
    const f = botFixture();
    const { threadId, ticketId } = await openIssue(f);
    await f.bot.handleChatMessage(reply(threadId, '2.1', 'Any news?'));
    const outcome = await f.bot.handleTicketComments({ ticketId });
    expect(outcome).toMatchObject({ forwarded: 0, skipped: 1 });
    expect(f.chat.messagesIn(CHANNEL, threadId)).toHaveLength(1);
  });

  it('does not echo a comment by the bot agent even without a record of writing it', async () => {
    const f = botFixture({ settings: { ticketAgentId: 'agent-bot' } });
    const { threadId, ticketId } = await openIssue(f);
    f.tickets.addExternalComment(ticketId, {
      body: 'Alice: lost record',
      public: true,
      authorName: 'Bot',
      authorId: 'agent-bot',
    });
    expect(await f.bot.handleTicketComments({ ticketId })).toMatchObject({ forwarded: 0, skipped: 1 });
    expect(f.chat.messagesIn(CHANNEL, threadId)).toHaveLength(1);
  });

  it('still forwards comments after the issue is resolved', async () => {
    const f = botFixture();
    const { threadId, ticketId } = await openIssue(f);
    await f.bot.handleChatMessage(reply(threadId, '2.1', 'resolve'));
    f.tickets.addExternalComment(ticketId, { body: 'Closing note', public: true, authorName: 'Dana' });
    expect(await f.bot.handleTicketComments({ ticketId })).toMatchObject({ forwarded: 1 });
    expect(f.chat.messagesIn(CHANNEL, threadId).at(-1)?.text).toBe('Dana (Zendesk): Closing note');
  });

  it('drops and logs a notice for a ticket it does not track (no email notice for it)', async () => {
    const f = botFixture();
    const ticketId = f.tickets.createExternalTicket({ subject: 'Other team', body: 'not ours' });
    expect(await f.bot.handleTicketComments({ ticketId })).toEqual({
      outcome: 'ignored',
      reason: 'unknown-ticket',
    });
    expect(f.chat.messages).toHaveLength(0);
    expect(f.logger.at('info').map((line) => line.message)).toContain(
      'comment notice for an untracked ticket dropped',
    );
  });

  it('keeps a notice for an emailed ticket its email flow has not recorded yet (retryable), then forwards', async () => {
    const f = botFixture();
    const ticketId = f.tickets.createExternalTicket({ subject: 'VPN', body: 'VPN is down' });
    await f.repo.recordInboundEvent(emailNoticeSource(f.tickets.system), ticketId, f.clock.now());
    f.tickets.addExternalComment(ticketId, { body: 'Looking into it', public: true, authorName: 'Dana' });
    const early = f.bot.handleTicketComments({ ticketId });
    await expect(early).rejects.toMatchObject({ code: 'issue.ticket-untracked' });
    await expect(early.catch((error: unknown) => isRetryable(error))).resolves.toBe(true);
    const opened = await f.bot.handleEmailTicket({ ticketId });
    expect(await f.bot.handleTicketComments({ ticketId })).toMatchObject({ forwarded: 1 });
    const threadId = opened.outcome === 'thread-opened' ? opened.threadId : '';
    expect(f.chat.messagesIn(CHANNEL, threadId).at(-1)?.text).toBe('Dana (Zendesk): Looking into it');
  });

  it('forwards 200 comments exactly once each, in order, with one ticket call per notice', async () => {
    const f = botFixture();
    const { threadId, ticketId } = await openIssue(f);
    const forwarded = () =>
      f.chat
        .messagesIn(CHANNEL, threadId)
        .slice(1)
        .map((m) => m.text);
    for (let batch = 0; batch < 4; batch += 1) {
      for (let i = 0; i < 50; i += 1) {
        const n = batch * 50 + i;
        f.tickets.addExternalComment(ticketId, {
          body: `ok ${n % 3 === 0 ? '' : n}`.trim(),
          public: true,
          authorName: 'Dana',
        });
      }
      // The bot's ticket identity is asked once per bot (cached), so it is left out of the count.
      const callsBefore = f.tickets.callCount() - f.tickets.callCount('whoAmI');
      await f.bot.handleTicketComments({ ticketId });
      await f.bot.handleTicketComments({ ticketId });
      // Each notice: one state read and one history read (comments and status together).
      expect(f.tickets.callCount() - f.tickets.callCount('whoAmI') - callsBefore).toBe(4);
    }
    const expected = Array.from(
      { length: 200 },
      (_, n) => `Dana (Zendesk): ${`ok ${n % 3 === 0 ? '' : n}`.trim()}`,
    );
    expect(forwarded()).toEqual(expected);
  });

  it('resumes after a failure half-way without posting any comment twice', async () => {
    const f = botFixture();
    const { threadId, ticketId } = await openIssue(f);
    for (let n = 0; n < 5; n += 1)
      f.tickets.addExternalComment(ticketId, { body: `c${n}`, public: true, authorName: 'Dana' });
    // The first post reaches the platform but its answer is lost, so the run stops there.
    f.chat.faults.failNext('timeout', { method: 'postMessage' });
    await expect(f.bot.handleTicketComments({ ticketId })).rejects.toMatchObject({ retryable: true });
    expect(f.chat.messagesIn(CHANNEL, threadId)).toHaveLength(2);
    // Then the store fails while the re-run records its progress.
    f.repo.faults.failNext('unavailable', { method: 'setCommentCursor' });
    await expect(f.bot.handleTicketComments({ ticketId })).rejects.toMatchObject({ retryable: true });

    await f.bot.handleTicketComments({ ticketId });
    expect(
      f.chat
        .messagesIn(CHANNEL, threadId)
        .slice(1)
        .map((m) => m.text),
    ).toEqual(['c0', 'c1', 'c2', 'c3', 'c4'].map((body) => `Dana (Zendesk): ${body}`));
  });
});
