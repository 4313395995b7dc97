import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { round } from '../tests/bench-kit/load.ts';
import { PostWatcher } from '../tests/bench-kit/post-watcher.ts';
import { ALICE, BotFixture } from '../tests/support/bot-fixture.ts';
import { concurrently } from '../tests/support/concurrently.ts';
import { raiseIssue } from '../tests/support/issue-steps.ts';
import { deliverOnce } from '../tests/support/slack-deliveries.ts';
import { waitFor } from '../tests/support/wait-for.ts';
import { buildWorkload } from '../tests/support/workload.ts';
import { postZendeskWebhook } from '../tests/support/zendesk-requests.ts';

// 8. Work per unit: the database statements (the bot's own, pg-boss's, transaction control),
// and the vendor calls the bot makes per new issue and per forwarded Zendesk comment. Statements
// are counted inside the server process (tests/bench-kit/count-statements.ts, loaded with
// --import); pg-boss's polling while idle is measured first and taken off.

const ISSUES = 40;
const COMMENTS = 20;

interface Counts {
  readonly app: number;
  readonly pgBoss: number;
  readonly transaction: number;
  readonly byText?: Readonly<Record<string, number>>;
}

/** The statements that ran most during a measurement, per sample, most frequent first. */
function topStatements(before: Counts, after: Counts, samples: number, limit = 14): string[] {
  const rows = Object.entries(after.byText ?? {})
    .map(([text, n]) => [text, (n - (before.byText?.[text] ?? 0)) / samples] as const)
    .filter(([, n]) => n >= 0.05)
    .sort((a, b) => b[1] - a[1]);
  return rows.slice(0, limit).map(([text, n]) => `${round(n, 2).toString().padStart(5)}  ${text}`);
}
export interface UnitCounts {
  readonly unit: string;
  readonly samples: number;
  readonly appStatements: number;
  readonly pgBossRoundTrips: number;
  readonly transactionControl: number;
  readonly slackCalls: number;
  readonly zendeskCalls: number;
  readonly pagerDutyCalls: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts the work of a new issue and of a forwarded comment. */
export async function countsBench(log: (line: string) => void): Promise<UnitCounts[]> {
  const file = join(tmpdir(), `zsc-counts-${randomBytes(4).toString('hex')}.json`);
  const preload = new URL('../tests/bench-kit/count-statements.ts', import.meta.url).pathname;
  const bot = await BotFixture.start({
    name: 'bench_counts',
    env: { ZSC_COUNT_FILE: file, RECONCILE_CRON: '0 0 1 1 *' },
    nodeArgs: ['--import', preload],
  });
  const { slack, zendesk, pagerDuty } = bot.vendors;
  const read = async (): Promise<Counts> => {
    await sleep(300);
    return JSON.parse(
      await readFile(file, 'utf8').catch(() => '{"app":0,"pgBoss":0,"transaction":0,"byText":{}}'),
    );
  };
  const vendors = () => ({
    slack: slack.calls.length,
    zendesk: zendesk.apiRequestCount(),
    pagerDuty: pagerDuty.requests.length,
  });
  // Runs `work`, returning its counts per sample with the idle rate taken off.
  const measure = async (unit: string, samples: number, idlePerMs: Counts, work: () => Promise<void>) => {
    const c0 = await read();
    const v0 = vendors();
    const t0 = performance.now();
    await work();
    await bot.settle();
    const c1 = await read();
    const v1 = vendors();
    const ms = performance.now() - t0;
    log(`counts: statements per ${unit} (idle polling included):`);
    for (const line of topStatements(c0, c1, samples)) log(`  ${line}`);
    const per = (key: 'app' | 'pgBoss' | 'transaction') =>
      round(Math.max(0, c1[key] - c0[key] - idlePerMs[key] * ms) / samples);
    return {
      unit,
      samples,
      appStatements: per('app'),
      pgBossRoundTrips: per('pgBoss'),
      transactionControl: per('transaction'),
      slackCalls: round((v1.slack - v0.slack) / samples),
      zendeskCalls: round((v1.zendesk - v0.zendesk) / samples),
      pagerDutyCalls: round((v1.pagerDuty - v0.pagerDuty) / samples),
    };
  };
  try {
    // Warm up (the bot's identity, users, token look-ups), then measure the idle rate.
    await raiseIssue(bot, ALICE.id, 'warm-up request');
    await bot.settle();
    const i0 = await read();
    const idleStart = performance.now();
    await sleep(6000);
    const i1 = await read();
    const idleMs = performance.now() - idleStart;
    const idle: Counts = {
      app: (i1.app - i0.app) / idleMs,
      pgBoss: (i1.pgBoss - i0.pgBoss) / idleMs,
      transaction: (i1.transaction - i0.transaction) / idleMs,
    };
    log(`counts: idle ${round(idle.pgBoss * 1000, 2)} pg-boss round trips/s taken off`);

    log(`counts: ${ISSUES} new issues`);
    const workload = buildWorkload(bot, 'counts', ISSUES, 0);
    const target = { url: bot.url, signingSecret: bot.secrets.signingSecret };
    const watcher = new PostWatcher(slack);
    const issues = await measure('new issue', ISSUES, idle, async () => {
      await concurrently(workload.tops, 8, (d) => deliverOnce(target, d));
      await watcher.allDone(workload.tops.map((d) => String(d.event.ts)));
    });
    watcher.stop();

    log(`counts: ${COMMENTS} forwarded Zendesk comments`);
    const issue = await raiseIssue(bot, ALICE.id, 'a ticket the agents answer');
    await bot.settle();
    const ticket = zendesk.ticket(issue.ticketId);
    const comments = await measure('forwarded comment', COMMENTS, idle, async () => {
      for (let i = 0; i < COMMENTS; i += 1) {
        const text = `answer ${i}`;
        zendesk.addComment(issue.ticketId, { body: text, authorName: 'Agent Smith' });
        const body = {
          token: bot.secrets.webhookToken,
          chat_id: ticket?.external_id ?? '',
          ticket_id: String(issue.ticketId),
        };
        await postZendeskWebhook(bot.url, 'comment', body, bot.secrets.webhookSecret);
        await waitFor(() => slack.messages.some((m) => m.threadTs === issue.ts && m.text.endsWith(text)), {
          intervalMs: 5,
          what: 'the forwarded comment',
        });
      }
    });
    return [issues, comments];
  } finally {
    await bot.close();
    await rm(file, { force: true });
  }
}
