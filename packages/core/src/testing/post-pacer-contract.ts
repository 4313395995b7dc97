import { describe, expect, it } from 'vitest';
import type { PostPacer, PostRate } from '../ports/post-pacer.ts';
import { useHarness } from './contract-helpers.ts';
import type { Closable, HarnessFactory } from './harness.ts';

/** A fresh, empty PostPacer; `second` is another pacer on the same store (another process), when it has one. */
export interface PostPacerHarness extends Closable {
  readonly pacer: PostPacer;
  readonly second?: PostPacer;
}

// A long interval, so the time the test itself takes (a noisy machine) stays far below one slot.
const INTERVAL = 60_000;
const SLACK = 10_000;
const rate = (burst: number): PostRate => ({ intervalMs: INTERVAL, burst });
const slotIndex = (waitMs: number) => Math.round(waitMs / INTERVAL);

/** The PostPacer contract: slots per key, shared by every pacer on the same store. */
export function postPacerContract(name: string, factory: HarnessFactory<PostPacerHarness>): void {
  describe(`PostPacer contract: ${name}`, () => {
    const harness = useHarness(factory);

    it('grants the burst at once, then one slot per interval, per key', async () => {
      const { pacer } = harness();
      const waits: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        const slot = await pacer.reserve('slack:C1', rate(2), 10 * INTERVAL);
        expect(slot.granted).toBe(true);
        waits.push(slot.waitMs);
      }
      expect(waits.map(slotIndex)).toEqual([0, 0, 1, 2]);
      expect(waits[2]).toBeGreaterThan(INTERVAL - SLACK);
      expect((await pacer.reserve('slack:C2', rate(2), 0)).waitMs).toBe(0);
    });

    it('refuses a slot beyond the longest wait and reserves nothing', async () => {
      const { pacer } = harness();
      await pacer.reserve('slack:C1', rate(1), INTERVAL);
      const refused = await pacer.reserve('slack:C1', rate(1), INTERVAL / 2);
      expect(refused.granted).toBe(false);
      expect(slotIndex(refused.waitMs)).toBe(1);
      const again = await pacer.reserve('slack:C1', rate(1), 2 * INTERVAL);
      expect(again.granted).toBe(true);
      expect(slotIndex(again.waitMs)).toBe(1);
    });

    it('holds a key off for the wait asked, never bringing its next slot earlier', async () => {
      const { pacer } = harness();
      await pacer.holdOff('slack:C1', rate(3), 5 * INTERVAL);
      await pacer.holdOff('slack:C1', rate(3), INTERVAL);
      const slot = await pacer.reserve('slack:C1', rate(3), 10 * INTERVAL);
      expect(slotIndex(slot.waitMs)).toBe(5);
      expect(slot.waitMs).toBeLessThanOrEqual(5 * INTERVAL);
    });

    it('never gives two overlapping reservations the same slot, also across pacers on one store', async () => {
      const { pacer, second } = harness();
      const pacers = [pacer, second ?? pacer];
      const slots = await Promise.all(
        Array.from({ length: 12 }, (_, i) => pacers[i % 2]?.reserve('slack:C1', rate(2), 100 * INTERVAL)),
      );
      const indexes = slots.map((slot) => slotIndex(slot?.waitMs ?? -1)).sort((a, b) => a - b);
      expect(indexes).toEqual([0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });
  });
}
