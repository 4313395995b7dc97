import { describe, expect, it } from 'vitest';
import { botFixture, CHANNEL, type Fixture, openIssue, reply } from './support/bot-fixture.ts';

let nextMessage = 0;

/** Opens an issue at `openedAt` and, when given, resolves it from chat at `resolvedAt`. */
async function issueAt(f: Fixture, openedAt: string, resolvedAt?: string) {
  nextMessage += 1;
  f.clock.set(new Date(openedAt));
  const { threadId } = await openIssue(f, `1600000000.${String(nextMessage).padStart(6, '0')}`);
  if (resolvedAt === undefined) return;
  f.clock.set(new Date(resolvedAt));
  await f.bot.handleChatMessage(reply(threadId, `${threadId}1`, 'resolve'));
}

async function reportAt(f: Fixture, at: string) {
  f.clock.set(new Date(at));
  return f.bot.postDailyReport();
}

const reports = (f: Fixture) => f.chat.messagesIn(CHANNEL).filter((m) => m.text.startsWith('Daily report'));

describe('the daily report', () => {
  it('counts open issues and the issues resolved the previous day, posted top level once a day', async () => {
    const f = botFixture();
    await issueAt(f, '2026-06-14T09:00:00Z', '2026-06-14T18:00:00Z');
    await issueAt(f, '2026-06-15T09:00:00Z', '2026-06-15T10:00:00Z');
    await issueAt(f, '2026-06-15T11:00:00Z');
    await issueAt(f, '2026-06-16T07:00:00Z', '2026-06-16T07:30:00Z');

    const outcome = await reportAt(f, '2026-06-16T08:00:00Z');
    expect(outcome).toMatchObject({
      outcome: 'report-posted',
      day: '2026-06-16',
      openCount: 1,
      resolvedCount: 1,
    });
    expect(reports(f).map((m) => m.text.split('\n')[0])).toEqual([
      'Daily report: 1 open issue; 1 issue resolved on 2026-06-15.',
    ]);
    expect(await f.repo.lastReport()).toMatchObject({ day: '2026-06-16', openCount: 1, resolvedCount: 1 });

    expect(await reportAt(f, '2026-06-16T17:00:00Z')).toEqual({
      outcome: 'ignored',
      reason: 'already-posted',
    });
    expect(reports(f)).toHaveLength(1);
  });

  it.each([
    ['UTC', '2026-06-16T12:00:00Z', 1],
    ['America/New_York', '2026-06-16T12:00:00Z', 1],
    ['Europe/London', '2026-06-16T12:00:00Z', 0],
    ['Europe/London', '2026-06-17T08:00:00Z', 1],
  ])(
    'in %s, an issue resolved at 23:30 UTC counts for its local day (report at %s)',
    async (zone, at, count) => {
      const f = botFixture({ settings: { reportTimeZone: zone } });
      await issueAt(f, '2026-06-15T20:00:00Z', '2026-06-15T23:30:00Z');
      expect(await reportAt(f, at)).toMatchObject({ resolvedCount: count });
    },
  );

  it('on a Monday after skipped weekend reports, counts every day since the last report', async () => {
    const f = botFixture({ settings: { reportTimeZone: 'Europe/London' } });
    await reportAt(f, '2026-06-19T07:00:00Z'); // Friday 08:00 local
    await issueAt(f, '2026-06-19T08:00:00Z', '2026-06-19T13:00:00Z'); // Friday
    await issueAt(f, '2026-06-20T08:00:00Z', '2026-06-20T09:00:00Z'); // Saturday
    await issueAt(f, '2026-06-21T08:00:00Z', '2026-06-21T22:30:00Z'); // Sunday 23:30 local
    await issueAt(f, '2026-06-21T23:10:00Z', '2026-06-21T23:20:00Z'); // Monday 00:20 local

    const outcome = await reportAt(f, '2026-06-22T07:00:00Z');
    expect(outcome).toMatchObject({
      resolvedCount: 3,
      periodStart: new Date('2026-06-18T23:00:00Z'),
      periodEnd: new Date('2026-06-21T23:00:00Z'),
    });
    expect(reports(f).at(-1)?.text.split('\n')[0]).toBe(
      'Daily report: 0 open issues; 3 issues resolved from 2026-06-19 to 2026-06-21.',
    );
  });

  it('looks back at most seven days after a long gap', async () => {
    const f = botFixture();
    await reportAt(f, '2026-05-01T08:00:00Z');
    const outcome = await reportAt(f, '2026-06-16T08:00:00Z');
    expect(outcome).toMatchObject({ periodStart: new Date('2026-06-09T00:00:00Z') });
    expect(reports(f).at(-1)?.text).toContain('from 2026-06-09 to 2026-06-15');
  });

  it.each([
    ['the post', 'chat', 'postMessage'],
    ['saving the report', 'repo', 'saveReport'],
  ] as const)('posts once when %s fails and the run is repeated', async (_label, port, method) => {
    const f = botFixture();
    await issueAt(f, '2026-06-15T09:00:00Z', '2026-06-15T10:00:00Z');
    (port === 'chat' ? f.chat.faults : f.repo.faults).failNext('unavailable', { method });
    await expect(reportAt(f, '2026-06-16T08:00:00Z')).rejects.toMatchObject({ retryable: true });
    expect(await reportAt(f, '2026-06-16T08:05:00Z')).toMatchObject({
      outcome: 'report-posted',
      resolvedCount: 1,
    });
    expect(reports(f)).toHaveLength(1);
    expect(await f.repo.listReports(10)).toHaveLength(1);
  });
});
