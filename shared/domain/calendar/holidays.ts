/**
 * Holiday rules of the two calendars a rights agent lives by:
 * - NYSE: when closing prices exist. Closed on Good Friday. A holiday on Sunday is observed on
 *   Monday; on Saturday, on the Friday before — except New Year's Day, which is then not
 *   observed at all (the Friday is the last trading day of the year). Unscheduled closures
 *   (storms, days of national mourning) are listed by date.
 * - FED (Federal Reserve Banks): when checks clear and wires are collected. Closed on Columbus
 *   Day and Veterans Day, open on Good Friday. A holiday on Sunday is observed on Monday; a
 *   holiday on Saturday is not observed (the Banks are open the Friday before). The Banks
 *   stayed open on the days of national mourning and through the storms that shut the NYSE,
 *   so no unscheduled closures are listed.
 * Both: Juneteenth from 2022. Rules cover 1980–2199; other years are refused.
 */
import { addCalendarDays, weekday } from '../time';

export type HolidayCalendar = 'NYSE' | 'FED';

export interface Holiday {
  readonly date: string;
  readonly name: string;
  /** The holiday's own date fell on a weekend; this is the weekday it is observed on. */
  readonly observed: boolean;
  /** An unscheduled closure (storm, day of mourning, emergency). */
  readonly special: boolean;
}

export const FIRST_CALENDAR_YEAR = 1980;
export const LAST_CALENDAR_YEAR = 2199;

/** NYSE closures outside the holiday rules. */
export const NYSE_SPECIAL_CLOSURES: readonly { readonly date: string; readonly name: string }[] = [
  { date: '1985-09-27', name: 'Hurricane Gloria' },
  { date: '1994-04-27', name: 'National day of mourning for President Nixon' },
  { date: '2001-09-11', name: 'September 11 attacks' },
  { date: '2001-09-12', name: 'September 11 attacks' },
  { date: '2001-09-13', name: 'September 11 attacks' },
  { date: '2001-09-14', name: 'September 11 attacks' },
  { date: '2004-06-11', name: 'National day of mourning for President Reagan' },
  { date: '2007-01-02', name: 'National day of mourning for President Ford' },
  { date: '2012-10-29', name: 'Hurricane Sandy' },
  { date: '2012-10-30', name: 'Hurricane Sandy' },
  { date: '2018-12-05', name: 'National day of mourning for President George H. W. Bush' },
  { date: '2025-01-09', name: 'National day of mourning for President Carter' },
];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function ymd(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The n-th given weekday (0 Sunday … 6 Saturday) of a month; n = -1 for the last. */
export function nthWeekdayOfMonth(year: number, month: number, dow: number, n: number): string {
  if (n > 0) {
    const first = ymd(year, month, 1);
    const shift = (dow - weekday(first) + 7) % 7;
    return addCalendarDays(first, shift + 7 * (n - 1));
  }
  const last = addCalendarDays(month === 12 ? ymd(year + 1, 1, 1) : ymd(year, month + 1, 1), -1);
  const back = (weekday(last) - dow + 7) % 7;
  return addCalendarDays(last, -back);
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm: Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

interface Rule {
  readonly name: string;
  readonly date: (year: number) => string;
  /** Fixed-date holidays move off weekends by the calendar's observance rule. */
  readonly fixed: boolean;
  readonly from?: number;
}

const MON = 1;
const THU = 4;

const COMMON_RULES: readonly Rule[] = [
  { name: "New Year's Day", date: (y) => ymd(y, 1, 1), fixed: true },
  { name: 'Washington’s Birthday', date: (y) => nthWeekdayOfMonth(y, 2, MON, 3), fixed: false },
  { name: 'Memorial Day', date: (y) => nthWeekdayOfMonth(y, 5, MON, -1), fixed: false },
  { name: 'Juneteenth National Independence Day', date: (y) => ymd(y, 6, 19), fixed: true, from: 2022 },
  { name: 'Independence Day', date: (y) => ymd(y, 7, 4), fixed: true },
  { name: 'Labor Day', date: (y) => nthWeekdayOfMonth(y, 9, MON, 1), fixed: false },
  { name: 'Thanksgiving Day', date: (y) => nthWeekdayOfMonth(y, 11, THU, 4), fixed: false },
  { name: 'Christmas Day', date: (y) => ymd(y, 12, 25), fixed: true },
];

const NYSE_RULES: readonly Rule[] = [
  ...COMMON_RULES,
  { name: 'Martin Luther King, Jr. Day', date: (y) => nthWeekdayOfMonth(y, 1, MON, 3), fixed: false, from: 1998 },
  { name: 'Good Friday', date: (y) => addCalendarDays(easterSunday(y), -2), fixed: false },
];

const FED_RULES: readonly Rule[] = [
  ...COMMON_RULES,
  { name: 'Martin Luther King, Jr. Day', date: (y) => nthWeekdayOfMonth(y, 1, MON, 3), fixed: false, from: 1986 },
  { name: 'Columbus Day', date: (y) => nthWeekdayOfMonth(y, 10, MON, 2), fixed: false },
  { name: 'Veterans Day', date: (y) => ymd(y, 11, 11), fixed: true },
];

function observe(calendar: HolidayCalendar, rule: Rule, date: string): string | null {
  if (!rule.fixed) return date;
  const dow = weekday(date);
  if (dow === 0) return addCalendarDays(date, 1);
  if (dow === 6) {
    if (calendar === 'FED') return null;
    if (rule.name === "New Year's Day") return null;
    return addCalendarDays(date, -1);
  }
  return date;
}

const cache = new Map<string, readonly Holiday[]>();

/** The holidays and closures of a calendar in a year, in date order. */
export function holidaysOf(year: number, calendar: HolidayCalendar): readonly Holiday[] {
  if (!Number.isInteger(year) || year < FIRST_CALENDAR_YEAR || year > LAST_CALENDAR_YEAR) {
    throw new RangeError(`business-day calendars cover ${FIRST_CALENDAR_YEAR}–${LAST_CALENDAR_YEAR}; got ${year}`);
  }
  const key = `${calendar}:${year}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const list: Holiday[] = [];
  for (const rule of calendar === 'NYSE' ? NYSE_RULES : FED_RULES) {
    if (rule.from !== undefined && year < rule.from) continue;
    const own = rule.date(year);
    const observed = observe(calendar, rule, own);
    if (observed !== null) list.push({ date: observed, name: rule.name, observed: observed !== own, special: false });
  }
  if (calendar === 'NYSE') {
    for (const c of NYSE_SPECIAL_CLOSURES) {
      if (c.date.startsWith(`${year}-`)) list.push({ date: c.date, name: c.name, observed: false, special: true });
    }
  }
  list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const frozen = Object.freeze(list.map((h) => Object.freeze(h)));
  cache.set(key, frozen);
  return frozen;
}
