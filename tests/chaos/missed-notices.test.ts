import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, BotFixture } from '../support/bot-fixture.ts';
import { concurrently } from '../support/concurrently.ts';
import { botPostsIn, type RaisedIssue, raiseIssue } from '../support/issue-steps.ts';
import { runCli } from '../support/run-cli.ts';
import {
  issuesByTicket,
  seededRandom,
  statusNotices,
  ticketNotice,
} from '../support/ticket-lifecycle-steps.ts';

// Issue 13's proof: agents comment, solve, reopen and close across many tickets while half of all
// comment and status notices are lost; one `pnpm zenslackchat reconcile` then brings the bot's
// database and every thread in step with Zendesk, and no comment reaches a thread twice.
// ZSC_MISSED_TICKETS sets the ticket count (default 200), ZSC_MISSED_SEED the agents' moves.
const TICKETS = Number(process.env.ZSC_MISSED_TICKETS ?? '200');
const SEED = Number(process.env.ZSC_MISSED_SEED ?? '1313');
const STEPS = 5;
const AGENTS = ['Dana Agent', 'Eve Agent'] as const;

describe('missed Zendesk notices healed by one reconcile', () => {
  let bot: BotFixture;
  let issues: RaisedIssue[];
  const publicComments = new Map<number, string[]>();
  const dropped = { notices: 0, sent: 0 };

  beforeAll(async () => {
    // A limit large enough that the sweep's tenth of it does not make the test wait; the scheduled
    // sweep kept out of the way of the one the test runs.
    bot = await BotFixture.start({
      name: 'chaos_missed',
      env: { ZENDESK_RATE_LIMIT_PER_MINUTE: '60000', RECONCILE_CRON: '0 0 1 1 *' },
    });
    issues = await concurrently(
      Array.from({ length: TICKETS }, (_, n) => n),
      16,
      (n) => raiseIssue(bot, ALICE.id, `Lifecycle request ${n}`),
    );
    await bot.settle();
  });
  afterAll(async () => {
    await bot?.close();
  });

  /** One agent move on a ticket, as in Zendesk's UI; its notice is lost half of the time. */
  async function move(ticketId: number, step: number, random: () => number): Promise<void> {
    const { zendesk } = bot.vendors;
    const status = zendesk.ticket(ticketId)?.status;
    if (status === 'closed') return;
    const agent = AGENTS[Math.floor(random() * AGENTS.length)] ?? AGENTS[0];
    const agentId = zendesk.agentActions.agentNamed(agent);
    const roll = random();
    if (roll < 0.4) {
      const body = `update ${ticketId} ${step} from ${agent}`;
      zendesk.addComment(ticketId, { body, authorId: agentId });
      publicComments.set(ticketId, [...(publicComments.get(ticketId) ?? []), `${agent} (Zendesk): ${body}`]);
    } else if (roll < 0.5) {
      zendesk.addComment(ticketId, {
        body: `internal ${ticketId} ${step}`,
        public: false,
        authorId: agentId,
      });
    } else if (roll < 0.95) {
      zendesk.agentActions.setStatus(ticketId, status === 'solved' ? 'open' : 'solved', agentId);
    } else {
      zendesk.agentActions.setStatus(ticketId, 'closed', agentId);
    }
    if (random() < 0.5) {
      dropped.notices += 1;
      return;
    }
    dropped.sent += 1;
    expect(await ticketNotice(bot, ticketId)).toBe(200);
  }

  it('brings the database and the threads in step with Zendesk, posting no comment twice', {
    timeout: 600_000,
  }, async () => {
    const random = seededRandom(SEED);
    // Moves are drawn in one order from the seed, then played per ticket concurrently.
    const plans = issues.map((issue) => ({
      issue,
      draws: Array.from({ length: STEPS * 3 }, () => random()),
    }));
    await concurrently(plans, 16, async ({ issue, draws }) => {
      let at = 0;
      const next = () => draws[at++ % draws.length] ?? 0;
      for (let step = 0; step < STEPS; step += 1) await move(issue.ticketId, step, next);
    });
    await bot.settle();
    expect(dropped.notices).toBeGreaterThan(0);

    const { stdout } = await runCli(['reconcile'], bot.server.options.env);
    const sweep = JSON.parse(stdout) as { outcome: string; record: { failed: number; healed: number } };
    expect(sweep).toMatchObject({ outcome: 'swept', record: { failed: 0 } });
    // The lost notices left work to heal (else this test would prove nothing).
    expect(sweep.record.healed).toBeGreaterThan(0);
    await bot.settle();

    const rows = await issuesByTicket(bot);
    const { zendesk } = bot.vendors;
    for (const issue of issues) {
      const ticket = zendesk.ticket(issue.ticketId);
      const row = rows.get(String(issue.ticketId));
      const done = ticket?.status === 'solved' || ticket?.status === 'closed';
      expect(row, `ticket ${issue.ticketId}`).toMatchObject({
        status: done ? 'resolved' : 'open',
        ticket_status: ticket?.status,
      });
      if (done) expect(row?.resolved_at?.toISOString()).toBe(solvedAt(issue.ticketId));
      // Every public agent comment once, in order; no internal note.
      const forwarded = botPostsIn(bot, issue.ts).filter((post) => post.includes(' (Zendesk): '));
      expect(forwarded, `thread of ticket ${issue.ticketId}`).toEqual(
        publicComments.get(issue.ticketId) ?? [],
      );
      // The thread's last word on the status matches Zendesk's.
      const last = statusNotices(bot, issue.ts).at(-1);
      if (done) expect(last).toMatch(/was (solved|closed) in Zendesk/);
      else expect(last ?? 'reopened').toMatch(/reopened/);
    }
    // One more sweep finds nothing to heal.
    const again = JSON.parse((await runCli(['reconcile'], bot.server.options.env)).stdout);
    expect(again).toMatchObject({ outcome: 'swept', record: { healed: 0, failed: 0 } });
  });

  /** When the ticket entered its current solved-or-closed period (a solve then a close: the solve). */
  function solvedAt(ticketId: number): string | undefined {
    let since: string | undefined;
    for (const audit of bot.vendors.zendesk.agentActions.audits(ticketId)) {
      for (const event of audit.events) {
        if (event.type !== 'Change' || !('field_name' in event) || event.field_name !== 'status') continue;
        const done = (status: unknown) => status === 'solved' || status === 'closed';
        if (!done(event.value)) since = undefined;
        else if (!done(event.previous_value)) since = new Date(audit.created_at).toISOString();
      }
    }
    return since;
  }
});
