import type { BotFixture } from './bot-fixture.ts';
import { botPostsIn } from './issue-steps.ts';
import { postZendeskWebhook } from './zendesk-requests.ts';

/** A small seeded PRNG (mulberry32): the same seed plays the same agents and the same drops. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed's trigger body, posted for a ticket that changed (a comment or a status). */
export async function ticketNotice(bot: BotFixture, ticketId: number): Promise<number> {
  const ticket = bot.vendors.zendesk.ticket(ticketId);
  const body = {
    token: bot.secrets.webhookToken,
    chat_id: ticket?.external_id ?? '',
    ticket_id: String(ticketId),
  };
  return (await postZendeskWebhook(bot.url, 'comment', body, bot.secrets.webhookSecret)).status;
}

/** What the bot's database says of an issue's ticket. */
export interface IssueRow {
  readonly ticket_id: string;
  readonly status: string;
  readonly ticket_status: string | null;
  readonly resolved_at: Date | null;
}

/** Every issue with a ticket, by ticket id. */
export async function issuesByTicket(bot: BotFixture): Promise<Map<string, IssueRow>> {
  const rows = await bot.database.query<IssueRow>(
    'select ticket_id, status, ticket_status, resolved_at from issues where ticket_id is not null',
  );
  return new Map(rows.map((row) => [row.ticket_id, row]));
}

/** The status notices in a thread (solved, closed, reopened), oldest first. */
export function statusNotices(bot: BotFixture, threadTs: string): string[] {
  return botPostsIn(bot, threadTs).filter((post) => / in Zendesk/.test(post));
}
