import { CoreError } from './errors.ts';

/**
 * Not a failure: the run has to wait (e.g. its channel's posting slots are taken) and should run
 * again after `retryAfterMs`, without spending one of its retries.
 */
export class DeferredError extends CoreError {
  readonly retryAfterMs: number;

  constructor(message: string, retryAfterMs: number) {
    super('run.deferred', message);
    this.retryAfterMs = retryAfterMs;
  }
}

/** True when `error` is a DeferredError (also across duplicated package copies). */
export function isDeferred(error: unknown): error is DeferredError {
  return (
    error instanceof DeferredError ||
    (error instanceof CoreError &&
      error.code === 'run.deferred' &&
      typeof (error as Partial<DeferredError>).retryAfterMs === 'number')
  );
}
