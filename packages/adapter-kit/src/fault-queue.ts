import { MatchingFaultQueue } from './matching-fault-queue.ts';

/** One injected fault as a fake serves it. */
export interface PendingFault<K extends string = string> {
  readonly kind: K;
  /** For a rate limit: the wait the fake announces in Retry-After. */
  readonly retryAfterMs: number;
  /** For a timeout: how late the answer comes. */
  readonly delayMs: number;
}

/** How many calls fail and how (the core's `FaultOptions` plus the timeout's delay). */
export interface QueuedFaultOptions {
  /** How many calls fail (default 1). */
  readonly count?: number;
  /** Retry-After to announce (default 1000 ms). */
  readonly retryAfterMs?: number;
  /** How late a timeout answers (default 2000 ms). */
  readonly delayMs?: number;
}

/**
 * The next calls a vendor fake must fail, in order: `failNext` queues `count` faults of a kind,
 * `take` hands out the next one. Every fake needs this bookkeeping; only how its vendor answers
 * each kind (429 + Retry-After, 503, 401, a late answer) is the fake's own. Generic over the kind
 * names so this package needs nothing but Node (fakes use the core's `FaultKind`).
 */
export class FaultQueue<K extends string = string> {
  readonly #queue = new MatchingFaultQueue<K, QueuedFaultOptions>();

  /** Queues `count` (default 1) faults of `kind`. */
  failNext(kind: K, options: QueuedFaultOptions = {}): void {
    this.#queue.add(kind, options);
  }

  /** The next fault to serve, removed from the queue; undefined when none is pending. */
  take(): PendingFault<K> | undefined {
    const fault = this.#queue.take();
    if (fault === undefined) return undefined;
    return {
      kind: fault.kind,
      retryAfterMs: fault.options.retryAfterMs ?? 1000,
      delayMs: fault.options.delayMs ?? 2000,
    };
  }

  /** How many faults are still queued. */
  get pending(): number {
    return this.#queue.pending;
  }
}
