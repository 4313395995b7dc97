import { afterEach, beforeEach, expect } from 'vitest';
import { type IntegrationError, type IntegrationReason, isIntegrationError } from '../errors.ts';
import type { Closable, FaultKind, HarnessFactory } from './harness.ts';

/** Builds a fresh harness before each test and closes it after; returns a getter for it. */
export function useHarness<H extends Closable>(factory: HarnessFactory<H>): () => H {
  let current: H | undefined;
  beforeEach(async () => {
    current = await factory();
  });
  afterEach(async () => {
    const harness = current;
    current = undefined;
    await harness?.close?.();
  });
  return () => {
    if (current === undefined) throw new Error('harness used outside a test');
    return current;
  };
}

/** Awaits `promise`, asserts it rejected with an IntegrationError of `reason`, and returns it. */
export async function expectIntegrationError(
  promise: Promise<unknown>,
  reason: IntegrationReason,
): Promise<IntegrationError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected an IntegrationError(${reason})`).toBeDefined();
  expect(isIntegrationError(caught), `expected an IntegrationError, got ${String(caught)}`).toBe(true);
  const error = caught as IntegrationError;
  expect(error.reason).toBe(reason);
  return error;
}

/** What each injected fault must surface as. */
export interface FaultCase {
  readonly kind: FaultKind;
  readonly reason: IntegrationReason;
  readonly retryable: boolean;
}

/** The fault → error mapping every adapter must implement. */
export const FAULT_CASES: readonly FaultCase[] = [
  { kind: 'rate-limited', reason: 'RateLimited', retryable: true },
  { kind: 'unavailable', reason: 'Unavailable', retryable: true },
  { kind: 'unauthorized', reason: 'Unauthorized', retryable: false },
  { kind: 'timeout', reason: 'Unavailable', retryable: true },
];

/** The case of one fault kind. */
export function faultCase(kind: FaultKind): FaultCase {
  const found = FAULT_CASES.find((c) => c.kind === kind);
  if (found === undefined) throw new Error(`no fault case for ${kind}`);
  return found;
}

/** The Retry-After the suites inject; whole seconds, as vendors send them. */
export const INJECTED_RETRY_AFTER_MS = 2000;

/** Asserts one injected fault surfaced as the mapped error (rate limits carry the wait). */
export async function expectFault(promise: Promise<unknown>, fault: FaultCase): Promise<void> {
  const error = await expectIntegrationError(promise, fault.reason);
  expect(error.retryable).toBe(fault.retryable);
  if (fault.kind === 'rate-limited') expect(error.retryAfterMs).toBe(INJECTED_RETRY_AFTER_MS);
}
