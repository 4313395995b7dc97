import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, BotFixture } from '../support/bot-fixture.ts';
import { SUPPORT_CHANNEL } from '../support/test-env.ts';
import { waitFor } from '../support/wait-for.ts';

// DISABLE_MESSAGE_PROCESSING=1: the bot is installed and acknowledges Slack, but opens nothing and
// logs a warning per message (the seed's go-live switch).
describe('with DISABLE_MESSAGE_PROCESSING=1', () => {
  let bot: BotFixture;
  beforeAll(async () => {
    bot = await BotFixture.start({ name: 'e2e_disabled', env: { DISABLE_MESSAGE_PROCESSING: '1' } });
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('acknowledges messages, opens no ticket, posts nothing and warns', async () => {
    const { slack, zendesk } = bot.vendors;
    const { delivery } = await slack.postAsUser({
      channel: SUPPORT_CHANNEL,
      user: ALICE.id,
      text: 'Is it on?',
    });
    expect(delivery.status).toBe(200);
    await bot.settle();
    expect(zendesk.tickets).toHaveLength(0);
    expect(slack.messages.filter((m) => m.user === slack.identity.botUserId)).toEqual([]);
    await waitFor(
      () =>
        bot.server.logs.some(
          (line) => /"log.level":"warn"/.test(line.text) && /not handled|disabled/i.test(line.text),
        ),
      {
        what: 'a warning that the message was not handled',
        timeoutMs: 5000,
      },
    );
  });
});
