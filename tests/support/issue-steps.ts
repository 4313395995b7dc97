import type { BotFixture } from './bot-fixture.ts';
import { SUPPORT_CHANNEL } from './test-env.ts';
import { waitFor } from './wait-for.ts';

/** An issue raised through the fake Slack and confirmed by the bot. */
export interface RaisedIssue {
  /** The top-level message's ts (the thread). */
  readonly ts: string;
  readonly ticketId: number;
}

/** The bot's posts in a thread, oldest first. */
export function botPostsIn(bot: BotFixture, threadTs: string): string[] {
  const { slack } = bot.vendors;
  return slack.messages
    .filter((m) => m.threadTs === threadTs && m.user === slack.identity.botUserId)
    .map((m) => m.text);
}

/** The ticket Zendesk holds for a Slack message, found by its external id. */
export function ticketFor(bot: BotFixture, ts: string, channel = SUPPORT_CHANNEL) {
  return bot.vendors.zendesk.tickets.find((t) => t.external_id === `slack:${channel}:${ts}`);
}

/** A person posts a top-level message; resolves once the ticket exists and is confirmed in the thread. */
export async function raiseIssue(bot: BotFixture, user: string, text: string): Promise<RaisedIssue> {
  const { ts, delivery } = await bot.vendors.slack.postAsUser({ channel: SUPPORT_CHANNEL, user, text });
  if (delivery.status !== 200) throw new Error(`the bot answered ${delivery.status} to a new message`);
  const ticket = await waitFor(() => ticketFor(bot, ts), { what: `the ticket for ${ts}` });
  await waitFor(() => botPostsIn(bot, ts).some((post) => post.includes(`/${ticket.id}.`)), {
    what: `the confirmation in ${ts}`,
  });
  return { ts, ticketId: ticket.id };
}

/** A person replies in a thread; resolves with the delivery's HTTP status. */
export async function reply(bot: BotFixture, user: string, threadTs: string, text: string): Promise<string> {
  const { ts, delivery } = await bot.vendors.slack.postAsUser({
    channel: SUPPORT_CHANNEL,
    user,
    text,
    threadTs,
  });
  if (delivery.status !== 200) throw new Error(`the bot answered ${delivery.status} to a reply`);
  return ts;
}
