import { CoreError } from './errors.ts';

/**
 * Not a failure: the run has to wait (e.g. its channel's posting slots are taken) and should run
 * again after `retryAfterMs`, without spending one of its retries.
 */
export class DeferredError extends CoreError {
  readonly retryAfterMs: number;

  constructor(message: string, retryAfterMs: number, code = 'run.deferred') {
    super(code, message);
    this.retryAfterMs = retryAfterMs;
  }
}

/** Shortest wait before a busy delivery is tried again, however soon its lease ends. */
const MIN_BUSY_WAIT_MS = 1000;
/**
 * Longest: a live run usually finishes (and gives its lease back) long before its lease would
 * end, so a busy delivery looks again within this rather than waiting out the whole lease.
 */
const MAX_BUSY_WAIT_MS = 5000;

/**
 * Another run holds the lease of this side effect and may be performing it right now, so this
 * run must not act. A deferral, not a failure: it runs again when that lease ends or within 5 s,
 * whichever is sooner (a later run finds the work done, or takes it over from a run that died),
 * without spending a retry, so a crashed process's leases never push its jobs down the retry
 * backoff.
 */
export class DeliveryBusyError extends DeferredError {
  readonly key: string;
  /** When the other run's lease ends, if known. */
  readonly leaseUntil: Date | null;

  constructor(key: string, leaseUntil: Date | null, now: Date) {
    const wait = leaseUntil === null ? MIN_BUSY_WAIT_MS : leaseUntil.getTime() - now.getTime();
    super(
      `delivery ${key} is being performed by another run`,
      Math.min(MAX_BUSY_WAIT_MS, Math.max(MIN_BUSY_WAIT_MS, wait)),
      'delivery.busy',
    );
    this.key = key;
    this.leaseUntil = leaseUntil;
  }
}

/** True when `error` is a DeferredError (also across duplicated package copies). */
export function isDeferred(error: unknown): error is DeferredError {
  return (
    error instanceof DeferredError ||
    (error instanceof CoreError &&
      (error.code === 'run.deferred' || error.code === 'delivery.busy') &&
      typeof (error as Partial<DeferredError>).retryAfterMs === 'number')
  );
}
