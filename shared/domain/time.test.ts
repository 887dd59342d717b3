import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  NEW_YORK,
  WallClock,
  addCalendarDays,
  dayNumber,
  fromDayNumber,
  instantToWallTime,
  isIsoDate,
  isTimeZone,
  isWallTime,
  resolveWallTime,
  toUtcIso,
  wallTimeToInstant,
  weekday,
} from './time';

const utc = (iso: string) => Date.parse(iso);

describe('§5a 5:00 p.m. New York City time across daylight saving', () => {
  it('March: before the change 17:00 is EST (22:00Z), after it EDT (21:00Z)', () => {
    expect(toUtcIso(wallTimeToInstant('2024-03-08T17:00'))).toBe('2024-03-08T22:00:00.000Z');
    expect(toUtcIso(wallTimeToInstant('2024-03-11T17:00'))).toBe('2024-03-11T21:00:00.000Z');
    // 2004 rules: DST began on the first Sunday of April.
    expect(toUtcIso(wallTimeToInstant('2004-03-05T17:00'))).toBe('2004-03-05T22:00:00.000Z');
  });
  it('November: before the change 17:00 is EDT (21:00Z), after it EST (22:00Z)', () => {
    expect(toUtcIso(wallTimeToInstant('2024-11-01T17:00'))).toBe('2024-11-01T21:00:00.000Z');
    expect(toUtcIso(wallTimeToInstant('2024-11-04T17:00'))).toBe('2024-11-04T22:00:00.000Z');
  });
  it('March cutoff: received 16:59 is on time, 17:01 is late, 17:00 exactly is on time', () => {
    const cutoff = wallTimeToInstant('2024-03-11T17:00');
    expect(wallTimeToInstant('2024-03-11T16:59') <= cutoff).toBe(true);
    expect(wallTimeToInstant('2024-03-11T17:00') <= cutoff).toBe(true);
    expect(wallTimeToInstant('2024-03-11T17:01') > cutoff).toBe(true);
  });
  it('November cutoff: received 16:59 is on time, 17:01 is late', () => {
    const cutoff = wallTimeToInstant('2024-11-04T17:00');
    expect(wallTimeToInstant('2024-11-04T16:59') <= cutoff).toBe(true);
    expect(wallTimeToInstant('2024-11-04T17:01') > cutoff).toBe(true);
    expect(wallTimeToInstant('2024-11-04T17:01') - cutoff).toBe(60_000);
  });
  it('the skipped hour does not exist; the repeated hour resolves to its first occurrence', () => {
    expect(resolveWallTime('2024-03-10T02:30', NEW_YORK)).toEqual({ kind: 'nonexistent' });
    expect(() => wallTimeToInstant('2024-03-10T02:30')).toThrow(/does not exist/);
    const r = resolveWallTime('2024-11-03T01:30', NEW_YORK);
    expect(r).toEqual({ kind: 'ambiguous', earlier: utc('2024-11-03T05:30:00Z'), later: utc('2024-11-03T06:30:00Z') });
    expect(wallTimeToInstant('2024-11-03T01:30')).toBe(utc('2024-11-03T05:30:00Z'));
  });
  it('instantToWallTime gives the New York wall clock', () => {
    expect(instantToWallTime(utc('2003-12-08T22:00:00Z'))).toBe('2003-12-08T17:00');
    expect(instantToWallTime(utc('2024-07-01T21:00:00Z'))).toBe('2024-07-01T17:00');
  });
  it('WallClock (the fast path) agrees with the full resolution on every minute around both 2024 changes', () => {
    const clock = new WallClock(NEW_YORK);
    for (const day of ['2024-03-09', '2024-03-10', '2024-03-11', '2024-11-02', '2024-11-03', '2024-11-04']) {
      for (let m = 0; m < 24 * 60; m += 7) {
        const wall = `${day}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        const r = resolveWallTime(wall, NEW_YORK);
        const expected = r.kind === 'nonexistent' ? null : r.kind === 'unique' ? r.instant : r.earlier;
        expect(clock.tryInstant(wall)).toBe(expected);
      }
    }
  });
  it('property: wall → instant → wall round-trips for any existing New York minute (3,000 runs)', () => {
    const clock = new WallClock(NEW_YORK);
    fc.assert(
      fc.property(fc.integer({ min: utc('1990-01-01T00:00:00Z') / 60000, max: utc('2060-01-01T00:00:00Z') / 60000 }), (minute) => {
        const instant = minute * 60000;
        const wall = instantToWallTime(instant);
        expect(isWallTime(wall)).toBe(true);
        // The repeated hour maps back to its first occurrence, within one hour of the original.
        const back = clock.instant(wall);
        expect(back === instant || back === instant - 3_600_000).toBe(true);
        expect(instantToWallTime(back)).toBe(wall);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('time: formats', () => {
  it('wall times are YYYY-MM-DDTHH:mm on real dates only', () => {
    expect(isWallTime('2003-12-08T17:00')).toBe(true);
    for (const bad of ['2003-12-08 17:00', '2003-12-08T17:00:00', '2003-02-29T10:00', '2003-12-08T24:00', '2003-12-08T7:00', '2003-12-08T17:60', '']) {
      expect(isWallTime(bad), bad).toBe(false);
    }
    expect(isIsoDate('2004-02-29')).toBe(true);
    expect(isIsoDate('2003-02-29')).toBe(false);
  });
  it('time zones are checked against the runtime', () => {
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(() => new WallClock('Nowhere/Else')).toThrow(/unknown time zone/);
  });
  it('day numbers and weekdays', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(dayNumber('2003-12-08'))).toBe('2003-12-08');
    expect(weekday('2003-12-08')).toBe(1);
    expect(weekday('2003-12-06')).toBe(6);
    expect(addCalendarDays('2003-11-07', 29)).toBe('2003-12-06');
  });
});
