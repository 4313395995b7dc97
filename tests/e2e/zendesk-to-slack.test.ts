import { messages } from '@zenslackchat/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, BOB, BotFixture } from '../support/bot-fixture.ts';
import { botPostsIn, raiseIssue, reply } from '../support/issue-steps.ts';
import { SUPPORT_CHANNEL, TICKET_URI, WORKSPACE_URI } from '../support/test-env.ts';
import { waitFor } from '../support/wait-for.ts';
import { postZendeskWebhook } from '../support/zendesk-requests.ts';

// Zendesk → Slack: the comment trigger and the new-email trigger, as the seed's README sets them up.
describe.concurrent('Zendesk notifications', () => {
  let bot: BotFixture;
  beforeAll(async () => {
    bot = await BotFixture.start({ name: 'e2e_zendesk' });
  });
  afterAll(async () => {
    await bot?.close();
  });

  /** The comment trigger fires for a ticket; the body is the seed's `{token, chat_id, ticket_id}`. */
  async function commentTrigger(ticketId: number): Promise<number> {
    const ticket = bot.vendors.zendesk.ticket(ticketId);
    const body = {
      token: bot.secrets.webhookToken,
      chat_id: ticket?.external_id ?? '',
      ticket_id: String(ticketId),
    };
    return (await postZendeskWebhook(bot.url, 'comment', body, bot.secrets.webhookSecret)).status;
  }

  it('posts a public agent comment in the thread, once however often the trigger fires', async () => {
    const { zendesk } = bot.vendors;
    const issue = await raiseIssue(bot, ALICE.id, 'Cannot reach the staging database');
    zendesk.addComment(issue.ticketId, {
      body: 'Restarted the bastion & <retried>',
      authorName: 'Agent Smith',
    });
    expect(await commentTrigger(issue.ticketId)).toBe(200);
    const expected = 'Agent Smith (Zendesk): Restarted the bastion &amp; &lt;retried&gt;';
    await waitFor(() => botPostsIn(bot, issue.ts).includes(expected), { what: 'the forwarded comment' });
    expect(await commentTrigger(issue.ticketId)).toBe(200);
    expect(await commentTrigger(issue.ticketId)).toBe(200);
    await bot.settle();
    expect(botPostsIn(bot, issue.ts).filter((post) => post === expected)).toHaveLength(1);
  });

  it('rewrites a forwarded comment once Zendesk redacted it, so its text leaves Slack too', async () => {
    const { zendesk } = bot.vendors;
    const issue = await raiseIssue(bot, ALICE.id, 'Password reset loop');
    const commentId = zendesk.addComment(issue.ticketId, {
      body: 'Temporary password: Tr0ub4dor&3',
      authorName: 'Agent Smith',
    });
    expect(await commentTrigger(issue.ticketId)).toBe(200);
    await waitFor(() => botPostsIn(bot, issue.ts).some((post) => post.includes('Tr0ub4dor')), {
      what: 'the forwarded comment',
    });
    zendesk.agentActions.redact(issue.ticketId, commentId);
    expect(await commentTrigger(issue.ticketId)).toBe(200);
    await waitFor(() => botPostsIn(bot, issue.ts).includes(messages.redactedCommentMessage), {
      what: 'the forwarded comment rewritten',
    });
    expect(await commentTrigger(issue.ticketId)).toBe(200);
    await bot.settle();
    expect(botPostsIn(bot, issue.ts).some((post) => post.includes('Tr0ub4dor'))).toBe(false);
    expect(bot.vendors.slack.calls.filter((call) => call.method === 'chat.update')).toHaveLength(1);
  });

  it('keeps internal notes out of Slack', async () => {
    const { zendesk } = bot.vendors;
    const issue = await raiseIssue(bot, ALICE.id, 'Billing export is empty');
    zendesk.addComment(issue.ticketId, {
      body: 'internal: customer is on the old plan',
      public: false,
      authorName: 'Agent Smith',
    });
    expect(await commentTrigger(issue.ticketId)).toBe(200);
    await bot.settle();
    expect(botPostsIn(bot, issue.ts).some((post) => post.includes('old plan'))).toBe(false);
    expect(botPostsIn(bot, issue.ts)).toHaveLength(2);
  });

  it("does not echo the bot's own comments (a Slack reply) back to Slack", async () => {
    const { zendesk } = bot.vendors;
    const issue = await raiseIssue(bot, ALICE.id, 'SSO login loops');
    await reply(bot, BOB.id, issue.ts, 'Same here on Firefox');
    await waitFor(() => zendesk.comments(issue.ticketId).length === 2, { what: 'the reply as a comment' });
    expect(await commentTrigger(issue.ticketId)).toBe(200);
    await bot.settle();
    expect(botPostsIn(bot, issue.ts)).toHaveLength(2);
  });

  it('answers 200 to a comment trigger for a ticket it does not track, and posts nothing', async () => {
    const { slack, zendesk } = bot.vendors;
    const stranger = zendesk.createEmailTicket({
      subject: 'Not ours',
      body: 'unrelated',
      requesterEmail: 'x@example.com',
    });
    const posts = slack.messages.length;
    const body = { token: bot.secrets.webhookToken, chat_id: '', ticket_id: stranger };
    expect((await postZendeskWebhook(bot.url, 'comment', body, bot.secrets.webhookSecret)).status).toBe(200);
    await bot.settle();
    expect(slack.messages.slice(posts).some((m) => m.text.includes('unrelated'))).toBe(false);
  });

  it('opens a Slack thread for an emailed ticket and links the two both ways', async () => {
    const { slack, zendesk } = bot.vendors;
    const ticketId = zendesk.createEmailTicket({
      subject: 'Laptop will not boot',
      body: 'It shows a blinking cursor.',
      requesterName: 'Carol Mailer',
      requesterEmail: 'carol@example.com',
    });
    const body = { token: bot.secrets.webhookToken, ticket_id: ticketId };
    expect((await postZendeskWebhook(bot.url, 'email', body, bot.secrets.webhookSecret)).status).toBe(200);
    const opening = messages.emailThreadOpening('Laptop will not boot', 'It shows a blinking cursor.');
    const root = await waitFor(
      () => slack.messages.find((m) => m.text === opening && m.threadTs === undefined),
      {
        what: 'the thread opened for the email',
      },
    );
    expect(root.channel).toBe(SUPPORT_CHANNEL);
    await waitFor(() => zendesk.ticket(ticketId)?.external_id === `slack:${SUPPORT_CHANNEL}:${root.ts}`, {
      what: 'the ticket linked to the thread',
    });
    const permalink = `${WORKSPACE_URI}/${SUPPORT_CHANNEL}/p${root.ts.replace('.', '')}`;
    await waitFor(
      () =>
        zendesk.comments(ticketId).find((c) => !c.public && c.body === messages.emailTicketNote(permalink)),
      { what: 'the internal note with the chat link' },
    );
    await waitFor(
      () => botPostsIn(bot, root.ts).includes(messages.ticketConfirmation(`${TICKET_URI}/${ticketId}`)),
      { what: 'the ticket link in the thread' },
    );
    expect((await postZendeskWebhook(bot.url, 'email', body, bot.secrets.webhookSecret)).status).toBe(200);
    await reply(bot, ALICE.id, root.ts, 'Try holding the power button for 30 seconds');
    await waitFor(
      () =>
        zendesk
          .comments(ticketId)
          .find((c) => c.body === 'Alice Example: Try holding the power button for 30 seconds'),
      { what: 'the thread reply on the emailed ticket' },
    );
    await bot.settle();
    expect(slack.messages.filter((m) => m.text === opening)).toHaveLength(1);
  });
});
