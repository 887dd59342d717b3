/**
 * Wall-clock time in a named zone (America/New_York by default) ↔ UTC instants, across
 * daylight-saving changes, with no library: the zone rules come from Intl.DateTimeFormat,
 * which Node and Chromium both carry.
 *
 * Formats: a date is `YYYY-MM-DD`; a wall time is `YYYY-MM-DDTHH:mm` (minutes, 24-hour clock);
 * an instant is milliseconds since the epoch (UTC), shown as ISO-8601 with `Z`.
 */

export const NEW_YORK = 'America/New_York';

export const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
export const WALL_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

export class TimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimeError';
  }
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar date written `YYYY-MM-DD` (no 2023-02-29), years 1000–9999. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE_PATTERN.exec(s);
  if (!m) return false;
  const y = Number.parseInt(m[1]!, 10);
  const mo = Number.parseInt(m[2]!, 10);
  const d = Number.parseInt(m[3]!, 10);
  return y >= 1000 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** The wall time read as if it were UTC ("naive" milliseconds), or NaN if it is not a valid wall time. */
function parseNaive(s: string): number {
  const m = WALL_TIME_PATTERN.exec(s);
  if (!m) return Number.NaN;
  const y = +m[1]!;
  const mo = +m[2]!;
  const d = +m[3]!;
  const h = +m[4]!;
  const mi = +m[5]!;
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59) return Number.NaN;
  if (d > 28 && d > daysInMonth(y, mo)) return Number.NaN;
  return Date.UTC(y, mo - 1, d, h, mi);
}

/** True for a well-formed wall time `YYYY-MM-DDTHH:mm` on a real date, 00:00–23:59. */
export function isWallTime(s: unknown): s is string {
  return typeof s === 'string' && !Number.isNaN(parseNaive(s));
}

