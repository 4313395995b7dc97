import { IntegrationError } from '../../src/index.ts';

/** Whether an injected failure happens before the call does its work, or after (a lost answer). */
export type FailMode = 'before' | 'after';

/** Methods that are pure and synchronous by contract; they are passed through unwrapped. */
const PURE_METHODS = new Set<PropertyKey>(['ticketUrl']);

/**
 * Numbers every port call made through the wrapped adapters and fails exactly the one numbered
 * `failAt`, so a test can fail a use case at each of its steps in turn. The adapters underneath
 * are the real in-memory ones; the wrapper only counts and throws.
 */
export class StepFaults {
  readonly labels: string[] = [];
  #failAt: number | undefined;
  #mode: FailMode = 'before';

  /** Arms the failure of call number `step` (1-based) from now on. */
  failAt(step: number, mode: FailMode): void {
    this.labels.length = 0;
    this.#failAt = step;
    this.#mode = mode;
  }

  /** Disarms; calls are still counted. */
  disarm(): void {
    this.#failAt = undefined;
  }

  /** The port `target` with every async method counted and fallible. */
  wrap<T extends object>(target: T, name: string): T {
    return new Proxy(target, {
      get: (object, property) => {
        const value: unknown = Reflect.get(object, property, object);
        if (typeof value !== 'function' || PURE_METHODS.has(property)) {
          return typeof value === 'function' ? value.bind(object) : value;
        }
        return (...args: unknown[]) =>
          this.#call(`${name}.${String(property)}`, () => value.apply(object, args) as Promise<unknown>);
      },
    });
  }

  async #call(label: string, work: () => Promise<unknown>): Promise<unknown> {
    this.labels.push(label);
    if (this.labels.length !== this.#failAt) return work();
    if (this.#mode === 'after') await work();
    throw new IntegrationError('Unavailable', `injected failure at step ${this.labels.length} (${label})`);
  }
}
