import { expect, it } from 'vitest';
import type { Delivery, DeliveryIntent } from '../domain/delivery.ts';
import { expectIntegrationError } from './contract-helpers.ts';
import type { IssueRepoHarness } from './harness.ts';
import { chatIssue } from './issue-claims-contract.ts';
import { leaseFor } from './issue-records-contract.ts';

const AT = new Date('2026-11-02T09:00:00.000Z');
const later = (ms: number) => new Date(AT.getTime() + ms);

/** The lease rules of `beginDelivery` / `completeDelivery` / `releaseDelivery`. */
export function issueLeaseTests(harness: () => IssueRepoHarness): void {
  const repo = () => harness().repo;
  const intent = async (key: string): Promise<DeliveryIntent> => {
    const { issue } = await repo().claimThread(chatIssue('1700000000.000100'));
    return { key, kind: 'chat-to-ticket', issueId: issue.id, sourceId: '1700000000.000200' };
  };
  const holders = (begun: readonly Delivery[], owners: readonly string[]) =>
    begun.filter((delivery, i) => delivery.owner === owners[i]);

  it('refuses a second run while the lease is live, and lets the owner begin again', async () => {
    const wanted = await intent('chat-to-ticket:live');
    const first = await repo().beginDelivery(wanted, AT, leaseFor('run-a'));
    const other = await repo().beginDelivery(wanted, later(60_000), leaseFor('run-b', later(180_000)));
    expect(other).toEqual(first);
    const again = await repo().beginDelivery(wanted, later(60_000), leaseFor('run-a', later(180_000)));
    expect(again).toMatchObject({ owner: 'run-a', attempts: 2, leaseUntil: later(180_000) });
  });

  it('lets another run take over once the lease has ended, with its own content hash', async () => {
    const wanted = await intent('chat-to-ticket:expired');
    await repo().beginDelivery({ ...wanted, contentHash: 'old' }, AT, leaseFor('run-a'));
    const taken = await repo().beginDelivery(
      { ...wanted, contentHash: 'new' },
      later(120_000),
      leaseFor('run-b', later(240_000)),
    );
    expect(taken).toMatchObject({ state: 'pending', owner: 'run-b', attempts: 2, contentHash: 'new' });
    expect(taken.leaseUntil).toEqual(later(240_000));
    await expectIntegrationError(repo().completeDelivery(wanted.key, '1', 'run-a'), 'Conflict');
    await repo().completeDelivery(wanted.key, '2', 'run-b');
    expect(await repo().findDelivery(wanted.key)).toMatchObject({ state: 'done', targetId: '2' });
  });

  it('lets another run take over at once after the owner released it; only the owner can release', async () => {
    const wanted = await intent('chat-to-ticket:released');
    await repo().beginDelivery(wanted, AT, leaseFor('run-a'));
    await repo().releaseDelivery(wanted.key, 'run-b');
    expect((await repo().beginDelivery(wanted, later(1), leaseFor('run-b'))).owner).toBe('run-a');
    await repo().releaseDelivery(wanted.key, 'run-a');
    expect(await repo().findDelivery(wanted.key)).toMatchObject({ owner: 'run-a', leaseUntil: null });
    expect(await repo().beginDelivery(wanted, later(2), leaseFor('run-b'))).toMatchObject({
      owner: 'run-b',
      attempts: 2,
    });
  });

  it("renews the owner's lease while it works; never another run's, a released or a done one", async () => {
    const wanted = await intent('chat-to-ticket:renew');
    await repo().beginDelivery(wanted, AT, leaseFor('run-a'));
    expect(await repo().renewDelivery(wanted.key, 'run-b', later(600_000))).toBe(false);
    expect(await repo().renewDelivery(wanted.key, 'run-a', later(300_000))).toBe(true);
    expect((await repo().beginDelivery(wanted, later(200_000), leaseFor('run-b'))).owner).toBe('run-a');
    await repo().releaseDelivery(wanted.key, 'run-a');
    expect(await repo().renewDelivery(wanted.key, 'run-a', later(400_000))).toBe(false);
    await repo().beginDelivery(wanted, later(1), leaseFor('run-c'));
    await repo().completeDelivery(wanted.key, '9', 'run-c');
    expect(await repo().renewDelivery(wanted.key, 'run-c', later(400_000))).toBe(false);
  });

  it('completes by the owner after its lease ended when nobody took over; never by another run', async () => {
    const wanted = await intent('chat-to-ticket:late');
    await repo().beginDelivery(wanted, AT, leaseFor('run-a'));
    await expectIntegrationError(repo().completeDelivery(wanted.key, '7', 'run-b'), 'Conflict');
    await repo().completeDelivery(wanted.key, '7', 'run-a');
    expect(await repo().findDelivery(wanted.key)).toMatchObject({ state: 'done', targetId: '7' });
  });

  it('gives the lease to exactly one of 20 concurrent first begins', async () => {
    const wanted = await intent('chat-to-ticket:race');
    const owners = Array.from({ length: 20 }, (_, i) => `run-${i}`);
    const begun = await Promise.all(owners.map((owner) => repo().beginDelivery(wanted, AT, leaseFor(owner))));
    expect(holders(begun, owners)).toHaveLength(1);
    expect((await repo().findDelivery(wanted.key))?.attempts).toBe(1);
  });

  it('gives an ended lease to exactly one of 20 concurrent takeovers', async () => {
    const wanted = await intent('chat-to-ticket:takeover');
    await repo().beginDelivery(wanted, AT, leaseFor('run-first'));
    const owners = Array.from({ length: 20 }, (_, i) => `run-${i}`);
    const at = later(130_000);
    const begun = await Promise.all(
      owners.map((owner) => repo().beginDelivery(wanted, at, leaseFor(owner, later(250_000)))),
    );
    const winners = holders(begun, owners);
    expect(winners).toHaveLength(1);
    expect(await repo().findDelivery(wanted.key)).toMatchObject({ owner: winners[0]?.owner, attempts: 2 });
  });
}
