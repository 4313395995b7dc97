/** Counts port calls per method, for tests that assert how much work an operation cost. */
export class CallCounter {
  readonly #counts = new Map<string, number>();

  /** Records one call of `method`. */
  count(method: string): void {
    this.#counts.set(method, (this.#counts.get(method) ?? 0) + 1);
  }

  /** Calls of `method` so far, or of every method when absent. */
  total(method?: string): number {
    if (method !== undefined) return this.#counts.get(method) ?? 0;
    let sum = 0;
    for (const n of this.#counts.values()) sum += n;
    return sum;
  }
}
