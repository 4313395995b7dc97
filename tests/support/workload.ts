import { randomBytes } from 'node:crypto';
import { ALICE, BOB, type BotFixture } from './bot-fixture.ts';
import type { SlackEventDelivery } from './slack-deliveries.ts';
import { SUPPORT_CHANNEL } from './test-env.ts';

const PEOPLE = [ALICE, BOB] as const;

/** A batch of people's messages: top-level requests and replies in their threads. */
export interface Workload {
  readonly tops: readonly SlackEventDelivery[];
  readonly replies: readonly SlackEventDelivery[];
  /** Every message text (none may appear in the logs). */
  readonly texts: readonly string[];
}

/**
 * Stores `tops` top-level messages and `replies` replies (spread over the first threads) in the fake
 * Slack and returns their events. Texts carry a random tag so a log scan can look for them.
 */
export function buildWorkload(bot: BotFixture, tag: string, tops: number, replies: number): Workload {
  const { slack } = bot.vendors;
  const salt = randomBytes(3).toString('hex');
  const make = (kind: string, i: number, threadTs?: string): SlackEventDelivery => {
    const person = PEOPLE[i % PEOPLE.length] ?? ALICE;
    const text = `${tag} ${kind} ${i} ${salt} printer queue stuck`;
    const ts = slack.addMessage({
      channel: SUPPORT_CHANNEL,
      user: person.id,
      text,
      ...(threadTs ? { threadTs } : {}),
    });
    const event = {
      channel: SUPPORT_CHANNEL,
      user: person.id,
      text,
      ts,
      ...(threadTs ? { thread_ts: threadTs } : {}),
    };
    return { eventId: `Ev${tag}${kind}${i}${salt}`, event };
  };
  const topEvents = Array.from({ length: tops }, (_, i) => make('request', i));
  const replyEvents = Array.from({ length: replies }, (_, i) =>
    make('reply', i, String(topEvents[i % tops]?.event.ts)),
  );
  return {
    tops: topEvents,
    replies: replyEvents,
    texts: [...topEvents, ...replyEvents].map((d) => String(d.event.text)),
  };
}

/** What went wrong, per kind; all empty when every message had exactly one effect. */
export interface ExactOnceReport {
  readonly missingTickets: number;
  readonly duplicateTickets: number;
  readonly wrongConfirmations: number;
  readonly wrongOnCallNotices: number;
  readonly missingComments: number;
  readonly duplicateComments: number;
}

/** Counts, from the fakes' state, how far the outcome is from exactly-once. */
export function exactOnceReport(bot: BotFixture, workload: Workload): ExactOnceReport {
  const { slack, zendesk } = bot.vendors;
  const tickets = new Map<string, number[]>();
  for (const ticket of zendesk.tickets) {
    if (ticket.external_id === null) continue;
    tickets.set(ticket.external_id, [...(tickets.get(ticket.external_id) ?? []), ticket.id]);
  }
  const botPosts = new Map<string, string[]>();
  for (const message of slack.messages) {
    if (message.user !== slack.identity.botUserId || message.threadTs === undefined) continue;
    botPosts.set(message.threadTs, [...(botPosts.get(message.threadTs) ?? []), message.text]);
  }
  const report = {
    missingTickets: 0,
    duplicateTickets: 0,
    wrongConfirmations: 0,
    wrongOnCallNotices: 0,
    missingComments: 0,
    duplicateComments: 0,
  };
  for (const { event } of workload.tops) {
    const ids = tickets.get(`slack:${SUPPORT_CHANNEL}:${event.ts}`) ?? [];
    if (ids.length === 0) report.missingTickets += 1;
    if (ids.length > 1) report.duplicateTickets += ids.length - 1;
    const posts = botPosts.get(String(event.ts)) ?? [];
    if (posts.filter((p) => p.startsWith('Hello, your new support request')).length !== 1)
      report.wrongConfirmations += 1;
    if (posts.filter((p) => p.startsWith('Primary on call:')).length !== 1) report.wrongOnCallNotices += 1;
  }
  for (const { event } of workload.replies) {
    const [ticketId] = tickets.get(`slack:${SUPPORT_CHANNEL}:${event.thread_ts}`) ?? [];
    const author = PEOPLE.find((p) => p.id === event.user)?.name;
    const body = `${author}: ${event.text}`;
    const count =
      ticketId === undefined ? 0 : zendesk.comments(ticketId).filter((c) => c.body === body).length;
    if (count === 0) report.missingComments += 1;
    if (count > 1) report.duplicateComments += count - 1;
  }
  return report;
}

/** The report of a perfect run. */
export const EXACTLY_ONCE: ExactOnceReport = {
  missingTickets: 0,
  duplicateTickets: 0,
  wrongConfirmations: 0,
  wrongOnCallNotices: 0,
  missingComments: 0,
  duplicateComments: 0,
};
