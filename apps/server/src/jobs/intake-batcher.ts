/** How the intake batcher groups accepts into one transaction. */
export interface IntakeBatching {
  /** Most accepts committed in one transaction. */
  readonly maxBatch: number;
  /** How long the first accept of an idle batcher waits for company before committing, in ms. */
  readonly maxWaitMs: number;
}

/** Defaults: at most 100 events per commit, 1 ms of waiting when idle. */
export const DEFAULT_INTAKE_BATCHING: IntakeBatching = { maxBatch: 100, maxWaitMs: 1 };

/** Commits a batch atomically and answers one result per item, in order; throws to fail them all. */
export type CommitBatch<I, R> = (items: readonly I[]) => Promise<readonly R[]>;

interface Waiting<I, R> {
  readonly item: I;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/** Thrown to accepts submitted after `close`. */
export class IntakeClosedError extends Error {
  override readonly name = 'IntakeClosedError';
}

/**
 * Group commit: collects concurrent `submit` calls and commits them together, one batch at a time,
 * so a batch's rows are committed before the next batch starts (a thread's jobs keep their order
 * across batches). A batch starts `maxWaitMs` after its first item, as soon as it holds `maxBatch`
 * items, or, while one is committing, when that commit ends. Each caller's promise settles only
 * after its batch committed (with its result) or failed (with the batch's error).
 */
export class IntakeBatcher<I, R> {
  readonly #commit: CommitBatch<I, R>;
  readonly #options: IntakeBatching;
  #pending: Waiting<I, R>[] = [];
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #closed = false;

  constructor(commit: CommitBatch<I, R>, options: IntakeBatching = DEFAULT_INTAKE_BATCHING) {
    if (!(options.maxBatch >= 1) || !(options.maxWaitMs >= 0))
      throw new RangeError('invalid intake batching');
    this.#commit = commit;
    this.#options = options;
  }

  /** Queues `item` for the next batch; resolves with its result once that batch committed. */
  submit(item: I): Promise<R> {
    if (this.#closed) return Promise.reject(new IntakeClosedError('the intake is closed'));
    return new Promise<R>((resolve, reject) => {
      this.#pending.push({ item, resolve, reject });
      if (this.#running !== undefined) return;
      if (this.#pending.length >= this.#options.maxBatch) this.#start();
      else this.#timer ??= setTimeout(() => this.#start(), this.#options.maxWaitMs);
    });
  }

  /** Commits everything queued so far and waits until no batch is running. */
  async flush(): Promise<void> {
    if (this.#running === undefined && this.#pending.length > 0) this.#start();
    while (this.#running !== undefined) await this.#running;
  }

  /** Refuses new items, then flushes what was already queued. */
  close(): Promise<void> {
    this.#closed = true;
    return this.flush();
  }

  #start(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = this.#pending.splice(0, this.#options.maxBatch);
    if (batch.length === 0) return;
    this.#running = this.#run(batch).finally(() => {
      this.#running = undefined;
      // What arrived during the commit goes next, without waiting: it has waited already.
      if (this.#pending.length > 0) this.#start();
    });
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
