/** How fast one channel may be posted to: one post per `intervalMs`, up to `burst` back to back. */
export interface PostRate {
  readonly intervalMs: number;
  /** Posts allowed back to back before the interval applies (at least 1). */
  readonly burst: number;
}

/** The answer to a reservation: a slot `waitMs` from now, or none because the first free one is that far. */
export interface PostSlot {
  /** True when the slot is the caller's; false when nothing was reserved (it was beyond `maxWaitMs`). */
  readonly granted: boolean;
  readonly waitMs: number;
}

/**
 * Posting slots per channel (a generic cell-rate limiter), shared by every process that uses the
 * same store, so several workers together keep to a vendor's per-channel pace.
 */
export interface PostPacer {
  /**
   * Reserves the next free slot of `key` when it is at most `maxWaitMs` away. Atomic: two callers,
   * in any processes, never get the same slot. A refused reservation changes nothing.
   */
  reserve(key: string, rate: PostRate, maxWaitMs: number): Promise<PostSlot>;
  /** Moves `key`'s next free slot to at least `delayMs` from now (the vendor said to wait); never earlier. */
  holdOff(key: string, rate: PostRate, delayMs: number): Promise<void>;
}
export const PostPacer = Symbol.for('zenslackchat.PostPacer');
