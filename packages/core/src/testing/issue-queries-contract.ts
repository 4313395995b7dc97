import { expect, it } from 'vitest';
import type { ReportRecord } from '../domain/notices.ts';
import type { IssueRepoHarness } from './harness.ts';
import { chatIssue, emailIssue } from './issue-claims-contract.ts';

function report(day: string, openCount: number, resolvedCount: number, platform = 'slack'): ReportRecord {
  const periodEnd = new Date(`${day}T00:00:00.000Z`);
  return {
    platform,
    day,
    periodStart: new Date(periodEnd.getTime() - 86_400_000),
    periodEnd,
    openCount,
    resolvedCount,
    postedAt: new Date(`${day}T09:00:00.000Z`),
  };
}

/** Resolution, cursors, listing, counting and report history of the IssueRepo contract. */
export function issueQueryTests(harness: () => IssueRepoHarness): void {
  const repo = () => harness().repo;

  it('marks an issue resolved once: the first resolution time is kept', async () => {
    const { issue } = await repo().claimThread(chatIssue('1700000000.000100'));
    const first = await repo().markResolved(issue.id, new Date('2026-11-02T10:00:00.000Z'));
    expect(first).toMatchObject({
      id: issue.id,
      status: 'resolved',
      resolvedAt: new Date('2026-11-02T10:00:00.000Z'),
    });
    const again = await repo().markResolved(issue.id, new Date('2026-11-03T10:00:00.000Z'));
    expect(again.resolvedAt).toEqual(new Date('2026-11-02T10:00:00.000Z'));
    expect((await repo().findById(issue.id))?.resolvedAt).toEqual(new Date('2026-11-02T10:00:00.000Z'));
  });

  it('records and moves the comment cursor', async () => {
    const { issue } = await repo().claimThread(chatIssue('1700000000.000100'));
    await repo().setCommentCursor(issue.id, '9001');
    expect((await repo().findById(issue.id))?.commentCursor).toBe('9001');
    await repo().setCommentCursor(issue.id, '9002');
    expect((await repo().findById(issue.id))?.commentCursor).toBe('9002');
  });

  it('counts open issues and resolutions in [from, to)', async () => {
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++)
      ids.push((await repo().claimThread(chatIssue(`1700000000.00010${i}`))).issue.id);
    const from = new Date('2026-11-01T00:00:00.000Z');
    const to = new Date('2026-11-02T00:00:00.000Z');
    await repo().markResolved(ids[0]!, new Date(from.getTime() - 1));
    await repo().markResolved(ids[1]!, from);
    await repo().markResolved(ids[2]!, new Date(to.getTime() - 1));
    await repo().markResolved(ids[3]!, to);
    expect(await repo().countOpen()).toBe(1);
    expect(await repo().countResolvedBetween(from, to)).toBe(2);
    expect(await repo().countResolvedBetween(to, new Date('2026-11-03T00:00:00.000Z'))).toBe(1);
  });

  it("lists the daily report's issues: open ones oldest first, resolutions in [from, to) earliest first, up to a limit", async () => {
    const opened = ['2026-11-03', '2026-11-01', '2026-11-02', '2026-11-04', '2026-11-05'];
    const ids: string[] = [];
    for (const [i, day] of opened.entries())
      ids.push(
        (await repo().claimThread(chatIssue(`1700000000.00020${i}`, `${day}T09:00:00.000Z`))).issue.id,
      );
    const from = new Date('2026-11-10T00:00:00.000Z');
    const to = new Date('2026-11-11T00:00:00.000Z');
    await repo().markResolved(ids[3]!, new Date('2026-11-10T15:00:00.000Z'));
    await repo().markResolved(ids[4]!, new Date('2026-11-10T08:00:00.000Z'));
    await repo().markResolved(ids[0]!, to);
    const open = await repo().listOpenOldestFirst(10);
    expect(open.map((issue) => issue.id)).toEqual([ids[1], ids[2]]);
    expect((await repo().listOpenOldestFirst(1)).map((issue) => issue.id)).toEqual([ids[1]]);
    const resolved = await repo().listResolvedBetween(from, to, 10);
    expect(resolved.map((issue) => issue.id)).toEqual([ids[4], ids[3]]);
    expect(resolved[0]?.resolvedAt).toEqual(new Date('2026-11-10T08:00:00.000Z'));
    expect((await repo().listResolvedBetween(from, to, 1)).map((issue) => issue.id)).toEqual([ids[4]]);
    expect(await repo().listOpenOldestFirst(0)).toEqual([]);
  });

  it('lists issues newest first, filtered by status and source, page by page', async () => {
    const opened = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'];
    const ids: string[] = [];
    for (const [i, day] of opened.entries()) {
      const claim =
        i % 2 === 0
          ? await repo().claimThread(chatIssue(`1700000000.00010${i}`, `${day}T09:00:00.000Z`))
          : await repo().claimTicket(emailIssue(`90${i}`, `${day}T09:00:00.000Z`));
      ids.push(claim.issue.id);
    }
    await repo().markResolved(ids[4]!, new Date('2026-11-06T09:00:00.000Z'));
    const newestFirst = [...ids].reverse();
    const list = async (query: Parameters<ReturnType<typeof repo>['listIssues']>[0]) =>
      (await repo().listIssues(query)).map((issue) => issue.id);
    expect(await list({ limit: 10, offset: 0 })).toEqual(newestFirst);
    const pages = [
      await list({ limit: 2, offset: 0 }),
      await list({ limit: 2, offset: 2 }),
      await list({ limit: 2, offset: 4 }),
    ];
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(newestFirst);
    expect(await list({ status: 'open', limit: 10, offset: 0 })).toEqual(newestFirst.slice(1));
    expect(await list({ status: 'resolved', limit: 10, offset: 0 })).toEqual([ids[4]]);
    expect(await list({ source: 'email', limit: 10, offset: 0 })).toEqual([ids[3], ids[1]]);
    expect(await list({ source: 'chat', status: 'open', limit: 1, offset: 1 })).toEqual([ids[0]]);
  });

  it('keeps report history: last, replace by day, newest first', async () => {
    expect(await repo().lastReport()).toBeUndefined();
    expect(await repo().listReports(10)).toEqual([]);
    await repo().saveReport(report('2026-11-01', 5, 1));
    await repo().saveReport(report('2026-11-03', 4, 2));
    await repo().saveReport(report('2026-11-02', 3, 3));
    expect(await repo().lastReport()).toEqual(report('2026-11-03', 4, 2));
    await repo().saveReport(report('2026-11-03', 7, 0));
    expect(await repo().lastReport()).toEqual(report('2026-11-03', 7, 0));
    expect((await repo().listReports(10)).map((r) => r.day)).toEqual([
      '2026-11-03',
      '2026-11-02',
      '2026-11-01',
    ]);
    expect(await repo().listReports(2)).toEqual([report('2026-11-03', 7, 0), report('2026-11-02', 3, 3)]);
  });

  it('keeps each chat platform its own report history and counts', async () => {
    await repo().saveReport(report('2026-11-03', 4, 2, 'slack'));
    await repo().saveReport(report('2026-11-03', 1, 0, 'teams'));
    expect(await repo().lastReport('slack')).toEqual(report('2026-11-03', 4, 2, 'slack'));
    expect(await repo().lastReport('teams')).toEqual(report('2026-11-03', 1, 0, 'teams'));
    expect(await repo().lastReport('other')).toBeUndefined();
    expect(await repo().listReports(10)).toHaveLength(2);
    await repo().claimThread({ ...chatIssue('1.1'), platform: 'teams' });
    await repo().claimThread(chatIssue('1.2'));
    await repo().claimThread(chatIssue('1.3'));
    expect(await repo().countOpen('teams')).toBe(1);
    expect(await repo().countOpen('slack')).toBe(2);
    expect(await repo().countOpen()).toBe(3);
    expect((await repo().listOpenOldestFirst(10, 'teams')).map((i) => i.threadId)).toEqual(['1.1']);
    expect(await repo().listOpenOldestFirst(10)).toHaveLength(3);
  });
}
