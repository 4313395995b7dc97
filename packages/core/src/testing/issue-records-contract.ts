import { expect, it } from 'vitest';
import type { DeliveryIntent } from '../domain/delivery.ts';
import { expectIntegrationError } from './contract-helpers.ts';
import type { IssueRepoHarness } from './harness.ts';
import { chatIssue } from './issue-claims-contract.ts';

const AT = new Date('2026-11-02T09:00:00.000Z');
const later = (ms: number) => new Date(AT.getTime() + ms);
/** A lease for `owner` ending two minutes after AT. */
export const leaseFor = (owner: string, until = later(120_000)) => ({ owner, until });

/** Deliveries and inbound event ids of the IssueRepo contract (the lease rules: issueLeaseTests). */
export function issueRecordTests(harness: () => IssueRepoHarness): void {
  const repo = () => harness().repo;
  const intent = async (key: string): Promise<DeliveryIntent> => {
    const { issue } = await repo().claimThread(chatIssue('1700000000.000100'));
    return { key, kind: 'chat-to-ticket', issueId: issue.id, sourceId: '1700000000.000200' };
  };

  it('begins a delivery pending with one attempt, leased to the caller', async () => {
    const wanted = await intent('chat-to-ticket:1700000000.000200');
    const first = await repo().beginDelivery({ ...wanted, contentHash: 'h1' }, AT, leaseFor('run-a'));
    expect(first).toEqual({
      ...wanted,
      targetId: null,
      state: 'pending',
      attempts: 1,
      createdAt: AT,
      contentHash: 'h1',
      owner: 'run-a',
      leaseUntil: later(120_000),
    });
    expect(await repo().findDelivery(wanted.key)).toEqual(first);
  });

  it('completes a delivery idempotently for the same target; a done delivery is returned unchanged', async () => {
    const wanted = await intent('chat-to-ticket:done');
    await repo().beginDelivery(wanted, AT, leaseFor('run-a'));
    await repo().completeDelivery(wanted.key, '5001', 'run-a');
    await repo().completeDelivery(wanted.key, '5001', 'run-a');
    await repo().completeDelivery(wanted.key, '5001', 'run-b');
    const done = await repo().findDelivery(wanted.key);
    expect(done).toMatchObject({ state: 'done', targetId: '5001', attempts: 1, leaseUntil: null });
    expect(await repo().beginDelivery(wanted, later(1000), leaseFor('run-c'))).toEqual(done);
    await expectIntegrationError(repo().completeDelivery(wanted.key, '5009', 'run-a'), 'Conflict');
    expect((await repo().findDelivery(wanted.key))?.targetId).toBe('5001');
    await expectIntegrationError(repo().completeDelivery('no-such-key', '1', 'run-a'), 'NotFound');
  });

  it('finds a delivery by the target it produced, for its kind only', async () => {
    const wanted = await intent('chat-to-ticket:target');
    await repo().beginDelivery(wanted, AT, leaseFor('run-a'));
    expect(await repo().findDeliveryByTarget('chat-to-ticket', '5002')).toBeUndefined();
    await repo().completeDelivery(wanted.key, '5002', 'run-a');
    expect((await repo().findDeliveryByTarget('chat-to-ticket', '5002'))?.key).toBe(wanted.key);
    expect(await repo().findDeliveryByTarget('bot-comment', '5002')).toBeUndefined();
    expect(await repo().findDelivery('no-such-key')).toBeUndefined();
  });

  it('keeps deliveries without an issue, source or content hash', async () => {
    const wanted: DeliveryIntent = {
      key: 'bot-message:report:2026-11-02',
      kind: 'bot-message',
      issueId: null,
      sourceId: null,
    };
    expect(await repo().beginDelivery(wanted, AT, leaseFor('run-a'))).toMatchObject({
      ...wanted,
      state: 'pending',
      attempts: 1,
      contentHash: null,
    });
  });

  it('finds a pending delivery of an issue by its content hash, and no longer once done', async () => {
    const wanted = { ...(await intent('chat-to-ticket:hash')), contentHash: 'abc123' };
    const { issue: other } = await repo().claimThread(chatIssue('1700000000.000999'));
    expect(await repo().findPendingByContent(wanted.issueId ?? '', 'abc123')).toBeUndefined();
    await repo().beginDelivery(wanted, AT, leaseFor('run-a'));
    expect((await repo().findPendingByContent(wanted.issueId ?? '', 'abc123'))?.key).toBe(wanted.key);
    expect(await repo().findPendingByContent(other.id, 'abc123')).toBeUndefined();
    expect(await repo().findPendingByContent(wanted.issueId ?? '', 'other')).toBeUndefined();
    await repo().releaseDelivery(wanted.key, 'run-a');
    expect((await repo().findPendingByContent(wanted.issueId ?? '', 'abc123'))?.key).toBe(wanted.key);
    await repo().completeDelivery(wanted.key, '5003', 'run-a');
    expect(await repo().findPendingByContent(wanted.issueId ?? '', 'abc123')).toBeUndefined();
  });

  it('records an inbound event once per source', async () => {
    expect(await repo().recordInboundEvent('slack', 'Ev01', AT)).toBe(true);
    expect(await repo().recordInboundEvent('slack', 'Ev01', AT)).toBe(false);
    expect(await repo().recordInboundEvent('zendesk', 'Ev01', AT)).toBe(true);
    expect(await repo().recordInboundEvent('slack', 'Ev02', AT)).toBe(true);
    expect(await repo().hasInboundEvent('slack', 'Ev01')).toBe(true);
    expect(await repo().hasInboundEvent('zendesk-email', 'Ev01')).toBe(false);
    expect(await repo().hasInboundEvent('slack', 'Ev03')).toBe(false);
  });

  it('accepts exactly one of 20 concurrent records of one event', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => repo().recordInboundEvent('slack', 'Ev99', AT)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });
}
