/** A queued fault: its kind and the options it was queued with. */
export interface QueuedFault<K extends string, O> {
  readonly kind: K;
  readonly options: O;
}

/**
 * The faults a vendor fake must inject, oldest first, each with the options it was queued with
 * (which requests it hits, how it answers): `add` queues `options.count` (default 1) of a kind,
 * `take` hands out the oldest one whose options match the request. The bookkeeping every fake
 * needs; what a request is (a Web API method, an endpoint, a path) and how each kind answers stay
 * the fake's own.
 */
export class MatchingFaultQueue<K extends string, O extends { readonly count?: number }> {
  readonly #pending: { readonly kind: K; readonly options: O; remaining: number }[] = [];

  /** Queues `options.count` (default 1) faults of `kind`. */
  add(kind: K, options: O): void {
    const count = options.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be a positive integer');
    this.#pending.push({ kind, options, remaining: count });
  }

  /** The oldest fault whose options `matches` accepts (any when omitted), taken; undefined when none. */
  take(matches: (options: O) => boolean = () => true): QueuedFault<K, O> | undefined {
    const index = this.#pending.findIndex((entry) => matches(entry.options));
    const entry = this.#pending[index];
    if (entry === undefined) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) this.#pending.splice(index, 1);
    return { kind: entry.kind, options: entry.options };
  }

  /** How many faults are still queued. */
  get pending(): number {
    return this.#pending.reduce((sum, entry) => sum + entry.remaining, 0);
  }

  /** Drops every queued fault. */
  clear(): void {
    this.#pending.length = 0;
  }
}
