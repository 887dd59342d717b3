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

/** True for a real calendar date written `YYYY-MM-DD` (no 2023-02-29), years 1000–9999. */
export function isIsoDate(s: unknown): s is string {
  return typeof s === 'string' && s.length === 10 && !Number.isNaN(parseDay(s));
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function digitsAt(s: string, at: number, count: number): number {
  let v = 0;
  for (let k = at; k < at + count; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Day number of `YYYY-MM-DD` at the start of `s`, or NaN (no regex, no Date: this runs a million times). */
function parseDay(s: string): number {
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return Number.NaN;
  const y = digitsAt(s, 0, 4);
  const mo = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return Number.NaN;
  if (d > MONTH_DAYS[mo]! && !(mo === 2 && d === 29 && isLeap(y))) return Number.NaN;
  return daysFromCivil(y, mo, d);
}

/** The wall time read as if it were UTC ("naive" milliseconds), or NaN if it is not a valid wall time. */
function parseNaive(s: string): number {
  if (s.length !== 16 || s.charCodeAt(10) !== 84 /* T */ || s.charCodeAt(13) !== 58 /* : */) return Number.NaN;
  const day = parseDay(s);
  const h = digitsAt(s, 11, 2);
  const mi = digitsAt(s, 14, 2);
  if (Number.isNaN(day) || h < 0 || h > 23 || mi < 0 || mi > 59) return Number.NaN;
  return day * MS_PER_DAY + (h * 60 + mi) * MS_PER_MINUTE;
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
  // A pure function of its text, asked again and again for the same stamps and cutoffs (every
  // election of a program is judged against one expiration): remembered, within a bound.
  const key = `${timeZone}|${wall}`;
  const known = resolved.get(key);
  if (known !== undefined) return known;
  const r = resolveWallTime(wall, timeZone);
  if (r.kind === 'nonexistent') {
    throw new TimeError(`${wall} does not exist in ${timeZone} (clocks move forward that night)`);
  }
  const instant = r.kind === 'unique' ? r.instant : r.earlier;
  if (resolved.size >= RESOLVED_MAX) resolved.clear();
  resolved.set(key, instant);
  return instant;
}

/** Wall times already resolved (zone|wall → instant): a few thousand distinct stamps cover a program. */
const resolved = new Map<string, number>();
const RESOLVED_MAX = 20_000;

/** ISO-8601 UTC text of an instant ("2003-12-08T22:00:00.000Z"). */
export function toUtcIso(instant: number): string {
  return new Date(instant).toISOString();
}

/**
 * Converts many wall times of one zone quickly: a date far from any offset change maps with
 * one cached offset; only dates next to a change go through the full resolution.
 */
export class WallClock {
  private readonly dayOffset = new Map<number, number | null>();

  constructor(readonly timeZone: string = NEW_YORK) {
    if (!isTimeZone(timeZone)) throw new TimeError(`unknown time zone: ${JSON.stringify(timeZone)}`);
  }

  /** The instant of a wall time, or null if it never occurs in the zone (or is malformed). */
  tryInstant(wall: string): number | null {
    const naive = parseNaive(wall);
    if (Number.isNaN(naive)) return null;
    const day = Math.floor(naive / MS_PER_DAY);
    let offset = this.dayOffset.get(day);
    if (offset === undefined) {
      const midnight = day * MS_PER_DAY;
      const a = offsetAt(midnight - 2 * MS_PER_DAY, this.timeZone);
      const b = offsetAt(midnight + 3 * MS_PER_DAY, this.timeZone);
      const c = offsetAt(midnight + MS_PER_DAY / 2, this.timeZone);
      offset = a === b && b === c ? a : null;
      this.dayOffset.set(day, offset);
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
  const day = typeof date === 'string' && date.length === 10 ? parseDay(date) : Number.NaN;
  if (Number.isNaN(day)) throw new TimeError(`not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return day;
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
