import { describe, expect, it, vi } from 'vitest';
import { deliveryKeys } from '../src/index.ts';
import { botFixture, openIssue, reply } from './support/bot-fixture.ts';
import { wasBusy } from './support/overlapping.ts';

const ROOT = '1700000000.000100';

// A run slower than one lease (a vendor call that takes long to answer) keeps its lease by
// renewing it, so a second run started after the first lease would have ended is still refused.
describe('the delivery lease of a slow run', () => {
  it('is renewed while the run works, so an overlapping run is refused past the first lease', async () => {
    const f = botFixture({ settings: { deliveryLeaseMs: 1000 } });
    await openIssue(f, ROOT);
    const event = reply(ROOT, '1700000001.000100', 'Slow vendor');
    const key = deliveryKeys.chatToTicket({
      platform: 'slack',
      channel: event.channel,
      messageId: event.messageId,
    });
    const held = f.tickets.faults.holdNext('addComment');
    const first = f.bot.handleChatMessage(event);
    await held.reached;
    const begun = (await f.repo.findDelivery(key))?.leaseUntil?.getTime() ?? 0;
    f.clock.advance(900);
    // Renewed on the run's own timer: a third of the lease (at least a second) after it began.
    await vi.waitFor(
      async () => expect((await f.repo.findDelivery(key))?.leaseUntil?.getTime()).toBeGreaterThan(begun),
      {
        timeout: 10_000,
      },
    );
    f.clock.advance(500);
    const refusal = await f.bot.handleChatMessage(event).catch((error: unknown) => error);
    expect(wasBusy(refusal)).toBe(true);
    held.release();
    expect(await first).toMatchObject({ outcome: 'comment-added' });
    expect(f.tickets.comments('1').filter((c) => c.body.includes('Slow vendor'))).toHaveLength(1);
  });
});
