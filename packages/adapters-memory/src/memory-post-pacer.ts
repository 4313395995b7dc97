import { type Clock, type PostPacer, type PostRate, type PostSlot, systemClock } from '@zenslackchat/core';

/** PostPacer in one process's memory: each key's theoretical next-slot time (a cell-rate limiter). */
export class MemoryPostPacer implements PostPacer {
  readonly #clock: Clock;
  readonly #next = new Map<string, number>();

  constructor(clock: Clock = systemClock) {
    this.#clock = clock;
  }

  /** Reserves the next free slot when it is at most `maxWaitMs` away. */
  async reserve(key: string, rate: PostRate, maxWaitMs: number): Promise<PostSlot> {
    const now = this.#clock.now().getTime();
    const next = Math.max(this.#next.get(key) ?? now, now);
    const waitMs = Math.max(0, next - burstMs(rate) - now);
    if (waitMs > maxWaitMs) return { granted: false, waitMs };
    this.#next.set(key, next + rate.intervalMs);
    return { granted: true, waitMs };
  }

  /** Moves the key's next free slot to at least `delayMs` from now. */
  async holdOff(key: string, rate: PostRate, delayMs: number): Promise<void> {
    const until = this.#clock.now().getTime() + delayMs + burstMs(rate);
    this.#next.set(key, Math.max(this.#next.get(key) ?? until, until));
  }
}

/** How far ahead of the theoretical time a burst may post. */
function burstMs(rate: PostRate): number {
  return Math.max(0, rate.burst - 1) * rate.intervalMs;
}
