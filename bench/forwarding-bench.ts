import { quantile, round } from '../tests/bench-kit/load.ts';
import { ALICE, BotFixture } from '../tests/support/bot-fixture.ts';
import { raiseIssue } from '../tests/support/issue-steps.ts';
import { waitFor } from '../tests/support/wait-for.ts';
import { postZendeskWebhook } from '../tests/support/zendesk-requests.ts';

// 3. Forwarding cost: Zendesk API calls, Slack calls and time to forward ONE new public comment on
// a ticket that already has 1, 100 and 1,000 earlier (handled) comments.

const SIZES = [1, 100, 1_000] as const;
const REPEATS = 5;

export interface ForwardingRow {
  readonly earlierComments: number;
  readonly zendeskCalls: number;
  readonly slackCalls: number;
  readonly medianMs: number;
  readonly maxMs: number;
}

/** Runs the forwarding benchmark; one bot, one ticket per size. */
export async function forwardingBench(log: (line: string) => void): Promise<ForwardingRow[]> {
  const bot = await BotFixture.start({ name: 'bench_forward' });
  const { slack, zendesk } = bot.vendors;
  const rows: ForwardingRow[] = [];
  const notify = async (ticketId: number) => {
    const ticket = zendesk.ticket(ticketId);
    const body = {
      token: bot.secrets.webhookToken,
      chat_id: ticket?.external_id ?? '',
      ticket_id: String(ticketId),
    };
    await postZendeskWebhook(bot.url, 'comment', body, bot.secrets.webhookSecret);
  };
  try {
    for (const size of SIZES) {
      log(`forwarding: a ticket with ${size} earlier comments`);
      const issue = await raiseIssue(bot, ALICE.id, `Forwarding cost with ${size} comments`);
      for (let i = 1; i < size; i += 1)
        zendesk.addComment(issue.ticketId, { body: `note ${i}`, public: false, authorName: 'Agent Smith' });
      await notify(issue.ticketId);
      await bot.settle();
      const times: number[] = [];
      let zendeskCalls = 0;
      let slackCalls = 0;
      for (let r = 0; r < REPEATS; r += 1) {
        const text = `answer ${r} on the ${size}-comment ticket`;
        const z0 = zendesk.apiRequestCount();
        const s0 = slack.calls.length;
        const t0 = performance.now();
        zendesk.addComment(issue.ticketId, { body: text, authorName: 'Agent Smith' });
        await notify(issue.ticketId);
        await waitFor(() => slack.messages.some((m) => m.threadTs === issue.ts && m.text.endsWith(text)), {
          intervalMs: 2,
          what: 'the forwarded comment',
        });
        times.push(performance.now() - t0);
        await bot.settle();
        zendeskCalls = Math.max(zendeskCalls, zendesk.apiRequestCount() - z0);
        slackCalls = Math.max(slackCalls, slack.calls.length - s0);
      }
      times.sort((a, b) => a - b);
      rows.push({
        earlierComments: size,
        zendeskCalls,
        slackCalls,
        medianMs: round(quantile(times, 0.5)),
        maxMs: round(times.at(-1) ?? Number.NaN),
      });
    }
    return rows;
  } finally {
    await bot.close();
  }
}
