import { expect, it } from 'vitest';
import type { SweepRecord } from '../domain/sweep.ts';
import type { TicketSync } from '../ports/issue-repo.ts';
import { expectIntegrationError } from './contract-helpers.ts';
import type { IssueRepoHarness } from './harness.ts';
import { chatIssue } from './issue-claims-contract.ts';

const T0 = new Date('2026-11-02T09:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function sync(
  status: TicketSync['ticketStatus'],
  updatedMinute: number,
  resolvedAt?: Date | null,
): TicketSync {
  return {
    ticketStatus: status,
    ticketUpdatedAt: at(updatedMinute),
    syncedAt: at(updatedMinute + 1),
    ...(resolvedAt === undefined ? {} : { resolvedAt }),
  };
}

/** Ticket syncs, re-pointing, the sweep's listing, leases and sweep records of the IssueRepo contract. */
export function issueLifecycleTests(harness: () => IssueRepoHarness): void {
  const repo = () => harness().repo;
  const withTicket = async (threadId: string, ticketId: string) => {
    const { issue } = await repo().claimThread(chatIssue(threadId));
    return repo().attachTicket(issue.id, ticketId);
  };

  it('records a sync, resolves at the given time, keeps the first resolution, and reopens', async () => {
    const issue = await withTicket('1.1', '501');
    const first = await repo().applyTicketSync(issue.id, sync('solved', 5, at(4)));
    expect(first.applied).toBe(true);
    expect(first.issue).toMatchObject({
      status: 'resolved',
      resolvedAt: at(4),
      ticketStatus: 'solved',
      ticketUpdatedAt: at(5),
      syncedAt: at(6),
    });
    const later = await repo().applyTicketSync(issue.id, sync('closed', 9, at(8)));
    expect(later.issue).toMatchObject({ status: 'resolved', resolvedAt: at(4), ticketStatus: 'closed' });
    const reopened = await repo().applyTicketSync(issue.id, sync('open', 12, null));
    expect(reopened.issue).toMatchObject({ status: 'open', resolvedAt: null, ticketStatus: 'open' });
    expect(await repo().findById(issue.id)).toEqual(reopened.issue);
    expect(await repo().countOpen()).toBe(1);
  });

  it('refuses a sync older than the one applied, and accepts the same one again', async () => {
    const issue = await withTicket('1.2', '502');
    await repo().applyTicketSync(issue.id, sync('open', 10));
    const stale = await repo().applyTicketSync(issue.id, sync('solved', 5, at(5)));
    expect(stale.applied).toBe(false);
    expect(stale.issue).toMatchObject({ status: 'open', ticketStatus: 'open', ticketUpdatedAt: at(10) });
    expect((await repo().applyTicketSync(issue.id, sync('open', 10))).applied).toBe(true);
  });

  it('ends two overlapping syncs on the newer reading, whatever their order', async () => {
    const issue = await withTicket('1.3', '503');
    await Promise.all([
      repo().applyTicketSync(issue.id, sync('solved', 20, at(20))),
      repo().applyTicketSync(issue.id, sync('open', 10, null)),
    ]);
    expect(await repo().findById(issue.id)).toMatchObject({ status: 'resolved', ticketStatus: 'solved' });
  });

  it('re-points an issue at another ticket: open again, cursor set, sync forgotten; idempotent', async () => {
    const issue = await withTicket('1.4', '504');
    await repo().setCommentCursor(issue.id, '77');
    await repo().applyTicketSync(issue.id, sync('closed', 3, at(3)));
    const moved = await repo().repointTicket(issue.id, '604', '900');
    expect(moved).toMatchObject({ ticketId: '604', status: 'open', resolvedAt: null, commentCursor: '900' });
    expect(moved.ticketStatus).toBeUndefined();
    expect(moved.ticketUpdatedAt).toBeUndefined();
    await repo().setCommentCursor(issue.id, '901');
    expect((await repo().repointTicket(issue.id, '604', '900')).commentCursor).toBe('901');
    expect((await repo().findByTicket('604'))?.id).toBe(issue.id);
    expect(await repo().findByTicket('504')).toBeUndefined();
  });

  it('refuses to re-point at a ticket another issue has', async () => {
    const a = await withTicket('1.5', '505');
    await withTicket('1.6', '605');
    await expectIntegrationError(repo().repointTicket(a.id, '605', null), 'Conflict');
    expect((await repo().findById(a.id))?.ticketId).toBe('505');
  });

  it('lists syncable issues by id in pages: open ones, and resolved ones whose ticket may still change', async () => {
    const open = await withTicket('2.1', '701');
    const solved = await withTicket('2.2', '702');
    const closed = await withTicket('2.3', '703');
    const deleted = await withTicket('2.4', '704');
    await repo().claimThread(chatIssue('2.5')); // no ticket yet
    await repo().applyTicketSync(solved.id, sync('solved', 1, at(1)));
    await repo().applyTicketSync(closed.id, sync('closed', 1, at(1)));
    await repo().applyTicketSync(deleted.id, sync('deleted', 1, at(1)));
    const all = await repo().listSyncable(null, 10);
    expect(all.map((i) => i.id).sort()).toEqual([open.id, solved.id].sort());
    const [first] = await repo().listSyncable(null, 1);
    const rest = await repo().listSyncable(first?.id ?? null, 10);
    expect([first, ...rest].map((i) => i?.id)).toEqual(all.map((i) => i.id));
    expect(rest).toHaveLength(1);
  });

  it('gives a lease to one owner at a time, until it expires or is released', async () => {
    const leases = await Promise.all(
      Array.from({ length: 20 }, (_, n) => repo().acquireLease('sweep', `owner-${n}`, at(0), at(10))),
    );
    expect(leases.filter(Boolean)).toHaveLength(1);
    const owner = `owner-${leases.indexOf(true)}`;
    expect(await repo().acquireLease('sweep', owner, at(1), at(11))).toBe(true);
    expect(await repo().acquireLease('sweep', 'late', at(5), at(15))).toBe(false);
    expect(await repo().acquireLease('sweep', 'late', at(12), at(20))).toBe(true);
    await repo().releaseLease('sweep', owner);
    expect(await repo().acquireLease('sweep', 'third', at(13), at(20))).toBe(false);
    await repo().releaseLease('sweep', 'late');
    expect(await repo().acquireLease('sweep', 'third', at(13), at(20))).toBe(true);
    expect(await repo().acquireLease('other', 'late', at(13), at(20))).toBe(true);
  });

  it('keeps sweep records, newest first', async () => {
    const record = (minute: number): SweepRecord => ({
      startedAt: at(minute),
      finishedAt: at(minute + 1),
      checked: 100 + minute,
      changed: 3,
      healed: 2,
      failed: 1,
      calls: 5,
    });
    await repo().saveSweep(record(0));
    await repo().saveSweep(record(10));
    await repo().saveSweep(record(20));
    expect(await repo().listSweeps(2)).toEqual([record(20), record(10)]);
  });
}
