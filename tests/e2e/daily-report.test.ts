import { openDatabase, PostgresIssueRepo } from '@zenslackchat/adapters-postgres';
import { messages } from '@zenslackchat/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotFixture } from '../support/bot-fixture.ts';
import { runCli } from '../support/run-cli.ts';
import { SUPPORT_CHANNEL } from '../support/test-env.ts';

const TIME_ZONE = 'Pacific/Auckland';
const HOUR = 3_600_000;

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

// The daily report on a seeded database: open issues now, and issues resolved on the previous
// calendar day in REPORT_TIMEZONE (not UTC), posted once per day by `pnpm zenslackchat report`.
describe('the daily report', () => {
  let bot: BotFixture;
  beforeAll(async () => {
    bot = await BotFixture.start({ name: 'e2e_report', env: { REPORT_TIMEZONE: TIME_ZONE } });
    const database = await openDatabase({ url: bot.database.url });
    try {
      const repo = new PostgresIssueRepo(database.db);
      const now = new Date();
      const issue = async (n: number, resolvedAt?: Date) => {
        const { issue: claimed } = await repo.claimThread({
          platform: 'slack',
          channel: SUPPORT_CHANNEL,
          threadId: `1700000000.${String(n).padStart(6, '0')}`,
          openedAt: new Date(now.getTime() - 96 * HOUR),
        });
        if (resolvedAt !== undefined) await repo.markResolved(claimed.id, resolvedAt);
      };
      for (const n of [1, 2, 3]) await issue(n);
      await issue(4, new Date(now.getTime() - 24 * HOUR));
      await issue(5, new Date(now.getTime() - 24 * HOUR));
      await issue(6, new Date(now.getTime() - 72 * HOUR));
      await issue(7, now);
    } finally {
      await database.close();
    }
  });
  afterAll(async () => {
    await bot?.close();
  });

  it('posts the open count and the previous local day’s resolutions, once per day', async () => {
    const { slack } = bot.vendors;
    const yesterday = localDay(new Date(Date.now() - 24 * HOUR), TIME_ZONE);
    const expected = messages.dailyReport(3, 2, messages.reportPeriodLabel(yesterday, yesterday));
    const first = await runCli(['report'], bot.server.options.env);
    expect(first.stdout).toContain('report-posted');
    const posted = slack.messages.filter((m) => m.text.startsWith('Daily report'));
    expect(
      posted.map((m) => ({ channel: m.channel, text: m.text.split('\n')[0], thread: m.threadTs })),
    ).toEqual([{ channel: SUPPORT_CHANNEL, text: expected, thread: undefined }]);
    await runCli(['report'], bot.server.options.env);
    expect(slack.messages.filter((m) => m.text.startsWith('Daily report'))).toHaveLength(1);
  });
});
