/** Where the core gets the time from, so retries, replay windows and "yesterday" are testable. */
export interface Clock {
  /** The current instant. */
  now(): Date;
}
export const Clock = Symbol.for('zenslackchat.Clock');

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };
