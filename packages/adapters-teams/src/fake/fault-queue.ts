import type { FaultKind, FaultOptions } from '@zenslackchat/core/testing';

/** One injected fault as a fake serves it. */
export interface PendingFault {
  readonly kind: FaultKind;
  readonly retryAfterMs: number;
  /** For `timeout`: how late the answer comes. */
  readonly delayMs: number;
}

/** `FaultOptions` plus how late a `timeout` fault answers. */
export interface QueuedFaultOptions extends FaultOptions {
  readonly delayMs?: number;
}

/**
 * The next calls a fake must fail, in order: `failNext` queues `count` faults of a kind, `take`
 * hands out the next one (or undefined). Vendor-neutral, so every fake serves the core's fault
 * kinds the same way; each fake decides how its vendor answers them.
 */
export class FaultQueue {
  readonly #pending: PendingFault[] = [];

  /** Queues `count` (default 1) faults of `kind`. */
  failNext(kind: FaultKind, options: QueuedFaultOptions = {}): void {
    const fault: PendingFault = {
      kind,
      retryAfterMs: options.retryAfterMs ?? 1000,
      delayMs: options.delayMs ?? 2000,
    };
    for (let i = 0; i < (options.count ?? 1); i += 1) this.#pending.push(fault);
  }

  /** The next fault to serve, removed from the queue. */
  take(): PendingFault | undefined {
    return this.#pending.shift();
  }
}
