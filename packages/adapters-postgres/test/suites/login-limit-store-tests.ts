import { beforeEach, describe, expect, it } from 'vitest';
import { LoginLimitStore } from '../../src/index.ts';
import type { TestDatabase } from '../test-database.ts';

const t0 = new Date('2026-01-01T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const policy = { maxFailures: 3, windowMs: 60_000 };

/** LoginLimitStore: counts per key within a window, locks at the limit, shared by every caller. */
export function loginLimitStoreTests(get: () => TestDatabase): void {
  describe('LoginLimitStore', () => {
    let limits: LoginLimitStore;
    beforeEach(async () => {
      await get().reset();
      limits = new LoginLimitStore(get().db);
    });

    it('locks a key at the limit for the window, then counts afresh', async () => {
      expect(await limits.recordFailure('address:a', policy, t0)).toBe(false);
      expect(await limits.recordFailure('address:a', policy, at(1000))).toBe(false);
      expect(await limits.isLocked(['address:a'], at(1000))).toBe(false);
      expect(await limits.recordFailure('address:a', policy, at(2000))).toBe(true);
      expect(await limits.isLocked(['account:x', 'address:a'], at(61_999))).toBe(true);
      expect(await limits.isLocked(['account:x'], at(3000))).toBe(false);
      expect(await limits.isLocked(['address:a'], at(62_000))).toBe(false);
      expect(await limits.recordFailure('address:a', policy, at(63_000))).toBe(false);
    });

    it('forgets failures older than the window, and everything on clear', async () => {
      await limits.recordFailure('k', policy, t0);
      await limits.recordFailure('k', policy, at(1000));
      expect(await limits.recordFailure('k', policy, at(60_000))).toBe(false);
      await limits.recordFailure('k', policy, at(61_000));
      await limits.clear(['k']);
      expect(await limits.recordFailure('k', policy, at(62_000))).toBe(false);
    });

    it('counts concurrent failures from two stores (two processes) once each', async () => {
      const other = new LoginLimitStore(get().db);
      const results = await Promise.all([
        limits.recordFailure('shared', policy, t0),
        other.recordFailure('shared', policy, t0),
        limits.recordFailure('shared', policy, t0),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await other.isLocked(['shared'], at(1))).toBe(true);
    });
  });
}
