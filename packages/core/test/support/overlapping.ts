import type { FaultInjector } from '@zenslackchat/adapters-memory';
import { CoreError, isRetryable } from '../../src/index.ts';

/** True for the errors a job is retried on while other work on the same thing is under way. */
function isBusy(error: unknown): boolean {
  return error instanceof CoreError && error.code === 'delivery.busy' && isRetryable(error);
}

/**
 * Runs `run` twice at once (a job re-dispatched while its first run still runs), then runs each
 * run that was refused as busy again once the others are done, as the job layer would retry it.
 * Returns every run's final result.
 */
export async function overlapping<T>(run: () => Promise<T>, times = 2): Promise<T[]> {
  const settled = await Promise.allSettled(Array.from({ length: times }, run));
  const results: T[] = [];
  for (const outcome of settled) {
    if (outcome.status === 'fulfilled') results.push(outcome.value);
    else if (isBusy(outcome.reason)) results.push(await run());
    else throw outcome.reason;
  }
  return results;
}

/** What `whileHeld` saw: the first run's result, the overlapping run's refusal, its retry's result. */
export interface HeldRuns<T> {
  readonly first: T;
  readonly refusal: unknown;
  readonly retried: T;
}

/**
 * Starts `run`, and while its `method` call (on the port owning `faults`) has done its work but
 * not answered yet, runs `run` again: that overlapping run must be refused as busy. Then lets the
 * first finish and retries the refused one.
 */
export async function whileHeld<T>(faults: FaultInjector, method: string, run: () => Promise<T>) {
  const held = faults.holdNext(method);
  const first = run();
  await held.reached;
  const refusal = await run().then(
    () => new Error('the overlapping run acted'),
    (error: unknown) => error,
  );
  held.release();
  const result: HeldRuns<T> = { first: await first, refusal, retried: await run() };
  return result;
}

/** Asserts-friendly: whether `whileHeld`'s overlapping run was refused as busy. */
export function wasBusy(refusal: unknown): boolean {
  return isBusy(refusal);
}
