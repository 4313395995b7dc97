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

  it('answers a reply to a resolved issue with the ticket link and adds nothing to the ticket', async () => {
    const f = botFixture();
    const { threadId, issueId, ticketId } = await openIssue(f);
    await f.bot.handleChatMessage(reply(threadId, '2.1', 'resolve'));
    const commentsBefore = f.tickets.comments(ticketId).length;

    for (const text of ['one more thing', 'resolve']) {
      const outcome = await f.bot.handleChatMessage(reply(threadId, `3.${text.length}`, text));
      expect(outcome).toEqual({ outcome: 'already-resolved', issueId });
      expect(f.chat.messagesIn(CHANNEL, threadId).at(-1)?.text).toBe(
        `This issue is already resolved (https://acme.zendesk.com/agent/tickets/${ticketId}) and nothing more ` +
          'is added to its ticket. Please post a new message in the channel to raise a new request.',
      );
    }
    expect(f.tickets.comments(ticketId)).toHaveLength(commentsBefore);
    expect(f.tickets.callCount('addComment')).toBe(0);
  });

  it('ignores and logs a reply in a thread it does not track', async () => {
    const f = botFixture();
    const outcome = await f.bot.handleChatMessage(reply('9.9', '9.10', 'hello?'));
    expect(outcome).toEqual({ outcome: 'ignored', reason: 'untracked-thread' });
    expect(f.logger.at('info').map((line) => line.message)).toContain('reply in an untracked thread ignored');
    expect(f.tickets.callCount()).toBe(0);
  });

  it('treats a reply as resolved when the ticket was closed on the ticketing side', async () => {
    const f = botFixture();
    const { threadId, issueId, ticketId } = await openIssue(f);
    f.tickets.setStatus(ticketId, 'closed');
    expect(await f.bot.handleChatMessage(reply(threadId, '2.1', 'still broken'))).toEqual({
      outcome: 'already-resolved',
      issueId,
    });
    expect((await f.repo.findById(issueId))?.status).toBe('resolved');
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