/** The wall time read as if it were UTC: a "naive" millisecond count, used as a sortable key. */
export function naiveMillis(wall: string): number {
  const t = parseNaive(wall);
  if (Number.isNaN(t)) throw new TimeError(`not a wall time (YYYY-MM-DDTHH:mm): ${JSON.stringify(wall)}`);
  return t;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatNaive(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows the IANA zone name. */
export function isTimeZone(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0) return false;
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

/** Offset of the zone from UTC at an instant, in milliseconds (New York in winter: −5 h). */
export function offsetAt(instant: number, timeZone: string = NEW_YORK): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  let bc = false;
  for (const p of parts) {
    switch (p.type) {
      case 'year': y = Number.parseInt(p.value, 10); break;
      case 'month': mo = Number.parseInt(p.value, 10); break;
      case 'day': d = Number.parseInt(p.value, 10); break;
      case 'hour': h = Number.parseInt(p.value, 10); break;
      case 'minute': mi = Number.parseInt(p.value, 10); break;
      case 'second': s = Number.parseInt(p.value, 10); break;
      case 'era': bc = p.value === 'BC' || p.value === 'B'; break;
      default: break;
    }
  }
  if (bc) y = 1 - y;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const whole = instant - (((instant % 1000) + 1000) % 1000);
  return asUtc - whole;
}

/** The wall time (`YYYY-MM-DDTHH:mm`) in the zone at an instant; seconds are dropped. */
export function instantToWallTime(instant: number, timeZone: string = NEW_YORK): string {
  return formatNaive(instant + offsetAt(instant, timeZone));
}

/** How a wall time maps to instants: once, twice (clocks fall back), or never (clocks spring forward). */
export type WallTimeResolution =
  | { readonly kind: 'unique'; readonly instant: number }
  | { readonly kind: 'ambiguous'; readonly earlier: number; readonly later: number }
  | { readonly kind: 'nonexistent' };

/**
 * Resolves a wall time in a zone. The candidates are the offsets a day before and a day after:
 * every real zone changes its offset at most once in any 48 hours.
 */
export function resolveWallTime(wall: string, timeZone: string = NEW_YORK): WallTimeResolution {
  const naive = naiveMillis(wall);
  const before = offsetAt(naive - MS_PER_DAY, timeZone);
  const after = offsetAt(naive + MS_PER_DAY, timeZone);
  const candidates = before === after ? [naive - before] : [naive - before, naive - after];
  const valid = candidates.filter((t) => t + offsetAt(t, timeZone) === naive);
  const unique = [...new Set(valid)].sort((a, b) => a - b);
  if (unique.length === 0) return { kind: 'nonexistent' };
  if (unique.length === 1) return { kind: 'unique', instant: unique[0]! };
  return { kind: 'ambiguous', earlier: unique[0]!, later: unique[unique.length - 1]! };
}

/**
 * The instant of a wall time in the zone. A time that occurs twice (the hour repeated when
 * clocks fall back) is taken at its first occurrence; a time that never occurs (the hour
 * skipped when clocks spring forward) is refused: no envelope can be stamped with it.
 */
export function wallTimeToInstant(wall: string, timeZone: string = NEW_YORK): number {
  const r = resolveWallTime(wall, timeZone);
  if (r.kind === 'nonexistent') {
    throw new TimeError(`${wall} does not exist in ${timeZone} (clocks move forward that night)`);
  }
  return r.kind === 'unique' ? r.instant : r.earlier;
}

/** ISO-8601 UTC text of an instant ("2003-12-08T22:00:00.000Z"). */
export function toUtcIso(instant: number): string {
  return new Date(instant).toISOString();
}

/**
 * Converts many wall times of one zone quickly: a date far from any offset change maps with
 * one cached offset; only dates next to a change go through the full resolution.
 */
export class WallClock {
  private readonly dayOffset = new Map<string, number | null>();

  constructor(readonly timeZone: string = NEW_YORK) {
    if (!isTimeZone(timeZone)) throw new TimeError(`unknown time zone: ${JSON.stringify(timeZone)}`);
  }

  /** The instant of a wall time, or null if it never occurs in the zone (or is malformed). */
  tryInstant(wall: string): number | null {
    const naive = parseNaive(wall);
    if (Number.isNaN(naive)) return null;
    const date = wall.slice(0, 10);
    let offset = this.dayOffset.get(date);
    if (offset === undefined) {
      const midnight = naive - (naive % MS_PER_DAY + MS_PER_DAY) % MS_PER_DAY;
      const a = offsetAt(midnight - 2 * MS_PER_DAY, this.timeZone);
      const b = offsetAt(midnight + 3 * MS_PER_DAY, this.timeZone);
      const c = offsetAt(midnight + MS_PER_DAY / 2, this.timeZone);
      offset = a === b && b === c ? a : null;
      this.dayOffset.set(date, offset);
    }
    if (offset !== null) return naive - offset;
    const r = resolveWallTime(wall, this.timeZone);
    if (r.kind === 'nonexistent') return null;
    return r.kind === 'unique' ? r.instant : r.earlier;
  }

  instant(wall: string): number {
    const t = this.tryInstant(wall);
    if (t === null) {
      if (!isWallTime(wall)) throw new TimeError(`not a wall time (YYYY-MM-DDTHH:mm): ${JSON.stringify(wall)}`);
      throw new TimeError(`${wall} does not exist in ${this.timeZone} (clocks move forward that night)`);
    }
    return t;
  }
}

// ---------------------------------------------------------------------------------------------
// Calendar dates as day numbers (days since 1970-01-01), for date arithmetic without time zones.

/** Day number of an ISO date (1970-01-01 ⇒ 0). */
export function dayNumber(date: string): number {
  if (!isIsoDate(date)) throw new TimeError(`not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / MS_PER_DAY;
}

/** ISO date of a day number. */
export function fromDayNumber(day: number): string {
  const d = new Date(day * MS_PER_DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The date `n` calendar days after (or before, for negative `n`) the given date. */
export function addCalendarDays(date: string, n: number): string {
  return fromDayNumber(dayNumber(date) + n);
}

/** Day of the week: 0 Sunday … 6 Saturday. */
export function weekday(date: string): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export const MINUTE = MS_PER_MINUTE;
