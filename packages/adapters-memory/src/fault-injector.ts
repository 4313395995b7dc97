import { IntegrationError } from '@zenslackchat/core';
import type { FaultKind, FaultOptions } from '@zenslackchat/core/testing';
import { type HeldAnswer, HeldAnswers, yieldToEventLoop } from './held-answers.ts';

/** FaultOptions plus a method filter, so a test can fail e.g. only the next `postMessage`. */
export interface MemoryFaultOptions extends FaultOptions {
  /** Only calls of this port method fail (and count); any method when absent. */
  readonly method?: string;
}

export interface FaultInjectorOptions {
  /** Integration name put on the errors, e.g. `memory-chat`. */
  readonly integration: string;
  /**
   * When true a `timeout` fault lets the call take effect and then throws, as a real timeout
   * loses the answer, not the request. When false nothing happens (a rolled-back statement).
   */
  readonly timeoutAfterWork: boolean;
}

interface PendingFault {
  readonly kind: FaultKind;
  readonly retryAfterMs: number;
  readonly method: string | undefined;
  remaining: number;
}

/** Queues failures that the next port calls throw as the matching IntegrationError. */
export class FaultInjector {
  readonly #options: FaultInjectorOptions;
  readonly #pending: PendingFault[] = [];
  readonly #held = new HeldAnswers();

  constructor(options: FaultInjectorOptions) {
    this.#options = options;
  }

  /** Makes the next `count` (default 1) calls fail with `kind`; queued faults apply in order. */
  failNext(kind: FaultKind, options: MemoryFaultOptions = {}): void {
    const count = options.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be a positive integer');
    this.#pending.push({
      kind,
      retryAfterMs: options.retryAfterMs ?? 1000,
      method: options.method,
      remaining: count,
    });
  }

  /** How many injected failures are still waiting. */
  pending(): number {
    return this.#pending.reduce((sum, fault) => sum + fault.remaining, 0);
  }

  /** Drops every queued failure. */
  clear(): void {
    this.#pending.length = 0;
  }

  /** Holds the answer of the next `method` call after its work is done, until released. */
  holdNext(method: string): HeldAnswer {
    return this.#held.holdNext(method);
  }

  /**
   * Runs one port call, throwing instead when a fault is due for `method`. Yields a macrotask
   * before and after the work, so no caller can rely on a call finishing synchronously.
   */
  async run<T>(method: string, work: () => T | Promise<T>): Promise<T> {
    await yieldToEventLoop();
    const fault = this.#take(method);
    if (fault !== undefined && !(fault.kind === 'timeout' && this.#options.timeoutAfterWork)) {
      throw this.#error(fault, method);
    }
    const result = await work();
    await this.#held.wait(method);
    await yieldToEventLoop();
    if (fault !== undefined) throw this.#error(fault, method);
    return result;
  }

  #take(method: string): PendingFault | undefined {
    const index = this.#pending.findIndex((f) => f.method === undefined || f.method === method);
    const fault = this.#pending[index];
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.#pending.splice(index, 1);
    return fault;
  }

  #error(fault: PendingFault, method: string): IntegrationError {
    const integration = this.#options.integration;
    const where = `${integration} ${method}`;
    switch (fault.kind) {
      case 'rate-limited':
        return new IntegrationError('RateLimited', `${where}: rate limited (injected)`, {
          integration,
          retryAfterMs: fault.retryAfterMs,
        });
      case 'unavailable':
        return new IntegrationError('Unavailable', `${where}: unavailable (injected)`, { integration });
      case 'unauthorized':
        return new IntegrationError('Unauthorized', `${where}: unauthorized (injected)`, { integration });
      case 'timeout':
        return new IntegrationError('Unavailable', `${where}: timed out (injected)`, { integration });
    }
  }
}
