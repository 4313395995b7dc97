import { expect, it } from 'vitest';
import type { DeliveryIntent } from '../domain/delivery.ts';
import type { IssueRepoHarness } from './harness.ts';
import { chatIssue } from './issue-claims-contract.ts';

const AT = new Date('2026-11-02T09:00:00.000Z');

/** Deliveries and inbound event ids of the IssueRepo contract. */
export function issueRecordTests(harness: () => IssueRepoHarness): void {
  const repo = () => harness().repo;
  const intent = async (key: string): Promise<DeliveryIntent> => {
    const { issue } = await repo().claimThread(chatIssue('1700000000.000100'));
    return { key, kind: 'chat-to-ticket', issueId: issue.id, sourceId: '1700000000.000200' };
  };

  it('begins a delivery pending with one attempt, and counts every later begin', async () => {
    const wanted = await intent('chat-to-ticket:1700000000.000200');
    const first = await repo().beginDelivery(wanted, AT);
    expect(first).toEqual({ ...wanted, targetId: null, state: 'pending', attempts: 1, createdAt: AT });
    const second = await repo().beginDelivery(wanted, new Date(AT.getTime() + 60_000));
    expect(second).toEqual({ ...first, attempts: 2 });
    expect(await repo().findDelivery(wanted.key)).toEqual(second);
  });

  it('completes a delivery idempotently; a done delivery is returned unchanged by begin', async () => {
    const wanted = await intent('chat-to-ticket:done');
    await repo().beginDelivery(wanted, AT);
    await repo().completeDelivery(wanted.key, '5001');
    await repo().completeDelivery(wanted.key, '5001');
    const done = await repo().findDelivery(wanted.key);
    expect(done).toMatchObject({ state: 'done', targetId: '5001', attempts: 1 });
    expect(await repo().beginDelivery(wanted, new Date(AT.getTime() + 1000))).toEqual(done);
  });

  it('finds a delivery by the target it produced, for its kind only', async () => {
    const wanted = await intent('chat-to-ticket:target');
    await repo().beginDelivery(wanted, AT);
    expect(await repo().findDeliveryByTarget('chat-to-ticket', '5002')).toBeUndefined();
    await repo().completeDelivery(wanted.key, '5002');
    expect((await repo().findDeliveryByTarget('chat-to-ticket', '5002'))?.key).toBe(wanted.key);
    expect(await repo().findDeliveryByTarget('bot-comment', '5002')).toBeUndefined();
    expect(await repo().findDelivery('no-such-key')).toBeUndefined();
  });

  it('keeps deliveries without an issue or source', async () => {
    const wanted: DeliveryIntent = {
      key: 'bot-message:report:2026-11-02',
      kind: 'bot-message',
      issueId: null,
      sourceId: null,
    };
    expect(await repo().beginDelivery(wanted, AT)).toMatchObject({
      ...wanted,
      state: 'pending',
      attempts: 1,
    });
  });

  it('counts 20 concurrent begins of one delivery atomically', async () => {
    const wanted = await intent('chat-to-ticket:race');
    const begun = await Promise.all(Array.from({ length: 20 }, () => repo().beginDelivery(wanted, AT)));
    expect(begun.map((d) => d.attempts).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect((await repo().findDelivery(wanted.key))?.attempts).toBe(20);
  });

  it('records an inbound event once per source', async () => {
    expect(await repo().recordInboundEvent('slack', 'Ev01', AT)).toBe(true);
    expect(await repo().recordInboundEvent('slack', 'Ev01', AT)).toBe(false);
    expect(await repo().recordInboundEvent('zendesk', 'Ev01', AT)).toBe(true);
    expect(await repo().recordInboundEvent('slack', 'Ev02', AT)).toBe(true);
  });

  it('accepts exactly one of 20 concurrent records of one event', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => repo().recordInboundEvent('slack', 'Ev99', AT)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });
}
