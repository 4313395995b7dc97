/** How the intake batcher groups accepts into transactions. */
export interface IntakeBatching {
  /** Most accepts committed in one transaction. */
  readonly maxBatch: number;
  /** How long the first accept of an idle batcher waits for company before committing, in ms. */
  readonly maxWaitMs: number;
  /** Batches committing at once; batches in flight together never share an ordering key. */
  readonly maxInFlight: number;
}

/** Defaults: up to 100 events per commit, 1 ms of waiting when idle, 2 commits at once. */
export const DEFAULT_INTAKE_BATCHING: IntakeBatching = { maxBatch: 100, maxWaitMs: 1, maxInFlight: 2 };

/** Commits a batch atomically and answers one result per item, in order; throws to fail them all. */
export type CommitBatch<I, R> = (items: readonly I[]) => Promise<readonly R[]>;

interface Waiting<I, R> {
  readonly item: I;
  readonly key: string;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/** Thrown to accepts submitted after `close`. */
export class IntakeClosedError extends Error {
  override readonly name = 'IntakeClosedError';
}

/**
 * Group commit: collects concurrent `submit` calls and commits them together. A batch starts
 * `maxWaitMs` after its first item, as soon as `maxBatch` items wait, or when a running commit ends.
 * Up to `maxInFlight` batches commit at once, but an item whose ordering key (`keyOf`; without it
 * every item shares one key) is in a running batch waits for that batch to commit, so items of one
 * key are committed in submission order, each batch after the previous one's commit. Each caller's
 * promise settles only after its batch committed (with its result) or failed (with the error).
 */
export class IntakeBatcher<I, R> {
  readonly #commit: CommitBatch<I, R>;
  readonly #options: IntakeBatching;
  readonly #keyOf: (item: I) => string;
  #pending: Waiting<I, R>[] = [];
  #timer: NodeJS.Timeout | undefined;
  readonly #running = new Set<Promise<void>>();
  readonly #busyKeys = new Map<string, number>();
  #closed = false;

  constructor(
    commit: CommitBatch<I, R>,
    options: IntakeBatching = DEFAULT_INTAKE_BATCHING,
    keyOf: (item: I) => string = () => '',
  ) {
    const { maxBatch, maxWaitMs, maxInFlight } = options;
    if (!(maxBatch >= 1 && maxWaitMs >= 0 && maxInFlight >= 1))
      throw new RangeError('invalid intake batching');
    this.#commit = commit;
    this.#options = options;
    this.#keyOf = keyOf;
  }

  /** Queues `item` for a batch; resolves with its result once that batch committed. */
  submit(item: I): Promise<R> {
    if (this.#closed) return Promise.reject(new IntakeClosedError('the intake is closed'));
    return new Promise<R>((resolve, reject) => {
      this.#pending.push({ item, key: this.#keyOf(item), resolve, reject });
      if (this.#running.size >= this.#options.maxInFlight) return;
      if (this.#pending.length >= this.#options.maxBatch) this.#start();
      else this.#timer ??= setTimeout(() => this.#start(), this.#options.maxWaitMs);
    });
  }

  /** Commits everything queued so far and waits until no batch is running. */
  async flush(): Promise<void> {
    this.#start();
    while (this.#running.size > 0) await Promise.all(this.#running);
  }

  /** Refuses new items, then flushes what was already queued. */
  close(): Promise<void> {
    this.#closed = true;
    return this.flush();
  }

  /** Starts batches while there is room and something runnable waits. */
  #start(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#running.size < this.#options.maxInFlight) {
      const batch = this.#take();
      if (batch.length === 0) return;
      const running: Promise<void> = this.#run(batch).finally(() => {
        this.#running.delete(running);
        for (const { key } of batch) this.#release(key);
        // What arrived during the commit goes next, without waiting: it has waited already.
        if (this.#pending.length > 0) this.#start();
      });
      this.#running.add(running);
    }
  }

  /** Takes up to maxBatch waiting items, in order, skipping keys a running batch holds. */
  #take(): Waiting<I, R>[] {
    const batch: Waiting<I, R>[] = [];
    const rest: Waiting<I, R>[] = [];
    for (const waiting of this.#pending) {
      if (batch.length < this.#options.maxBatch && !this.#busyKeys.has(waiting.key)) batch.push(waiting);
      else rest.push(waiting);
    }
    this.#pending = rest;
    for (const { key } of batch) this.#busyKeys.set(key, (this.#busyKeys.get(key) ?? 0) + 1);
    return batch;
  }

  #release(key: string): void {
    const count = (this.#busyKeys.get(key) ?? 1) - 1;
    if (count === 0) this.#busyKeys.delete(key);
    else this.#busyKeys.set(key, count);
  }

  async #run(batch: readonly Waiting<I, R>[]): Promise<void> {
    try {
      const results = await this.#commit(batch.map((waiting) => waiting.item));
      if (results.length !== batch.length)
        throw new Error('intake commit answered the wrong number of results');
      for (const [index, waiting] of batch.entries()) waiting.resolve(results[index] as R);
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }
}
