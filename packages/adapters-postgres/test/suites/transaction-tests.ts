import { type IssueRepo, isIntegrationError } from '@zenslackchat/core';
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { PostgresIssueRepo, withTransaction } from '../../src/index.ts';
import type { TestDatabase } from '../test-database.ts';

const thread = {
  platform: 'slack',
  channel: 'C1',
  threadId: '1.1',
  openedAt: new Date('2026-01-01T00:00:00Z'),
};

async function writeEverything(repo: IssueRepo): Promise<string> {
  const { issue } = await repo.claimThread(thread);
  const now = new Date();
  const lease = { owner: 'run-tx', until: new Date(now.getTime() + 120_000) };
  await repo.beginDelivery({ key: 'k', kind: 'ticket', issueId: issue.id, sourceId: null }, now, lease);
  await repo.recordInboundEvent('slack', 'Ev1', new Date());
  return issue.id;
}

/** Unit of work: commit together, roll back together, nesting and joining, error mapping. */
export function transactionTests(get: () => TestDatabase): void {
  describe('transactions', () => {
    let repo: PostgresIssueRepo;
    beforeEach(async () => {
      await get().reset();
      repo = new PostgresIssueRepo(get().db);
    });

    it('commits every write of the unit of work', async () => {
      const id = await repo.transaction(writeEverything);
      expect((await repo.findById(id))?.threadId).toBe('1.1');
      expect(await repo.findDelivery('k')).toBeDefined();
      expect(await repo.recordInboundEvent('slack', 'Ev1', new Date())).toBe(false);
    });

    it('leaves nothing behind when the work throws, and rethrows the same error', async () => {
      const boom = new Error('boom');
      const caught = await repo
        .transaction(async (tx) => {
          await writeEverything(tx);
          throw boom;
        })
        .catch((e: unknown) => e);
      expect(caught).toBe(boom);
      expect(await repo.findByThread(thread)).toBeUndefined();
      expect(await repo.findDelivery('k')).toBeUndefined();
      expect(await repo.recordInboundEvent('slack', 'Ev1', new Date())).toBe(true);
    });

    it('joins the outer transaction when nested, so an outer failure undoes inner work', async () => {
      await repo
        .transaction(async (outer) => {
          await outer.transaction(async (inner) => {
            await inner.claimThread(thread);
          });
          expect(await outer.findByThread(thread)).toBeDefined();
          throw new Error('undo');
        })
        .catch(() => undefined);
      expect(await repo.findByThread(thread)).toBeUndefined();
    });

    it('lets calls on the root repo inside the transaction join it (no deadlock on PGlite)', async () => {
      await repo
        .transaction(async () => {
          await repo.claimThread(thread);
          expect(await repo.countOpen()).toBe(1);
          throw new Error('undo');
        })
        .catch(() => undefined);
      expect(await repo.countOpen()).toBe(0);
    });

    it('sends calls the work left behind to the database once the transaction is over', async () => {
      let open: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      let later: Promise<number> | undefined;
      await repo.transaction(async (tx) => {
        await tx.claimThread(thread);
        // This continuation is created inside the transaction's async context.
        later = gate.then(() => repo.countOpen());
      });
      open();
      expect(await later).toBe(1);
    });

    it('withTransaction commits or rolls back the repo writes together with other writes on trx', async () => {
      const other = async (trx: Parameters<Parameters<typeof withTransaction>[1]>[0]) =>
        sql`insert into inbound_events (source, event_id, received_at) values ('job', 'j1', now())`.execute(
          trx,
        );
      await withTransaction(get().db, async (trx, txRepo) => {
        await txRepo.claimThread(thread);
        await other(trx);
        throw new Error('undo');
      }).catch(() => undefined);
      expect(await repo.findByThread(thread)).toBeUndefined();
      expect(await repo.recordInboundEvent('job', 'j1', new Date())).toBe(true);

      await withTransaction(get().db, async (trx, txRepo) => {
        await txRepo.claimThread(thread);
        await sql`delete from inbound_events where source = 'job'`.execute(trx);
      });
      expect(await repo.findByThread(thread)).toBeDefined();
      expect(await repo.recordInboundEvent('job', 'j1', new Date())).toBe(true);
    });

    it('maps a store failure inside the work to IntegrationError and rolls back', async () => {
      const { issue } = await repo.claimThread(thread);
      await repo.attachTicket(issue.id, '1');
      const error = await repo
        .transaction(async (tx) => {
          const other = await tx.claimThread({ ...thread, threadId: '2.2' });
          return tx.attachTicket(other.issue.id, '1');
        })
        .catch((e: unknown) => e);
      expect(isIntegrationError(error) && error.reason).toBe('Conflict');
      expect(await repo.findByThread({ ...thread, threadId: '2.2' })).toBeUndefined();
    });

    it('lets the work catch a Conflict (taken ticket or thread) and carry on, as with the memory repo', async () => {
      const { issue } = await repo.claimThread(thread);
      await repo.attachTicket(issue.id, '1');
      const kept = await repo.transaction(async (tx) => {
        const { issue: email } = await tx.claimTicket({
          platform: 'slack',
          channel: 'C1',
          ticketId: '2',
          openedAt: new Date(),
        });
        const takenThread = await tx.attachThread(email.id, thread.threadId).catch((e: unknown) => e);
        expect(isIntegrationError(takenThread) && takenThread.reason).toBe('Conflict');
        const { issue: chat } = await tx.claimThread({ ...thread, threadId: '3.3' });
        const takenTicket = await tx.attachTicket(chat.id, '1').catch((e: unknown) => e);
        expect(isIntegrationError(takenTicket) && takenTicket.reason).toBe('Conflict');
        return tx.attachTicket(chat.id, '3');
      });
      expect((await repo.findByTicket('3'))?.id).toBe(kept.id);
      expect((await repo.findByTicket('2'))?.threadId).toBeNull();
    });
  });
}
