import { MemoryChat } from '@zenslackchat/adapters-memory';
import { migrateToLatest, openDatabase, PostgresIssueRepo } from '@zenslackchat/adapters-postgres';
import { ZendeskTicketAdapter } from '@zenslackchat/adapters-zendesk';
import { FakeZendesk } from '@zenslackchat/adapters-zendesk/fake';
import { botSettings, CallPacer, SupportBot, silentLogger, systemClock } from '@zenslackchat/core';
import { FreshDatabase } from '../support/fresh-database.ts';
import { round } from './load.ts';

// 9. Reconciliation: one sweep over 10,000 syncable issues of which 1% changed in Zendesk since
// their last sync (70 new public comments, 30 solved): Zendesk calls, wall time and the bot
// process's CPU. The bot runs in this process on Postgres, its Zendesk adapter against the fake
// Zendesk over HTTP, its chat in memory; the pacer's rate is set high so the figure is the work,
// not the 10%-of-the-limit waiting (at the default 20 calls a minute that adds calls / 20 minutes).

const ISSUES = Number(process.env.ZSC_BENCH_RECONCILE_ISSUES ?? '10000');
const CHANGED = Math.max(1, Math.round(ISSUES / 100));

export interface ReconcileResult {
  readonly issues: number;
  readonly changed: number;
  readonly zendeskCalls: number;
  readonly budget: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly healed: number;
  readonly failed: number;
}

/** Seeds the issues and tickets, syncs them once, changes 1%, then measures one sweep. */
export async function reconcileBench(log: (line: string) => void): Promise<ReconcileResult> {
  const fresh = await FreshDatabase.create('zsc_bench_reconcile');
  const fake = await FakeZendesk.start();
  const database = await openDatabase({ url: fresh.url, poolMax: 4 });
  try {
    await migrateToLatest(database.db);
    const repo = new PostgresIssueRepo(database.db);
    const tickets = new ZendeskTicketAdapter({
      apiUrl: fake.apiUrl,
      auth: { kind: 'token', email: fake.agentEmail, apiToken: fake.apiToken },
      ticketUrl: 'https://example.zendesk.com/agent/tickets',
      agentId: String(fake.agent.id),
    });
    const chat = new MemoryChat({ platform: 'slack', workspaceUrl: 'https://acme.slack.com' });
    const settings = botSettings({ supportChannel: 'C0SUPPORT', ticketAgentId: String(fake.agent.id) });
    const bot = new SupportBot({ chat, tickets, repo, clock: systemClock, logger: silentLogger, settings });
    log(`reconcile: seeding ${ISSUES} issues and tickets`);
    const ids: string[] = [];
    for (let n = 0; n < ISSUES; n += 1) {
      const ticketId = fake.createEmailTicket({
        subject: `bench ${n}`,
        body: 'help',
        requesterEmail: `u${n}@example.com`,
      });
      const { issue } = await repo.claimThread({
        platform: 'slack',
        channel: 'C0SUPPORT',
        threadId: `1700000000.${n}`,
        openedAt: new Date(),
      });
      await repo.attachTicket(issue.id, ticketId);
      const ticket = fake.ticket(ticketId);
      const updatedAt = new Date(ticket?.updated_at ?? Date.now());
      // As if every notice so far had been handled, a while ago.
      await repo.setCommentCursor(issue.id, String(fake.comments(ticketId).at(-1)?.id));
      await repo.applyTicketSync(issue.id, {
        ticketStatus: 'new',
        ticketUpdatedAt: updatedAt,
        syncedAt: new Date(updatedAt.getTime() + 120_000),
      });
      ids.push(ticketId);
    }
    // Zendesk stamps whole seconds: step past the second the seeds were stamped in.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const dana = fake.addAgent('Dana', 'dana@example.com');
    for (let n = 0; n < CHANGED; n += 1) {
      const ticketId = ids[Math.floor((n * ISSUES) / CHANGED)] ?? '1';
      if (n % 10 < 7) fake.addComment(ticketId, { body: `news ${n}`, authorId: dana.id });
      else fake.agentActions.setStatus(ticketId, 'solved', dana.id);
    }
    log(`reconcile: one sweep over ${ISSUES} issues, ${CHANGED} changed`);
    const pacer = new CallPacer({ perMinute: 1_000_000, clock: systemClock, sleep: async () => {} });
    const calls0 = fake.apiRequestCount();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const outcome = await bot.reconcile({ pacer, owner: 'bench' });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    if (outcome.outcome !== 'swept') throw new Error('the sweep was busy');
    return {
      issues: ISSUES,
      changed: outcome.record.changed,
      zendeskCalls: fake.apiRequestCount() - calls0,
      budget: Math.ceil(ISSUES / 100) + CHANGED,
      seconds: round(seconds, 2),
      cpuSeconds: round((cpu.user + cpu.system) / 1e6, 2),
      healed: outcome.record.healed,
      failed: outcome.record.failed,
    };
  } finally {
    await database.close();
    await fake.close();
    await fresh.drop();
  }
}

if (process.argv[1]?.endsWith('reconcile-sweep.ts')) {
  const print = (line: string) => process.stdout.write(`${line}\n`);
  print(JSON.stringify(await reconcileBench(print), null, 2));
}
