/** A call whose work is done on the vendor's side but whose answer has not come back yet. */
export interface HeldAnswer {
  /** Settles once the held call's work is done and its answer is being held. */
  readonly reached: Promise<void>;
  /** Lets the answer go back to the caller. */
  release(): void;
}

interface Hold {
  readonly method: string;
  readonly reached: () => void;
  readonly released: Promise<void>;
}

/** Holds the answers of chosen calls, so tests can act while a call is still in flight. */
export class HeldAnswers {
  readonly #holds: Hold[] = [];

  /** Holds the answer of the next call of `method`. */
  holdNext(method: string): HeldAnswer {
    let reached!: () => void;
    let release!: () => void;
    const reachedPromise = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.#holds.push({ method, reached, released });
    return { reached: reachedPromise, release };
  }

  /** Waits while a hold for `method` is set (taking it), after the call's work. */
  async wait(method: string): Promise<void> {
    const index = this.#holds.findIndex((hold) => hold.method === method);
    const hold = this.#holds[index];
    if (hold === undefined) return;
    this.#holds.splice(index, 1);
    hold.reached();
    await hold.released;
  }
}

// Captured at load, so a test's fake timers cannot stall the adapters.
const macrotask: (callback: () => void) => void =
  typeof globalThis.setImmediate === 'function'
    ? globalThis.setImmediate.bind(globalThis)
    : (callback) => globalThis.setTimeout(callback, 0);

/** Yields to the event loop (a macrotask), so calls interleave as real I/O would. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => macrotask(resolve));
}
