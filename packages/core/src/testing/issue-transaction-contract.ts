import { expect, it } from 'vitest';
import { isIntegrationError } from '../errors.ts';
import type { IssueRepoHarness } from './harness.ts';
import { chatIssue } from './issue-claims-contract.ts';

const AT = new Date('2026-11-02T09:00:00.000Z');
const LEASE = { owner: 'run-tx', until: new Date('2026-11-02T09:02:00.000Z') };

async function retrying<T>(work: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isIntegrationError(error) || !error.retryable) throw error;
    }
  }
}

/** Transactions of the IssueRepo contract: all writes commit together or not at all. */
export function issueTransactionTests(harness: () => IssueRepoHarness): void {
  const repo = () => harness().repo;
  const thread = chatIssue('1700000000.000100');
  const delivery = { key: 'ticket:tx', kind: 'ticket', issueId: null, sourceId: null } as const;

  it('commits every write of a transaction and returns its result', async () => {
    const result = await repo().transaction(async (tx) => {
      const { issue } = await tx.claimThread(thread);
      await tx.beginDelivery({ ...delivery, issueId: issue.id }, AT, LEASE);
      await tx.recordInboundEvent('slack', 'EvTx', AT);
      return issue.id;
    });
    expect((await repo().findByThread(thread))?.id).toBe(result);
    expect((await repo().findDelivery(delivery.key))?.issueId).toBe(result);
    expect(await repo().recordInboundEvent('slack', 'EvTx', AT)).toBe(false);
  });

  it('rolls every write back when the work throws, and rethrows', async () => {
    const { issue: kept } = await repo().claimThread(chatIssue('1700000000.000999'));
    const failure = new Error('work failed');
    await expect(
      repo().transaction(async (tx) => {
        const { issue } = await tx.claimThread(thread);
        await tx.beginDelivery({ ...delivery, issueId: issue.id }, AT, LEASE);
        await tx.recordInboundEvent('slack', 'EvRollback', AT);
        await tx.markResolved(kept.id, AT);
        await tx.saveReport({
          platform: 'slack',
          day: '2026-11-02',
          periodStart: AT,
          periodEnd: AT,
          openCount: 1,
          resolvedCount: 0,
          postedAt: AT,
        });
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await repo().findByThread(thread)).toBeUndefined();
    expect(await repo().findDelivery(delivery.key)).toBeUndefined();
    expect(await repo().recordInboundEvent('slack', 'EvRollback', AT)).toBe(true);
    expect((await repo().findById(kept.id))?.status).toBe('open');
    expect(await repo().lastReport()).toBeUndefined();
    expect((await repo().claimThread(thread)).created).toBe(true);
  });

  it('joins nested transactions to the outer one: the outer failure undoes inner writes', async () => {
    await expect(
      repo().transaction(async (outer) => {
        const inner = await outer.transaction(async (tx) => (await tx.claimThread(thread)).issue.id);
        expect((await outer.findById(inner))?.threadId).toBe(thread.threadId);
        throw new Error('outer failed');
      }),
    ).rejects.toThrow('outer failed');
    expect(await repo().findByThread(thread)).toBeUndefined();
  });

  it('commits nested transactions with the outer one', async () => {
    await repo().transaction(async (outer) => {
      await outer.transaction(async (tx) => {
        await tx.claimThread(thread);
      });
      await outer.recordInboundEvent('slack', 'EvNested', AT);
    });
    expect(await repo().findByThread(thread)).toBeDefined();
    expect(await repo().recordInboundEvent('slack', 'EvNested', AT)).toBe(false);
  });

  // Retryable failures (e.g. serialization) are retried here as the job layer would.
  it("keeps concurrent transactions from losing each other's writes", async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        retrying(() =>
          repo().transaction(async (tx) => {
            const { issue } = await tx.claimThread(chatIssue(`1700000001.00010${i}`));
            await tx.beginDelivery({ ...delivery, key: `ticket:${i}`, issueId: issue.id }, AT, LEASE);
          }),
        ),
      ),
    );
    expect(await repo().countOpen()).toBe(10);
    for (let i = 0; i < 10; i++) expect(await repo().findDelivery(`ticket:${i}`)).toBeDefined();
  });
}
