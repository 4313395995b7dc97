import { isIntegrationError } from '@zenslackchat/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { PostgresIssueRepo } from '../../src/index.ts';
import type { TestBackend, TestDatabase } from '../test-database.ts';

const N = 20;
const times = <T>(work: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: N }, (_, i) => work(i)));

// On Postgres the pool has 10 connections, so the calls really run at the same time.
/** Concurrent writers (20 at once; really parallel on the Postgres pool) keep every uniqueness rule. */
export function concurrencyTests(get: () => TestDatabase, backend: TestBackend): void {
  describe('concurrent writers', () => {
    beforeEach(() => get().reset());

    it(`${N} concurrent claims of one thread make one issue, created once`, async () => {
      const repos = Array.from({ length: N }, () => new PostgresIssueRepo(get().db));
      const thread = { platform: 'slack', channel: 'C1', threadId: '1700000000.000200' };
      const claims = await times((i) => repos[i]!.claimThread({ ...thread, openedAt: new Date() }));
      expect(claims.filter((c) => c.created)).toHaveLength(1);
      expect(new Set(claims.map((c) => c.issue.id)).size).toBe(1);
      const rows = await get().db.selectFrom('issues').select('id').execute();
      expect(rows).toHaveLength(1);
      // On Postgres the claims really ran on several connections at once.
      expect(backend === 'pglite' || (get().pool?.totalCount ?? 0) > 1).toBe(true);
    });

    it(`${N} concurrent claims of one emailed ticket make one issue`, async () => {
      const repo = new PostgresIssueRepo(get().db);
      const claims = await times(() =>
        repo.claimTicket({ platform: 'slack', channel: 'C1', ticketId: '501', openedAt: new Date() }),
      );
      expect(claims.filter((c) => c.created)).toHaveLength(1);
      expect(await get().db.selectFrom('issues').select('id').execute()).toHaveLength(1);
    });

    it(`${N} concurrent records of one inbound event id accept exactly one`, async () => {
      const repo = new PostgresIssueRepo(get().db);
      const results = await times(() => repo.recordInboundEvent('slack', 'Ev0001', new Date()));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await get().db.selectFrom('inbound_events').selectAll().execute()).toHaveLength(1);
    });

    it(`${N} concurrent begins of one delivery by ${N} runs lease it to exactly one`, async () => {
      const repos = Array.from({ length: N }, () => new PostgresIssueRepo(get().db));
      const intent = { key: 'bot-message:x', kind: 'bot-message', issueId: null, sourceId: null } as const;
      const at = new Date();
      const until = new Date(at.getTime() + 120_000);
      const begun = await times((i) => repos[i]!.beginDelivery(intent, at, { owner: `run-${i}`, until }));
      expect(begun.filter((d, i) => d.owner === `run-${i}`)).toHaveLength(1);
      expect(begun.every((d) => d.attempts === 1)).toBe(true);
    });

    it('two issues racing for one ticket: one wins, the other gets Conflict', async () => {
      const repo = new PostgresIssueRepo(get().db);
      const a = await repo.claimThread({
        platform: 'slack',
        channel: 'C1',
        threadId: 'a',
        openedAt: new Date(),
      });
      const b = await repo.claimThread({
        platform: 'slack',
        channel: 'C1',
        threadId: 'b',
        openedAt: new Date(),
      });
      const results = await Promise.allSettled([
        repo.attachTicket(a.issue.id, '9'),
        repo.attachTicket(b.issue.id, '9'),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const failure = results.find((r) => r.status === 'rejected');
      expect(isIntegrationError(failure?.reason) && failure.reason.reason).toBe('Conflict');
    });
  });
}
