import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, BOB, BotFixture } from './bot-fixture.ts';
import { concurrently } from './concurrently.ts';
import { queueCounts } from './job-queue-probe.ts';
import { findLeaks, labelled } from './log-scan.ts';
import type { OutageAnswer } from './outage-proxy.ts';
import { deliverUntilAcked } from './slack-deliveries.ts';
import { waitFor } from './wait-for.ts';
import { buildWorkload, EXACTLY_ONCE, exactOnceReport } from './workload.ts';
import { postZendeskWebhook } from './zendesk-requests.ts';

/** How long and how big an outage scenario is. */
export interface OutageScenarioOptions {
  /** How long Zendesk is down (default 30 s). */
  readonly outageMs?: number;
  /** Server environment (e.g. scaled retry settings). */
  readonly env?: Readonly<Record<string, string>>;
  /** Requests raised before the outage, each then followed up during it (default 10). */
  readonly before?: number;
  /** Requests raised during the outage (default 40). */
  readonly during?: number;
  /** Agent comments notified during the outage (default 5, at most `before`). */
  readonly agentComments?: number;
  /** Run after the checks, with the bot, for the scenario's own assertions. */
  readonly alsoCheck?: (bot: BotFixture) => Promise<void>;
}

/**
 * Zendesk answers every call with `answer` for a while (30 s by default) while new requests,
 * replies and Zendesk comment notifications keep arriving; afterwards every one of them is handled
 * exactly once and nothing is dead-lettered.
 */
export function describeVendorOutage(
  name: string,
  tag: string,
  answer: OutageAnswer,
  options: OutageScenarioOptions = {},
): void {
  const outageMs = options.outageMs ?? 30_000;
  describe(`Zendesk outage: ${name}`, () => {
    let bot: BotFixture;
    beforeAll(async () => {
      bot = await BotFixture.start({
        name: `chaos_${tag}`,
        zendeskOutageProxy: true,
        ...(options.env === undefined ? {} : { env: options.env }),
      });
    });
    afterAll(async () => {
      await bot?.close();
    });

    it('loses and duplicates nothing once Zendesk is back', { timeout: 150_000 }, async () => {
      const { slack, zendesk } = bot.vendors;
      const target = { url: bot.url, signingSecret: bot.secrets.signingSecret };
      const before = buildWorkload(bot, `${tag}a`, options.before ?? 10, 0);
      await concurrently(before.tops, 4, (d) => deliverUntilAcked(target, d));
      await waitFor(() => exactOnceReport(bot, before).missingTickets === 0, {
        what: 'the tickets before the outage',
      });
      await bot.settle();

      bot.zendeskProxy?.outage(outageMs, answer);
      const during = buildWorkload(bot, `${tag}b`, options.during ?? 40, 0);
      const followUps = before.tops.map((top, i) => ({
        eventId: `Ev${tag}followup${i}`,
        event: {
          ...top.event,
          text: `${tag} follow-up ${i} still broken`,
          ts: slack.addMessage({
            channel: String(top.event.channel),
            user: BOB.id,
            text: 'x',
            threadTs: String(top.event.ts),
          }),
          user: BOB.id,
          thread_ts: top.event.ts,
        },
      }));
      const all = [...during.tops, ...followUps];
      // Acknowledged at once: the intake never waits for Zendesk.
      const attempts = await concurrently(all, 8, (d) =>
        deliverUntilAcked(target, d, { deadlineMs: 10_000 }),
      );
      expect(attempts.every((count) => count === 1)).toBe(true);
      const agentComments = before.tops.slice(0, options.agentComments ?? 5).map((top, i) => {
        const ticket = zendesk.tickets.find((t) => t.external_id?.endsWith(String(top.event.ts)));
        const body = `${tag} agent answer ${i}`;
        zendesk.addComment(ticket?.id ?? 0, { body, authorName: 'Agent Smith' });
        return {
          ticketId: ticket?.id ?? 0,
          externalId: ticket?.external_id ?? '',
          ts: String(top.event.ts),
          body,
        };
      });
      for (const c of agentComments) {
        const body = {
          token: bot.secrets.webhookToken,
          chat_id: c.externalId,
          ticket_id: String(c.ticketId),
        };
        expect((await postZendeskWebhook(bot.url, 'comment', body, bot.secrets.webhookSecret)).status).toBe(
          200,
        );
      }
      expect(bot.zendeskProxy?.down).toBe(true);

      await waitFor(() => exactOnceReport(bot, during).missingTickets === 0, {
        timeoutMs: 120_000,
        intervalMs: 500,
        what: 'the requests raised during the outage to reach Zendesk',
      });
      const followUpBody = (i: number) => `Bob Example: ${tag} follow-up ${i} still broken`;
      await waitFor(
        () =>
          followUps.every((_, i) =>
            zendesk.tickets.some((t) => zendesk.comments(t.id).some((c) => c.body === followUpBody(i))),
          ) &&
          agentComments.every((c) =>
            slack.messages.some((m) => m.threadTs === c.ts && m.text === `Agent Smith (Zendesk): ${c.body}`),
          ),
        { timeoutMs: 120_000, intervalMs: 500, what: 'the replies and agent comments from the outage' },
      );
      await bot.settle(60_000);
      expect(exactOnceReport(bot, during)).toEqual(EXACTLY_ONCE);
      expect(exactOnceReport(bot, before)).toEqual(EXACTLY_ONCE);
      const comments = zendesk.tickets.flatMap((t) => zendesk.comments(t.id).map((c) => c.body));
      for (let i = 0; i < followUps.length; i += 1)
        expect(comments.filter((b) => b === followUpBody(i))).toHaveLength(1);
      for (const c of agentComments)
        expect(slack.messages.filter((m) => m.text === `Agent Smith (Zendesk): ${c.body}`)).toHaveLength(1);
      expect(bot.zendeskProxy?.refused).toBeGreaterThan(0);
      expect(await queueCounts(bot.database)).toMatchObject({ deadLetters: 0 });

      const leaks = findLeaks(bot.server.logs, {
        ...labelled('secret', bot.secretValues),
        ...labelled('text', [...before.texts, ...during.texts]),
        aliceEmail: ALICE.email,
        bobEmail: BOB.email,
      });
      expect(leaks).toEqual([]);
      await options.alsoCheck?.(bot);
    });
  });
}
