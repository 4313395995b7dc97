import { describe, expect, it } from 'vitest';
import { addDays, localDayOf, startOfLocalDay } from '../src/index.ts';

describe('local days in a time zone', () => {
  it.each([
    ['UTC', '2026-06-15', '2026-06-15T00:00:00.000Z'],
    ['America/New_York', '2026-06-15', '2026-06-15T04:00:00.000Z'],
    ['America/New_York', '2026-01-15', '2026-01-15T05:00:00.000Z'],
    ['America/New_York', '2026-03-08', '2026-03-08T05:00:00.000Z'],
    ['America/New_York', '2026-03-09', '2026-03-09T04:00:00.000Z'],
    ['Europe/London', '2026-03-29', '2026-03-29T00:00:00.000Z'],
    ['Europe/London', '2026-03-30', '2026-03-29T23:00:00.000Z'],
    ['Asia/Kolkata', '2026-06-15', '2026-06-14T18:30:00.000Z'],
    ['Pacific/Auckland', '2026-06-15', '2026-06-14T12:00:00.000Z'],
  ])('in %s, %s starts at %s', (zone, day, expected) => {
    expect(startOfLocalDay(day, zone).toISOString()).toBe(expected);
    expect(localDayOf(startOfLocalDay(day, zone), zone)).toBe(day);
  });

  it('names the local day of an instant', () => {
    const lateEvening = new Date('2026-06-15T23:30:00Z');
    expect(localDayOf(lateEvening, 'UTC')).toBe('2026-06-15');
    expect(localDayOf(lateEvening, 'America/New_York')).toBe('2026-06-15');
    expect(localDayOf(lateEvening, 'Europe/London')).toBe('2026-06-16');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
