import { channelJoinEvent, messageChangedEvent } from '@zenslackchat/adapters-slack/fake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, BotFixture } from '../support/bot-fixture.ts';
import { botPostsIn, ticketFor } from '../support/issue-steps.ts';
import { ALLOWED_BOT_ID, OTHER_CHANNEL, SUPPORT_CHANNEL } from '../support/test-env.ts';
import { waitFor } from '../support/wait-for.ts';

// Which Slack messages open issues: only people's and allowed bots' new messages in the support
// channel. Other channels, other bots and edits/joins are acknowledged and otherwise ignored.
describe('messages the bot must not turn into issues', () => {
  let bot: BotFixture;
  beforeAll(async () => {
    bot = await BotFixture.start({ name: 'e2e_ignored' });
  });
  afterAll(async () => {
    await bot?.close();
  });

  /** Delivers an event for a message stored in the fake (so its ts is fresh); returns the ts. */
  async function deliver(event: Record<string, unknown>): Promise<string> {
    const { slack } = bot.vendors;
    const ts = slack.addMessage({
      channel: String(event.channel ?? SUPPORT_CHANNEL),
      user: String(event.user ?? ''),
      text: String(event.text ?? ''),
    });
    const delivery = await slack.deliverEvent({ ...event, ts, event_ts: ts });
    expect(delivery.status).toBe(200);
    return ts;
  }

  it('ignores messages in other channels, other bots and subtypes, and nothing reaches Zendesk', async () => {
    const ignored = [
      await deliver({ type: 'message', channel: OTHER_CHANNEL, user: ALICE.id, text: 'elsewhere' }),
      await deliver({
        type: 'message',
        subtype: 'bot_message',
        bot_id: 'B0MONITOR',
        username: 'monitoring',
        channel: SUPPORT_CHANNEL,
        text: 'Alert: disk 91% on db-1',
      }),
      await deliver({ ...messageChangedEvent, channel: SUPPORT_CHANNEL }),
      await deliver({ ...channelJoinEvent, channel: SUPPORT_CHANNEL }),
      await deliver({
        type: 'message',
        subtype: 'message_deleted',
        hidden: true,
        deleted_ts: '1700000000.000100',
        channel: SUPPORT_CHANNEL,
      }),
    ];
    await bot.settle();
    expect(bot.vendors.zendesk.tickets).toHaveLength(0);
    for (const ts of ignored) expect(botPostsIn(bot, ts)).toEqual([]);
    expect(bot.vendors.slack.messages.filter((m) => m.user === bot.vendors.slack.identity.botUserId)).toEqual(
      [],
    );
  });

  it('opens an issue for a bot listed in ALLOWED_BOT_IDS', async () => {
    const ts = await deliver({
      type: 'message',
      subtype: 'bot_message',
      bot_id: ALLOWED_BOT_ID,
      username: 'synthetic-checks',
      channel: SUPPORT_CHANNEL,
      text: 'Synthetic check failed: login page',
    });
    const ticket = await waitFor(() => ticketFor(bot, ts), { what: 'the allowed bot ticket' });
    expect(ticket.subject).toBe('Synthetic check failed: login page');
    await waitFor(() => botPostsIn(bot, ts).length === 2, { what: 'the confirmation and on-call notice' });
  });
});
