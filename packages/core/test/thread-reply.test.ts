import { describe, expect, it } from 'vitest';
import { IntegrationError } from '../src/errors.ts';
import { helpText } from '../src/messages.ts';
import { botFixture, CHANNEL, openIssue, reply } from './support/bot-fixture.ts';

const RESOLVE_WORDS = [
  'resolve',
  'resolve ticket',
  '✅',
  ':white_check_mark:',
  '  Resolve Ticket ',
  'RESOLVE',
];

describe('replies in a support thread', () => {
  it('lists the commands on help and sends nothing to the ticket', async () => {
    const f = botFixture();
    const { threadId, issueId, ticketId } = await openIssue(f);
    expect(await f.bot.handleChatMessage(reply(threadId, '2.1', ' HELP '))).toEqual({
      outcome: 'help-sent',
      issueId,
    });
    expect(f.chat.messagesIn(CHANNEL, threadId).at(-1)?.text).toBe(helpText);
    expect(f.tickets.comments(ticketId)).toHaveLength(1);
  });

  it.each(RESOLVE_WORDS)('resolves the issue and solves the ticket on %j', async (word) => {
    const f = botFixture();
    const { threadId, issueId, ticketId } = await openIssue(f);
    const outcome = await f.bot.handleChatMessage(reply(threadId, '2.1', word));
    expect(outcome).toEqual({ outcome: 'resolved', issueId, ticketId });
    expect(f.tickets.ticket(ticketId)?.status).toBe('solved');
    expect((await f.repo.findById(issueId))?.status).toBe('resolved');
    expect(f.chat.messagesIn(CHANNEL, threadId).at(-1)?.text).toBe(
      `Understood. The issue is resolved and ticket https://acme.zendesk.com/agent/tickets/${ticketId} is solved.`,
    );
    expect(f.tickets.comments(ticketId)).toHaveLength(1);
  });

  it('adds any other reply to the ticket as a public comment by the chat author', async () => {
    const f = botFixture();
    const { threadId, issueId, ticketId } = await openIssue(f);
    const outcome = await f.bot.handleChatMessage(
      reply(threadId, '2.1', 'It fails for <@U-ALICE> too', {
        files: [{ name: 'trace.txt' }, { name: 'a.png' }],
      }),
    );
    const comment = f.tickets.comments(ticketId).at(-1);
    expect(outcome).toEqual({ outcome: 'comment-added', issueId, ticketId, commentId: comment?.id });
    expect(comment).toMatchObject({
      public: true,
      body: 'Alice: It fails for Alice too\n\nAttached files: trace.txt, a.png',
    });
    expect((await f.repo.findDeliveryByTarget('chat-to-ticket', comment?.id ?? ''))?.sourceId).toBe('2.1');
  });

  it('answers resolve on a solved ticket that it is already solved, changing nothing', async () => {
    const f = botFixture();
    const { threadId, issueId, ticketId } = await openIssue(f);
    await f.bot.handleChatMessage(reply(threadId, '2.1', 'resolve'));
    const commentsBefore = f.tickets.comments(ticketId).length;
    const outcome = await f.bot.handleChatMessage(reply(threadId, '3.1', 'resolve'));
    expect(outcome).toEqual({ outcome: 'already-resolved', issueId });
    expect(f.chat.messagesIn(CHANNEL, threadId).at(-1)?.text).toBe(
      `Ticket https://acme.zendesk.com/agent/tickets/${ticketId} is already solved in Zendesk; nothing was changed.`,
    );
    expect(f.tickets.comments(ticketId)).toHaveLength(commentsBefore);
    expect(f.tickets.callCount('solveTicket')).toBe(1);
  });

  it('ignores and logs a reply in a thread it does not track', async () => {
    const f = botFixture();
    const outcome = await f.bot.handleChatMessage(reply('9.9', '9.10', 'hello?'));
    expect(outcome).toEqual({ outcome: 'ignored', reason: 'untracked-thread' });
    expect(f.logger.at('info').map((line) => line.message)).toContain('reply in an untracked thread ignored');
    expect(f.tickets.callCount()).toBe(0);
  });

  it('opens a follow-up when a reply meets a ticket closed before the bot heard of it', async () => {
    const f = botFixture();
    const { threadId, issueId, ticketId } = await openIssue(f);
    f.tickets.setStatus(ticketId, 'closed');
    const outcome = await f.bot.handleChatMessage(reply(threadId, '2.1', 'still broken'));
    expect(outcome).toMatchObject({ outcome: 'follow-up-opened', issueId });
    const issue = await f.repo.findById(issueId);
    expect(issue).toMatchObject({ status: 'open' });
    expect(issue?.ticketId).not.toBe(ticketId);
    expect(f.tickets.followUpSource(issue?.ticketId ?? '')).toBe(ticketId);
  });

  it('leaves the issue open and rethrows when the ticket refuses a reply for any other reason', async () => {
    const f = botFixture();
    const { threadId, issueId, ticketId } = await openIssue(f);
    const refusal = new IntegrationError('Invalid', 'zendesk tickets.comment answered 422 (RecordInvalid)');
    f.tickets.addComment = () => Promise.reject(refusal);
    await expect(f.bot.handleChatMessage(reply(threadId, '2.1', 'still broken'))).rejects.toBe(refusal);
    expect((await f.repo.findById(issueId))?.status).toBe('open');
    expect(
      f.chat
        .messagesIn(CHANNEL, threadId)
        .map((m) => m.text)
        .join('\n'),
    ).not.toMatch(/resolved/i);
    expect(f.tickets.ticket(ticketId)?.status).not.toBe('closed');
  });
});
