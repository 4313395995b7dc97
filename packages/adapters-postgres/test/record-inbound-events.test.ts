import { IntegrationError } from '@zenslackchat/core';
import { beforeEach, expect, it } from 'vitest';
import { inboundEventKey, PostgresIssueRepo, recordInboundEvents, withTransaction } from '../src/index.ts';
import { describeEachBackend } from './test-database.ts';

const AT = new Date('2026-11-27T12:00:00Z');

// The intake's batch insert of inbound event ids, on one database per backend.
describeEachBackend('recordInboundEvents', (get) => {
  beforeEach(() => get().reset());
  const key = (source: string, eventId: string) => inboundEventKey({ source, eventId });

  it('returns the keys seen for the first time, once each, also for repeats within the call', async () => {
    const repo = new PostgresIssueRepo(get().db);
    expect(await repo.recordInboundEvent('slack', 'Ev1', AT)).toBe(true);
    const fresh = await recordInboundEvents(
      get().db,
      [
        { source: 'slack', eventId: 'Ev1' },
        { source: 'slack', eventId: 'Ev2' },
        { source: 'slack', eventId: 'Ev2' },
        { source: 'zendesk', eventId: 'Ev1' },
      ],
      AT,
    );
    expect([...fresh].sort()).toEqual([key('slack', 'Ev2'), key('zendesk', 'Ev1')].sort());
    // The single-id check agrees: all of them are recorded now.
    expect(await repo.recordInboundEvent('slack', 'Ev2', AT)).toBe(false);
    expect(await repo.recordInboundEvent('zendesk', 'Ev1', AT)).toBe(false);
    expect(await recordInboundEvents(get().db, [], AT)).toEqual(new Set());
  });

  it('rolls back with its transaction', async () => {
    const failed = withTransaction(get().db, async (trx) => {
      await recordInboundEvents(trx, [{ source: 'slack', eventId: 'EvGone' }], AT);
      throw new Error('enqueue failed');
    });
    await expect(failed).rejects.toThrow('enqueue failed');
    expect(await recordInboundEvents(get().db, [{ source: 'slack', eventId: 'EvGone' }], AT)).toEqual(
      new Set([key('slack', 'EvGone')]),
    );
  });

  it('refuses empty or oversized ids as Invalid, recording nothing', async () => {
    const bad = recordInboundEvents(get().db, [{ source: 'slack', eventId: 'x'.repeat(513) }], AT);
    await expect(bad).rejects.toBeInstanceOf(IntegrationError);
    await expect(recordInboundEvents(get().db, [{ source: '', eventId: 'Ev' }], AT)).rejects.toMatchObject({
      reason: 'Invalid',
    });
  });
});
