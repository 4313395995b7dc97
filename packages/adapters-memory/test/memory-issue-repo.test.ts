import { describe, expect, it } from 'vitest';
import { MemoryIssueRepo } from '../src/index.ts';

const at = new Date('2026-11-02T09:00:00.000Z');
const lease = { owner: 'run-a', until: new Date('2026-11-02T09:02:00.000Z') };
const thread = (threadId: string) => ({ platform: 'slack', channel: 'C1', threadId, openedAt: at });

describe('MemoryIssueRepo specifics', () => {
  it('numbers issues issue-1, issue-2...', async () => {
    const repo = new MemoryIssueRepo();
    const a = await repo.claimThread(thread('1'));
    const b = await repo.claimTicket({ platform: 'slack', channel: 'C1', ticketId: '9', openedAt: at });
    expect([a.issue.id, b.issue.id]).toEqual(['issue-1', 'issue-2']);
  });

  it('joins calls made on the repo itself inside a transaction, and rolls them back too', async () => {
    const repo = new MemoryIssueRepo();
    await expect(
      repo.transaction(async () => {
        await repo.claimThread(thread('1'));
        expect(await repo.countOpen()).toBe(1);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await repo.countOpen()).toBe(0);
  });

  it('makes outside callers wait for a running transaction (no dirty reads)', async () => {
    const repo = new MemoryIssueRepo();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let claimed!: () => void;
    const hasClaimed = new Promise<void>((resolve) => {
      claimed = resolve;
    });
    const tx = repo.transaction(async (inner) => {
      await inner.claimThread(thread('1'));
      claimed();
      await gate;
      throw new Error('rolled back');
    });
    await hasClaimed;
    const outside = repo.countOpen();
    release();
    await expect(tx).rejects.toThrow('rolled back');
    expect(await outside).toBe(0);
  });

  it('rolls a transaction back when an injected store fault hits inside it', async () => {
    const repo = new MemoryIssueRepo();
    repo.faults.failNext('unavailable', { method: 'beginDelivery' });
    await expect(
      repo.transaction(async (tx) => {
        const { issue } = await tx.claimThread(thread('1'));
        await tx.beginDelivery({ key: 'k', kind: 'ticket', issueId: issue.id, sourceId: null }, at, lease);
      }),
    ).rejects.toMatchObject({ reason: 'Unavailable', retryable: true });
    expect(await repo.findByThread(thread('1'))).toBeUndefined();
  });

  it('rejects unknown issues as NotFound and bad paging or report days as Invalid', async () => {
    const repo = new MemoryIssueRepo();
    await expect(repo.markResolved('issue-9', at)).rejects.toMatchObject({ reason: 'NotFound' });
    await expect(repo.attachTicket('issue-9', '1')).rejects.toMatchObject({ reason: 'NotFound' });
    await expect(repo.completeDelivery('nope', '1', 'run-a')).rejects.toMatchObject({ reason: 'NotFound' });
    await expect(repo.listIssues({ limit: -1, offset: 0 })).rejects.toMatchObject({ reason: 'Invalid' });
    await expect(repo.listReports(1.5)).rejects.toMatchObject({ reason: 'Invalid' });
    const report = {
      platform: 'slack',
      day: '2 Nov',
      periodStart: at,
      periodEnd: at,
      openCount: 0,
      resolvedCount: 0,
      postedAt: at,
    };
    await expect(repo.saveReport(report)).rejects.toMatchObject({ reason: 'Invalid' });
  });

  it('keeps the first target when a done delivery is completed again with another', async () => {
    const repo = new MemoryIssueRepo();
    await repo.beginDelivery({ key: 'k', kind: 'bot-message', issueId: null, sourceId: null }, at, lease);
    await repo.completeDelivery('k', 'first', 'run-a');
    await expect(repo.completeDelivery('k', 'second', 'run-a')).rejects.toMatchObject({ reason: 'Conflict' });
    expect((await repo.findDelivery('k'))?.targetId).toBe('first');
  });

  it('yields to the event loop inside every call, so no call completes synchronously', async () => {
    const repo = new MemoryIssueRepo();
    const order: string[] = [];
    const call = repo.countOpen().then(() => order.push('repo'));
    setImmediate(() => order.push('macrotask'));
    await call;
    expect(order).toEqual(['macrotask', 'repo']);
  });

  it('hands out copies: mutating a returned Date does not change the store', async () => {
    const repo = new MemoryIssueRepo();
    const { issue } = await repo.claimThread(thread('1'));
    issue.openedAt.setFullYear(1999);
    expect((await repo.findById(issue.id))?.openedAt).toEqual(at);
  });
});
