import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotFixture } from '../support/bot-fixture.ts';
import { concurrently } from '../support/concurrently.ts';
import { freePort } from '../support/free-port.ts';
import { queueCounts } from '../support/job-queue-probe.ts';
import { ServerProcess } from '../support/server-process.ts';
import { deliverOnce } from '../support/slack-deliveries.ts';
import { waitFor } from '../support/wait-for.ts';
import { buildWorkload, EXACTLY_ONCE, exactOnceReport, type Workload } from '../support/workload.ts';

const TOPS = 40;
const REPLIES = 20;
const OCCURRENCES = 2;

// Two web and two worker processes on one Postgres, with the daily report scheduled every minute
// (every process registers the schedule) while a burst comes in: each Slack event is delivered
// to both web processes at once, as a retry reaching the other instance behind a load balancer
// would. One report job per cron occurrence, run once; one report posted per day; the
// reconciliation sweep (also every minute) never runs twice at once; every request and reply has
// one effect.
describe('two web and two worker processes on one database', () => {
  let bot: BotFixture;
  let workload: Workload;
  const others: ServerProcess[] = [];
  beforeAll(async () => {
    bot = await BotFixture.start({
      name: 'chaos_two_each',
      args: ['--role', 'web'],
      // Sweeps every minute at a pace that lets one finish well within it.
      env: { REPORT_CRON: '* * * * *', RECONCILE_CRON: '* * * * *', ZENDESK_RATE_LIMIT_PER_MINUTE: '100000' },
    });
    const start = async (role: string) => {
      const env = { ...bot.server.options.env, PORT: String(await freePort()) };
      others.push(await ServerProcess.start({ env, args: ['--role', role] }));
    };
    await start('web');
    await start('worker');
    await start('worker');
    workload = buildWorkload(bot, 'twoeach', TOPS, REPLIES);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(others.map((server) => server.stop()));
    await bot?.close();
  });

  it('runs one report per cron occurrence, one sweep at a time, and each side effect once under a burst', {
    timeout: 300_000,
  }, async () => {
    const webs = [bot.server, others[0] as ServerProcess];
    const both = async (delivery: Workload['tops'][number]) =>
      Promise.all(
        webs.map((web, i) =>
          deliverOnce(
            { url: web.url, signingSecret: bot.secrets.signingSecret },
            delivery,
            i === 0 ? undefined : i,
          ),
        ),
      );
    const statuses = [
      ...(await concurrently(workload.tops, 8, both)),
      ...(await concurrently(workload.replies, 8, both)),
    ].flat();
    expect(statuses.filter((status) => status !== 200)).toEqual([]);

    // Every process's schedule files a due occurrence in pg-boss's send-it queue under the
    // occurrence's minute (its singleton slot), which then sends the report job.
    const occurrences = () =>
      bot.database.query<{ slot: string; sends: string }>(
        `select singleton_on::text as slot, count(*) as sends from pgboss.job
          where name = '__pgboss__send-it' and singleton_key like 'daily-report%'
          group by singleton_on order by singleton_on`,
      );
    const reportJobs = () =>
      bot.database.query<{ state: string }>(`select state::text from pgboss.job where name = 'daily-report'`);
    await waitFor(
      async () =>
        (await reportJobs()).filter((job) => job.state === 'completed').length >= OCCURRENCES &&
        (
          await bot.database.query(
            `select 1 from pgboss.job where name = 'reconcile' and state = 'completed'`,
          )
        ).length > 0,
      { timeoutMs: 240_000, intervalMs: 1000, what: `${OCCURRENCES} report occurrences and a sweep to run` },
    );
    // Not bot.settle(): the schedules keep filing jobs every minute, so the queue is never idle long.
    await waitFor(() => exactOnceReport(bot, workload).missingComments === 0, {
      timeoutMs: 60_000,
      what: 'every reply to reach Zendesk',
    });
    // Stopped, so no further occurrence lands between the reads below.
    await Promise.all([bot.server, ...others].map((server) => server.stop()));

    const filed = await occurrences();
    expect(filed.length).toBeGreaterThanOrEqual(OCCURRENCES);
    expect(filed.filter((row) => row.sends !== '1')).toEqual([]);
    const jobs = await reportJobs();
    // One report job per occurrence (a late pass may have filed the next one; it runs as well).
    expect(jobs).toHaveLength(filed.length);
    const { slack } = bot.vendors;
    expect(slack.messages.filter((m) => m.text.startsWith('Daily report'))).toHaveLength(1);
    // Every report job ran once, in one of the workers, never in a web process.
    const reportRuns = (server: ServerProcess) =>
      server.logs.filter((line) => line.text.includes('job done') && line.text.includes('daily-report'))
        .length;
    const workerRuns = others.slice(1).reduce((sum, worker) => sum + reportRuns(worker), 0);
    expect(workerRuns).toBe(jobs.filter((job) => job.state === 'completed').length);
    expect(webs.map(reportRuns)).toEqual([0, 0]);

    // Sweeps ran, never two at once: neither the sweep jobs pg-boss ran nor the sweeps recorded overlap.
    const sweepJobs = await bot.database.query<{ n: string }>(
      `select count(*) as n from pgboss.job where name = 'reconcile' and state = 'completed'`,
    );
    expect(Number(sweepJobs[0]?.n)).toBeGreaterThan(0);
    const overlappingJobs = await bot.database.query<{ n: string }>(
      `select count(*) as n from pgboss.job a join pgboss.job b on a.id < b.id
        where a.name = 'reconcile' and b.name = 'reconcile' and a.started_on is not null and b.started_on is not null
          and a.started_on < coalesce(b.completed_on, now()) and b.started_on < coalesce(a.completed_on, now())`,
    );
    expect(overlappingJobs[0]?.n).toBe('0');
    const overlappingSweeps = await bot.database.query<{ n: string }>(
      `select count(*) as n from sweeps a join sweeps b on a.seq < b.seq
        where a.started_at < b.finished_at and b.started_at < a.finished_at`,
    );
    expect(overlappingSweeps[0]?.n).toBe('0');

    expect(exactOnceReport(bot, workload)).toEqual(EXACTLY_ONCE);
    expect(bot.vendors.zendesk.tickets).toHaveLength(TOPS);
    expect(await queueCounts(bot.database)).toMatchObject({ deadLetters: 0, failed: 0 });
  });
});
