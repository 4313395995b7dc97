import { describe, expect, it } from 'vitest';
import type { OnCallPerson } from '../domain/on-call.ts';
import {
  expectFault,
  expectIntegrationError,
  FAULT_CASES,
  INJECTED_RETRY_AFTER_MS,
  useHarness,
} from './contract-helpers.ts';
import type { HarnessFactory, OnCallHarness } from './harness.ts';

const names = (people: readonly OnCallPerson[]) => people.map((p) => p.name).sort();

/**
 * The OnCallPort contract. `factory` builds a fresh harness per test (closed after it). An
 * unknown policy is `NotFound` (not an empty answer); a `timeout` fault must outlast the
 * adapter's own timeout, so harnesses should configure a short one.
 */
export function onCallPortContract(name: string, factory: HarnessFactory<OnCallHarness>): void {
  describe(`OnCallPort contract: ${name}`, () => {
    const harness = useHarness(factory);

    it('answers nobody on call as two empty levels', async () => {
      await harness().setOnCall('PPOLICY', { primary: [], secondary: [] });
      expect(await harness().port.whoIsOnCall('PPOLICY')).toEqual({ primary: [], secondary: [] });
    });

    it('separates the primary (level 1) from the secondary (level 2)', async () => {
      await harness().setOnCall('PPOLICY', { primary: [{ name: 'Alice' }], secondary: [{ name: 'Bob' }] });
      const onCall = await harness().port.whoIsOnCall('PPOLICY');
      expect(names(onCall.primary)).toEqual(['Alice']);
      expect(names(onCall.secondary)).toEqual(['Bob']);
    });

    it('returns every person of a level, and an empty level as empty', async () => {
      await harness().setOnCall('PPOLICY', {
        primary: [{ name: 'Alice' }, { name: 'Carol' }],
        secondary: [],
      });
      const onCall = await harness().port.whoIsOnCall('PPOLICY');
      expect(names(onCall.primary)).toEqual(['Alice', 'Carol']);
      expect(onCall.secondary).toEqual([]);
    });

    it('answers each policy separately', async () => {
      await harness().setOnCall('PONE', { primary: [{ name: 'Alice' }], secondary: [] });
      await harness().setOnCall('PTWO', { primary: [{ name: 'Dave' }], secondary: [{ name: 'Erin' }] });
      expect(names((await harness().port.whoIsOnCall('PONE')).primary)).toEqual(['Alice']);
      const two = await harness().port.whoIsOnCall('PTWO');
      expect([names(two.primary), names(two.secondary)]).toEqual([['Dave'], ['Erin']]);
    });

    it('rejects an unknown policy as NotFound', async () => {
      await expectIntegrationError(harness().port.whoIsOnCall('PNOSUCH'), 'NotFound');
    });

    for (const fault of FAULT_CASES) {
      it(`maps an injected ${fault.kind} fault to ${fault.reason}, then works again`, async () => {
        await harness().setOnCall('PPOLICY', { primary: [{ name: 'Alice' }], secondary: [] });
        harness().failNext(fault.kind, { retryAfterMs: INJECTED_RETRY_AFTER_MS });
        await expectFault(harness().port.whoIsOnCall('PPOLICY'), fault);
        expect(names((await harness().port.whoIsOnCall('PPOLICY')).primary)).toEqual(['Alice']);
      });
    }
  });
}
