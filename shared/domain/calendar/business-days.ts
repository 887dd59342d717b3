/**
 * Business-day arithmetic over the NYSE and Federal Reserve calendars. `NYSE+FED` is the
 * stricter reading: a day on which the exchange and the Reserve Banks are both open.
 */
import { addCalendarDays, dayNumber, weekday } from '../time';
import { holidaysOf, type Holiday, type HolidayCalendar } from './holidays';

export type CalendarName = 'NYSE' | 'FED' | 'NYSE+FED';
export const CALENDAR_NAMES: readonly CalendarName[] = ['NYSE', 'FED', 'NYSE+FED'];

const dateIndex = new Map<string, ReadonlyMap<string, Holiday>>();

function holidayMap(year: number, calendar: HolidayCalendar): ReadonlyMap<string, Holiday> {
  const key = `${calendar}:${year}`;
  let map = dateIndex.get(key);
  if (!map) {
    map = new Map(holidaysOf(year, calendar).map((h) => [h.date, h]));
    dateIndex.set(key, map);
  }
  return map;
}

function parts(calendar: CalendarName): readonly HolidayCalendar[] {
  return calendar === 'NYSE+FED' ? ['NYSE', 'FED'] : [calendar];
}

/** The holiday or closure that shuts the calendar on a date, if any (weekends are not holidays). */
export function holidayOn(date: string, calendar: CalendarName): Holiday | undefined {
  dayNumber(date); // validates the date
  const year = Number.parseInt(date.slice(0, 4), 10);
  for (const c of parts(calendar)) {
    const h = holidayMap(year, c).get(date);
    if (h) return h;
  }
  return undefined;
}

export function isWeekend(date: string): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

/** A weekday that is not a holiday or closure of the calendar. */
export function isBusinessDay(date: string, calendar: CalendarName): boolean {
  return !isWeekend(date) && holidayOn(date, calendar) === undefined;
}

/**
 * Moves by business days: n > 0 gives the n-th business day after `date`; n < 0 the |n|-th
 * business day before it; n = 0 gives `date` itself. `date` need not be a business day.
 */
export function addBusinessDays(date: string, n: number, calendar: CalendarName): string {
  if (!Number.isInteger(n)) throw new RangeError(`business days must be a whole number, got ${n}`);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let d = date;
  dayNumber(d);
  while (remaining > 0) {
    d = addCalendarDays(d, step);
    if (isBusinessDay(d, calendar)) remaining -= 1;
  }
  return d;
}

/** The n-th business day after `date` (n ≥ 1): the 1st is the next business day. */
export function nthBusinessDayAfter(date: string, n: number, calendar: CalendarName): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a whole number ≥ 1, got ${n}`);
  return addBusinessDays(date, n, calendar);
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: string, calendar: CalendarName): string {
  return addBusinessDays(date, 1, calendar);
}

/** The last business day strictly before `date`. */
export function previousBusinessDay(date: string, calendar: CalendarName): string {
  return addBusinessDays(date, -1, calendar);
}

/** `date` if it is a business day, else the next one. */
export function onOrNextBusinessDay(date: string, calendar: CalendarName): string {
  return isBusinessDay(date, calendar) ? date : nextBusinessDay(date, calendar);
}

/**
 * Signed count of business days from `from` to `to`: #{d : from < d ≤ to} going forward, and
 * −#{d : to ≤ d < from} going back, so that businessDaysBetween(x, addBusinessDays(x, n)) = n.
 */
export function businessDaysBetween(from: string, to: string, calendar: CalendarName): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  let count = 0;
  if (b >= a) {
    let d = from;
    for (let i = a; i < b; i++) {
      d = addCalendarDays(d, 1);
      if (isBusinessDay(d, calendar)) count += 1;
    }
    return count;
  }
  let d = to;
  for (let i = b; i < a; i++) {
    if (isBusinessDay(d, calendar)) count += 1;
    d = addCalendarDays(d, 1);
  }
  return count === 0 ? 0 : -count;
}

/** All holidays and closures of a calendar in a year (for `NYSE+FED`, the union, by date). */
export function holidays(year: number, calendar: CalendarName): readonly Holiday[] {
  if (calendar !== 'NYSE+FED') return holidaysOf(year, calendar);
  const byDate = new Map<string, Holiday>();
  for (const h of [...holidaysOf(year, 'NYSE'), ...holidaysOf(year, 'FED')]) if (!byDate.has(h.date)) byDate.set(h.date, h);
  return [...byDate.values()].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}
