import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, BotFixture, ON_CALL } from '../support/bot-fixture.ts';
import { SUPPORT_CHANNEL, TICKET_URI, WORKSPACE_URI } from '../support/test-env.ts';
import { waitFor } from '../support/wait-for.ts';

// A person raises an issue in the support channel: one ticket with every field right, then the
// confirmation and who is on call in the message's thread.
describe('a new message in the support channel', () => {
  let bot: BotFixture;
  beforeAll(async () => {
    bot = await BotFixture.start({ name: 'e2e_new' });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('opens a ticket with every field right and answers in the thread', async () => {
    const { slack, zendesk } = bot.vendors;
    const text = 'The VPN is down for <@U0BOB> and me :fire: see <https://status.example.com|status>';
    const { ts, delivery } = await slack.postAsUser({ channel: SUPPORT_CHANNEL, user: ALICE.id, text });
    expect(delivery.status).toBe(200);

    const ticket = await waitFor(() => zendesk.tickets[0], { what: 'the ticket' });
    const permalink = `${WORKSPACE_URI}/${SUPPORT_CHANNEL}/p${ts.replace('.', '')}`;
    expect(ticket.subject).toBe(
      'The VPN is down for @Bob Example and me 🔥 see status (https://status.example.com)',
    );
    expect(ticket.external_id).toBe(`slack:${SUPPORT_CHANNEL}:${ts}`);
    expect(ticket.group_id).toBe(zendesk.groupId);
    expect(ticket.assignee_id).toBe(zendesk.agent.id);
    expect(ticket.status).toBe('open'); // Zendesk opens an assigned ticket
    expect(zendesk.user(ticket.requester_id)).toMatchObject({ email: ALICE.email, name: ALICE.name });
    expect(ticket.description).toContain('Raised in chat: ');
    expect(ticket.description).toContain(permalink);

    const inThread = await waitFor(
      () => {
        const posts = slack.messages.filter((m) => m.threadTs === ts);
        return posts.length >= 2 && posts;
      },
      { what: 'the confirmation and the on-call notice' },
    );
    await bot.settle();
    const replies = slack.messages.filter((m) => m.threadTs === ts).map((m) => m.text);
    expect(replies).toEqual([
      `Hello, your new support request is ${TICKET_URI}/${ticket.id}.`,
      `Primary on call: ${ON_CALL.primary.join(', ')}\nSecondary on call: ${ON_CALL.secondary.join(', ')}`,
    ]);
    expect(inThread.every((m) => m.user === slack.identity.botUserId)).toBe(true);
    expect(zendesk.tickets).toHaveLength(1);
  });

  it('stops cleanly on SIGTERM and carries on after a restart on the same database', async () => {
    const { slack, zendesk } = bot.vendors;
    const [ticket] = zendesk.tickets;
    const threadTs = ticket?.external_id?.split(':')[2] ?? '';
    expect(await bot.server.stop()).toBe(0);
    expect(bot.server.logText()).toContain('zenslackchat stopped');
    await bot.server.restart();
    await slack.postAsUser({
      channel: SUPPORT_CHANNEL,
      user: ALICE.id,
      text: 'Still down after lunch',
      threadTs,
    });
    await waitFor(
      () => zendesk.comments(ticket?.id ?? 0).some((c) => c.body === 'Alice Example: Still down after lunch'),
      {
        what: 'the reply after the restart',
      },
    );
    expect(zendesk.tickets).toHaveLength(1);
  });
});
