import type { Clock } from '@zenslackchat/core';

/** A Clock that only moves when told to, for tests of retries, replay windows and reports. */
export class ManualClock implements Clock {
  #ms: number;

  constructor(start: Date) {
    this.#ms = start.getTime();
  }

  /** The current instant (a fresh Date each call). */
  now(): Date {
    return new Date(this.#ms);
  }

  /** Jumps to `date`, forwards or backwards. */
  set(date: Date): void {
    this.#ms = date.getTime();
  }

  /** Moves forward by `ms` (backwards when negative). */
  advance(ms: number): void {
    this.#ms += ms;
  }
}
