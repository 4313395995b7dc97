import { isIntegrationError } from '@zenslackchat/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { PostgresIssueRepo } from '../../src/index.ts';
import type { TestDatabase } from '../test-database.ts';

const at = (iso: string) => new Date(iso);
const thread = { platform: 'slack', channel: 'C1', threadId: '1700000000.000100' };

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isIntegrationError(error)) return `${error.reason}${error.retryable ? ' retryable' : ''}`;
    throw error;
  }
  return 'resolved';
}

/** Direct tests of PostgresIssueRepo beyond the contract: validation, NotFound, pruning, ordering. */
export function issueRepoTests(get: () => TestDatabase): void {
  describe('PostgresIssueRepo', () => {
    let repo: PostgresIssueRepo;
    beforeEach(async () => {
      await get().reset();
      repo = new PostgresIssueRepo(get().db);
    });

    it('claims a thread once and returns the same issue afterwards', async () => {
      const first = await repo.claimThread({ ...thread, openedAt: at('2026-01-01T10:00:00Z') });
      const again = await repo.claimThread({ ...thread, openedAt: at('2026-01-01T11:00:00Z') });
      expect(first.created).toBe(true);
      expect(again).toEqual({ issue: first.issue, created: false });
      expect(first.issue).toMatchObject({ ...thread, status: 'open', source: 'chat', ticketId: null });
      expect(await repo.findByThread(thread)).toEqual(first.issue);
    });

    it('attaches a ticket idempotently and refuses a second ticket or a taken one', async () => {
      const { issue } = await repo.claimThread({ ...thread, openedAt: at('2026-01-01T10:00:00Z') });
      const other = await repo.claimThread({
        ...thread,
        threadId: '2',
        openedAt: at('2026-01-01T10:00:00Z'),
      });
      expect((await repo.attachTicket(issue.id, '42')).ticketId).toBe('42');
      expect((await repo.attachTicket(issue.id, '42')).ticketId).toBe('42');
      expect(await reason(repo.attachTicket(issue.id, '43'))).toBe('Conflict');
      expect(await reason(repo.attachTicket(other.issue.id, '42'))).toBe('Conflict');
      expect((await repo.findByTicket('42'))?.id).toBe(issue.id);
      expect(await reason(repo.attachTicket('not-an-id', '44'))).toBe('NotFound');
      expect(await reason(repo.attachTicket('00000000-0000-4000-8000-000000000000', '44'))).toBe('NotFound');
    });

    it('claims an emailed ticket once and attaches its thread later', async () => {
      const email = {
        platform: 'slack',
        channel: 'C1',
        ticketId: '77',
        openedAt: at('2026-01-02T00:00:00Z'),
      };
      const first = await repo.claimTicket(email);
      expect(first).toMatchObject({
        created: true,
        issue: { source: 'email', threadId: null, ticketId: '77' },
      });
      expect((await repo.claimTicket(email)).created).toBe(false);
      const attached = await repo.attachThread(first.issue.id, '9.9');
      expect(attached.threadId).toBe('9.9');
      const claim = await repo.claimThread({
        platform: 'slack',
        channel: 'C1',
        threadId: '9.9',
        openedAt: at('2026-01-03T00:00:00Z'),
      });
      expect(claim).toEqual({ issue: attached, created: false });
      expect(await reason(repo.attachThread(first.issue.id, '1.1'))).toBe('Conflict');
    });

    it('keeps the first resolution time and counts open and resolved issues', async () => {
      const a = await repo.claimThread({ ...thread, threadId: 'a', openedAt: at('2026-01-01T00:00:00Z') });
      await repo.claimThread({ ...thread, threadId: 'b', openedAt: at('2026-01-01T00:00:00Z') });
      const resolved = await repo.markResolved(a.issue.id, at('2026-01-05T12:00:00Z'));
      const again = await repo.markResolved(a.issue.id, at('2026-01-06T12:00:00Z'));
      expect(again.resolvedAt).toEqual(resolved.resolvedAt);
      expect(again.status).toBe('resolved');
      expect(await repo.countOpen()).toBe(1);
      expect(await repo.countResolvedBetween(at('2026-01-05T00:00:00Z'), at('2026-01-06T00:00:00Z'))).toBe(1);
      expect(await repo.countResolvedBetween(at('2026-01-05T12:00:01Z'), at('2026-01-06T00:00:00Z'))).toBe(0);
      expect(await repo.countResolvedBetween(at('2026-01-05T00:00:00Z'), at('2026-01-05T12:00:00Z'))).toBe(0);
    });

    it('lists newest first, creation order breaking ties, with filters and paging', async () => {
      const t = at('2026-01-01T00:00:00Z');
      const first = await repo.claimThread({ ...thread, threadId: '1', openedAt: t });
      const second = await repo.claimThread({ ...thread, threadId: '2', openedAt: t });
      const newest = await repo.claimTicket({
        platform: 'slack',
        channel: 'C1',
        ticketId: '5',
        openedAt: at('2026-02-01T00:00:00Z'),
      });
      await repo.markResolved(first.issue.id, at('2026-01-02T00:00:00Z'));
      const ids = (await repo.listIssues({ limit: 10, offset: 0 })).map((i) => i.id);
      expect(ids).toEqual([newest.issue.id, second.issue.id, first.issue.id]);
      expect((await repo.listIssues({ limit: 1, offset: 1 })).map((i) => i.id)).toEqual([second.issue.id]);
      expect((await repo.listIssues({ status: 'resolved', limit: 10, offset: 0 })).map((i) => i.id)).toEqual([
        first.issue.id,
      ]);
      expect((await repo.listIssues({ source: 'email', limit: 10, offset: 0 })).map((i) => i.id)).toEqual([
        newest.issue.id,
      ]);
      expect(await reason(repo.listIssues({ limit: -1, offset: 0 }))).toBe('Invalid');
    });

    it('records the comment cursor', async () => {
      const { issue } = await repo.claimThread({ ...thread, openedAt: at('2026-01-01T00:00:00Z') });
      await repo.setCommentCursor(issue.id, '123');
      expect((await repo.findById(issue.id))?.commentCursor).toBe('123');
      expect(await reason(repo.setCommentCursor('00000000-0000-4000-8000-000000000000', '1'))).toBe(
        'NotFound',
      );
    });

    it('begins, retries and completes deliveries; the first completion wins', async () => {
      const intent = { key: 'k1', kind: 'chat-to-ticket', issueId: null, sourceId: 'm1' } as const;
      const lease = { owner: 'run-a', until: at('2026-01-01T00:05:00Z') };
      const first = await repo.beginDelivery(intent, at('2026-01-01T00:00:00Z'), lease);
      expect(first).toMatchObject({ state: 'pending', attempts: 1, targetId: null, sourceId: 'm1' });
      expect((await repo.beginDelivery(intent, at('2026-01-01T00:01:00Z'), lease)).attempts).toBe(2);
      await repo.completeDelivery('k1', 'c1', 'run-a');
      expect(await reason(repo.completeDelivery('k1', 'c2', 'run-a'))).toBe('Conflict retryable');
      const done = await repo.beginDelivery(intent, at('2026-01-01T00:02:00Z'), lease);
      expect(done).toMatchObject({ state: 'done', attempts: 2, targetId: 'c1' });
      expect(await repo.findDeliveryByTarget('chat-to-ticket', 'c1')).toEqual(done);
      expect(await repo.findDeliveryByTarget('ticket-to-chat', 'c1')).toBeUndefined();
      expect(await reason(repo.completeDelivery('missing', 'x', 'run-a'))).toBe('NotFound');
      expect(
        await reason(repo.beginDelivery({ ...intent, key: 'k2', kind: 'nope' as never }, new Date(), lease)),
      ).toBe('Invalid');
    });

    it('records an inbound event id once per source', async () => {
      expect(await repo.recordInboundEvent('slack', 'Ev1', new Date())).toBe(true);
      expect(await repo.recordInboundEvent('slack', 'Ev1', new Date())).toBe(false);
      expect(await repo.recordInboundEvent('zendesk', 'Ev1', new Date())).toBe(true);
      expect(await repo.pruneInboundEvents(new Date(Date.now() + 60_000))).toBe(2);
    });

    it('saves reports per day, replacing the same day, newest posted first', async () => {
      const report = (day: string, posted: string, open: number) => ({
        platform: 'slack',
        day,
        periodStart: at(`${day}T00:00:00Z`),
        periodEnd: at(`${day}T23:59:59Z`),
        openCount: open,
        resolvedCount: 1,
        postedAt: at(posted),
      });
      expect(await repo.lastReport()).toBeUndefined();
      await repo.saveReport(report('2026-01-01', '2026-01-02T09:00:00Z', 3));
      await repo.saveReport(report('2026-01-02', '2026-01-03T09:00:00Z', 4));
      await repo.saveReport(report('2026-01-02', '2026-01-03T09:05:00Z', 5));
      expect(await repo.lastReport()).toEqual(report('2026-01-02', '2026-01-03T09:05:00Z', 5));
      expect((await repo.listReports(10)).map((r) => r.day)).toEqual(['2026-01-02', '2026-01-01']);
      expect(await reason(repo.saveReport(report('2026-02-30', '2026-03-01T00:00:00Z', 1)))).toBe('Invalid');
    });
  });
}
