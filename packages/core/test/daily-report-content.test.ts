import { describe, expect, it } from 'vitest';
import { ageLabel } from '../src/use-cases/daily-report-content.ts';
import { botFixture, CHANNEL, openIssue, reply } from './support/bot-fixture.ts';

// The daily report's lists: open issues oldest first with age and links, then the period's
// resolutions with links, each cut at 20 with "and N more"; `text` says what the sections say.

describe('the daily report content', () => {
  it('lists open issues oldest first with their age and links, then the resolved ones', async () => {
    const f = botFixture();
    const at = (iso: string) => f.clock.set(new Date(iso));
    at('2026-06-10T09:00:00Z');
    const old = await openIssue(f, '1600000000.000001', 'Printer on fire');
    at('2026-06-15T06:00:00Z');
    const recent = await openIssue(f, '1600000000.000002', 'VPN is down');
    at('2026-06-15T07:00:00Z');
    const done = await openIssue(f, '1600000000.000003', 'Password reset');
    at('2026-06-15T08:00:00Z');
    await f.bot.handleChatMessage(reply(done.threadId, '1600000000.000004', 'resolve'));
    at('2026-06-16T08:00:00Z');
    await f.bot.postDailyReport();

    const [report] = f.chat.messagesIn(CHANNEL).filter((m) => m.text.startsWith('Daily report'));
    const [counts, open, resolved] = report?.sections ?? [];
    expect(counts?.text).toBe('Daily report: 2 open issues; 1 issue resolved on 2026-06-15.');
    expect(open?.title).toBe('Open issues, oldest first');
    expect(open?.items?.map((item) => [item.detail, item.links.map((link) => link.label)])).toEqual([
      ['5d', ['thread', 'ticket']],
      ['26h', ['thread', 'ticket']],
    ]);
    const oldThread = await f.chat.permalink(CHANNEL, old.threadId);
    expect(open?.items?.[0]?.links[0]?.url).toBe(oldThread);
    expect(open?.items?.[0]?.links[1]?.url).toMatch(/^https:\/\/acme\.zendesk\.com\/agent\/tickets\/\d+$/);
    expect(open?.items?.[1]?.links[0]?.url).toBe(await f.chat.permalink(CHANNEL, recent.threadId));
    expect(resolved?.title).toBe('Resolved on 2026-06-15');
    expect(resolved?.items).toHaveLength(1);
    expect(resolved?.items?.[0]?.links[0]?.url).toBe(await f.chat.permalink(CHANNEL, done.threadId));
    // The plain-text fallback says the same, in the same order.
    expect(report?.text).toContain(`• ${open?.items?.[0]?.text} (5d) thread: ${oldThread} ticket: `);
    expect(report?.text.indexOf('Open issues, oldest first:')).toBeLessThan(
      report?.text.indexOf('Resolved on 2026-06-15:') ?? 0,
    );
  });

  it('lists at most 20 of each and says how many more, with thousands of issues', async () => {
    const f = botFixture();
    const start = new Date('2026-06-01T00:00:00Z').getTime();
    for (let i = 0; i < 3000; i += 1) {
      const { issue } = await f.repo.claimThread({
        platform: 'slack',
        channel: CHANNEL,
        threadId: `1600000000.${String(i).padStart(6, '0')}`,
        openedAt: new Date(start + i * 60_000),
      });
      if (i % 3 === 0) await f.repo.markResolved(issue.id, new Date('2026-06-15T12:00:00Z'));
    }
    f.clock.set(new Date('2026-06-16T08:00:00Z'));
    expect(await f.bot.postDailyReport()).toMatchObject({ openCount: 2000, resolvedCount: 1000 });
    const [report] = f.chat.messagesIn(CHANNEL).filter((m) => m.text.startsWith('Daily report'));
    const [, open, resolved] = report?.sections ?? [];
    expect(open?.items).toHaveLength(20);
    expect(open?.more).toBe(1980);
    expect(open?.items?.[0]?.detail).toBe('15d');
    expect(resolved?.items).toHaveLength(20);
    expect(resolved?.more).toBe(980);
    expect(report?.text).toContain('and 1980 more');
    expect(report?.text).toContain('and 980 more');
    expect(f.chat.messagesIn(CHANNEL).filter((m) => m.text.startsWith('Daily report'))).toHaveLength(1);
  });

  it.each([
    ['2026-06-16T07:15:00Z', '45m'],
    ['2026-06-16T05:00:00Z', '3h'],
    ['2026-06-14T09:00:00Z', '47h'],
    ['2026-06-13T08:00:00Z', '3d'],
  ])('an issue opened at %s is %s old at 08:00', (opened, label) => {
    expect(ageLabel(new Date(opened), new Date('2026-06-16T08:00:00Z'))).toBe(label);
  });
});
