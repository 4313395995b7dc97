import type { LoginLimitPolicy, LoginLimits } from '../../src/web/index.ts';

/** A map-backed LoginLimits with the Postgres LoginLimitStore's rules, for fast tests of the web front. */
export class MemoryLoginLimits implements LoginLimits {
  readonly #rows = new Map<string, { failures: number; windowStart: number; lockedUntil: number }>();

  async isLocked(keys: readonly string[], now: Date): Promise<boolean> {
    return keys.some((key) => (this.#rows.get(key)?.lockedUntil ?? 0) > now.getTime());
  }

  async recordFailure(key: string, policy: LoginLimitPolicy, now: Date): Promise<boolean> {
    const at = now.getTime();
    const row = this.#rows.get(key);
    const fresh = row === undefined || row.windowStart <= at - policy.windowMs;
    const next = {
      failures: fresh ? 1 : row.failures + 1,
      windowStart: fresh ? at : row.windowStart,
      lockedUntil: row?.lockedUntil ?? 0,
    };
    const locks = next.failures >= policy.maxFailures;
    this.#rows.set(key, locks ? { failures: 0, windowStart: at, lockedUntil: at + policy.windowMs } : next);
    return locks;
  }

  async clear(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.#rows.delete(key);
  }
}
