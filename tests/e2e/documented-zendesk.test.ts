import { messages } from '@zenslackchat/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, BOB, BotFixture } from '../support/bot-fixture.ts';
import { botPostsIn, raiseIssue, reply } from '../support/issue-steps.ts';
import { SUPPORT_CHANNEL, TICKET_URI } from '../support/test-env.ts';
import { waitFor } from '../support/wait-for.ts';
import { postZendeskWebhook } from '../support/zendesk-requests.ts';

// Issue 12: against a Zendesk that answers only what its docs promise (audit Comment events with
// id, type, body, public and attachments; no created_at, via or author_id), thread replies reach
// the ticket and leave the issue open, and an emailed ticket gets its link note.
describe.concurrent('the bot on a Zendesk answering the documented minimum', () => {
  let bot: BotFixture;
  beforeAll(async () => {
    bot = await BotFixture.start({ name: 'e2e_documented_zd', vendorModes: { zendesk: 'minimal' } });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('adds every thread reply to the ticket and never calls the issue resolved', async () => {
    const { zendesk } = bot.vendors;
    const issue = await raiseIssue(bot, ALICE.id, 'Badge reader at door B is dead');
    await reply(bot, BOB.id, issue.ts, 'Door C too');
    await waitFor(() => zendesk.comments(issue.ticketId).length === 2, { what: 'the first reply' });
    await reply(bot, ALICE.id, issue.ts, 'And the lift');
    await waitFor(() => zendesk.comments(issue.ticketId).length === 3, { what: 'the second reply' });
    await bot.settle();
    const notice = messages.alreadyResolvedNotice(`${TICKET_URI}/${issue.ticketId}`);
    expect(botPostsIn(bot, issue.ts)).not.toContain(notice);
    const [, first, second] = zendesk.comments(issue.ticketId).map((c) => c.body);
    expect(first).toContain('Door C too');
    expect(second).toContain('And the lift');
    expect(zendesk.ticket(issue.ticketId)?.status).not.toBe('solved');
  });

  it("gives an emailed ticket's thread its link note and confirmation", async () => {
    const { slack, zendesk } = bot.vendors;
    const ticketId = zendesk.createEmailTicket({
      subject: 'Wifi drops',
      body: 'Every 10 minutes',
      requesterEmail: 'dan@example.com',
    });
    const body = { token: bot.secrets.webhookToken, ticket_id: ticketId };
    expect((await postZendeskWebhook(bot.url, 'email', body, bot.secrets.webhookSecret)).status).toBe(200);
    const opening = messages.emailThreadOpening('Wifi drops', 'Every 10 minutes');
    const root = await waitFor(
      () => slack.messages.find((m) => m.text === opening && m.threadTs === undefined),
      {
        what: 'the thread for the email',
      },
    );
    await waitFor(() => zendesk.comments(ticketId).find((c) => !c.public), {
      what: 'the internal link note',
    });
    await waitFor(
      () => botPostsIn(bot, root.ts).includes(messages.ticketConfirmation(`${TICKET_URI}/${ticketId}`)),
      {
        what: 'the ticket link in the thread',
      },
    );
    expect(zendesk.ticket(ticketId)?.external_id).toBe(`slack:${SUPPORT_CHANNEL}:${root.ts}`);
  });
});
