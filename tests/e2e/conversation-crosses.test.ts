import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotFixture } from '../support/bot-fixture.ts';
import { SUPPORT_CHANNEL } from '../support/test-env.ts';
import { waitFor } from '../support/wait-for.ts';

const DESK = 'support-desk@example.com';

// The whole conversation crosses (issue 17): people Slack shows no email for still open tickets.
describe('the whole conversation crosses', () => {
  let bot: BotFixture;
  beforeAll(async () => {
    bot = await BotFixture.start({
      name: 'e2e_conversation',
      env: { ZENDESK_DEFAULT_REQUESTER_EMAIL: DESK },
    });
    bot.vendors.slack.addUser({ id: 'U0GUEST', name: 'Gwen Guest', kind: 'guest' });
    bot.vendors.slack.addUser({ id: 'U0PARTNER', name: 'Pat Partner', kind: 'external' });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it.each([
    ['a guest', 'U0GUEST', 'Gwen Guest'],
    ['a Slack Connect user', 'U0PARTNER', 'Pat Partner'],
  ])(
    'opens a ticket for %s without an email, asked for the default requester and naming them',
    async (_who, user, name) => {
      const { slack, zendesk } = bot.vendors;
      const text = `Cannot reach the wiki (${user})`;
      const { delivery } = await slack.postAsUser({ channel: SUPPORT_CHANNEL, user, text });
      expect(delivery.status).toBe(200);
      const ticket = await waitFor(() => zendesk.tickets.find((t) => t.subject === text), {
        what: 'the ticket',
      });
      expect(zendesk.user(ticket.requester_id)).toMatchObject({ email: DESK });
      expect(ticket.description.startsWith(`Posted in chat by ${name}:\n\n${text}`)).toBe(true);
      await bot.settle();
      expect(zendesk.tickets.filter((t) => t.subject === text)).toHaveLength(1);
      expect(bot.server.logText()).not.toContain('job failed');
    },
  );
});
