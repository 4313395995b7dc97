import { messages } from '@zenslackchat/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, BOB, BotFixture } from '../support/bot-fixture.ts';
import { botPostsIn, raiseIssue, reply, ticketFor } from '../support/issue-steps.ts';
import { SUPPORT_CHANNEL, TICKET_URI } from '../support/test-env.ts';
import { waitFor } from '../support/wait-for.ts';

// Replies in a support thread: comments with their author, `help`, every spelling of `resolve`,
// a reply after resolving, and a reply in a thread the bot does not track.
describe.concurrent('replies in a support thread', () => {
  let bot: BotFixture;
  beforeAll(async () => {
    bot = await BotFixture.start({ name: 'e2e_thread' });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('adds a reply to the ticket as a public comment with its author', async () => {
    const { zendesk } = bot.vendors;
    const issue = await raiseIssue(bot, ALICE.id, 'Printer on floor 3 jams');
    await reply(bot, BOB.id, issue.ts, 'I see it too, tray 2 <https://wiki.example.com/printers|wiki>');
    const comment = await waitFor(() => zendesk.comments(issue.ticketId)[1], { what: 'the comment' });
    expect(comment.body).toBe('Bob Example: I see it too, tray 2 wiki (https://wiki.example.com/printers)');
    expect(comment.public).toBe(true);
    await bot.settle();
    expect(zendesk.comments(issue.ticketId)).toHaveLength(2);
  });

  it('answers help with the list of commands and adds nothing to the ticket', async () => {
    const issue = await raiseIssue(bot, ALICE.id, 'Where are the build logs kept');
    await reply(bot, ALICE.id, issue.ts, 'help');
    await waitFor(() => botPostsIn(bot, issue.ts).includes(messages.helpText), { what: 'the help text' });
    await bot.settle();
    expect(bot.vendors.zendesk.comments(issue.ticketId)).toHaveLength(1);
  });

  it.each(['resolve', 'Resolve Ticket', ':white_check_mark:', '✅'])('resolves on "%s"', async (word) => {
    const { zendesk } = bot.vendors;
    const issue = await raiseIssue(bot, ALICE.id, `Disk full on build agent (${word})`);
    await reply(bot, ALICE.id, issue.ts, word);
    await waitFor(() => zendesk.ticket(issue.ticketId)?.status === 'solved', { what: 'the solved ticket' });
    const url = `${TICKET_URI}/${issue.ticketId}`;
    await waitFor(() => botPostsIn(bot, issue.ts).includes(messages.resolvedConfirmation(url)), {
      what: 'the resolve confirmation',
    });
    expect(zendesk.comments(issue.ticketId)).toHaveLength(1);
  });

  it('adds a reply after resolving to the solved ticket, reopens it and tells the thread once', async () => {
    const { zendesk } = bot.vendors;
    const issue = await raiseIssue(bot, ALICE.id, 'Certificate expired on intranet');
    await reply(bot, ALICE.id, issue.ts, 'resolve');
    await waitFor(() => zendesk.ticket(issue.ticketId)?.status === 'solved', { what: 'the solved ticket' });
    await reply(bot, BOB.id, issue.ts, 'It is broken again');
    const notice = messages.reopenedByReplyNotice(`${TICKET_URI}/${issue.ticketId}`);
    await waitFor(() => botPostsIn(bot, issue.ts).includes(notice), { what: 'the reopened notice' });
    await bot.settle();
    const bodies = zendesk.comments(issue.ticketId).map((comment) => comment.body);
    expect(bodies.slice(1)).toEqual(['Bob Example: It is broken again']);
    expect(zendesk.ticket(issue.ticketId)?.status).toBe('open');
    expect(botPostsIn(bot, issue.ts).filter((text) => text === notice)).toHaveLength(1);
  });

  it('continues a closed ticket with a follow-up ticket that the thread then follows', async () => {
    const { zendesk } = bot.vendors;
    const issue = await raiseIssue(bot, ALICE.id, 'VPN drops every hour');
    await reply(bot, ALICE.id, issue.ts, 'resolve');
    await waitFor(() => zendesk.ticket(issue.ticketId)?.status === 'solved', { what: 'the solved ticket' });
    zendesk.setStatus(issue.ticketId, 'closed');
    await reply(bot, BOB.id, issue.ts, 'It dropped again this morning');
    const followUp = await waitFor(
      () =>
        zendesk.tickets.find(
          (ticket) => zendesk.agentActions.followUpSourceOf(ticket.id) === String(issue.ticketId),
        ),
      { what: 'the follow-up ticket' },
    );
    const notice = messages.followUpNotice(`${TICKET_URI}/${issue.ticketId}`, `${TICKET_URI}/${followUp.id}`);
    await waitFor(() => botPostsIn(bot, issue.ts).includes(notice), { what: 'the follow-up notice' });
    await bot.settle();
    expect(zendesk.comments(followUp.id).map((comment) => comment.body)).toEqual([
      expect.stringContaining('It dropped again this morning'),
    ]);
    expect(zendesk.comments(issue.ticketId)).toHaveLength(1);
    expect(zendesk.ticket(issue.ticketId)?.status).toBe('closed');
  });

  it('ignores a reply in a thread it does not track', async () => {
    const { slack, zendesk } = bot.vendors;
    const rootTs = slack.addMessage({ channel: SUPPORT_CHANNEL, user: BOB.id, text: 'lunch anyone?' });
    await reply(bot, ALICE.id, rootTs, 'yes please, untracked');
    await bot.settle();
    expect(ticketFor(bot, rootTs)).toBeUndefined();
    const comments = zendesk.tickets.flatMap((ticket) => zendesk.comments(ticket.id));
    expect(comments.some((comment) => comment.body.includes('untracked'))).toBe(false);
    expect(botPostsIn(bot, rootTs)).toEqual([]);
  });
});
