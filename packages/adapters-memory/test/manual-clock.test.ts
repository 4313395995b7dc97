import { describe, expect, it } from 'vitest';
import { ManualClock } from '../src/index.ts';

describe('ManualClock', () => {
  it('stands still until set or advanced', () => {
    const clock = new ManualClock(new Date('2026-11-02T09:00:00.000Z'));
    expect(clock.now()).toEqual(new Date('2026-11-02T09:00:00.000Z'));
    clock.advance(90_000);
    expect(clock.now()).toEqual(new Date('2026-11-02T09:01:30.000Z'));
    clock.set(new Date('2026-01-01T00:00:00.000Z'));
    expect(clock.now()).toEqual(new Date('2026-01-01T00:00:00.000Z'));
  });

  it('hands out fresh Dates, so callers cannot move it by mutation', () => {
    const start = new Date('2026-11-02T09:00:00.000Z');
    const clock = new ManualClock(start);
    start.setFullYear(2000);
    clock.now().setFullYear(1999);
    expect(clock.now().getUTCFullYear()).toBe(2026);
  });
});
