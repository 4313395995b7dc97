/** A FIFO mutex: `run` waits for every earlier holder to finish. */
export class AsyncLock {
  #tail: Promise<void> = Promise.resolve();

  /** Runs `work` alone; the lock is released when it settles either way. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const previous = this.#tail;
    let release!: () => void;
    this.#tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    try {
      return await work();
    } finally {
      release();
    }
  }
}
