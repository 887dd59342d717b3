/**
 * Dates the agreement derives from other dates. Every cutoff is 5:00 p.m. New York City time
 * (§3, §5a, §10), returned as a wall time `YYYY-MM-DDTHH:mm`; dates are `YYYY-MM-DD`.
 *
 * "Business day" is not defined in the agreement. The rights agent counts NYSE business days
 * by default (its office keeps the exchange's hours); every function takes the calendar, and
 * the terms of a program say which one applies.
 */
import { addCalendarDays } from '../time';
import { addBusinessDays, nextBusinessDay, type CalendarName } from './business-days';

export const CUTOFF_TIME = '17:00';
export const DEFAULT_CALENDAR: CalendarName = 'NYSE';

function at(date: string, time: string = CUTOFF_TIME): string {
  return `${date}T${time}`;
}

/** Recitals: the first business day after the 29th day after the certificates are issued. */
export function deriveExpirationDate(issueDate: string, calendar: CalendarName = DEFAULT_CALENDAR): string {
  return nextBusinessDay(addCalendarDays(issueDate, 29), calendar);
}

/** §5a with the recitals: 5:00 p.m. New York time on the derived expiration date. */
export function deriveExpiration(issueDate: string, calendar: CalendarName = DEFAULT_CALENDAR): string {
  return at(deriveExpirationDate(issueDate, calendar));
}

/** §2b: a nominee's written split request is due by 5:00 p.m. five business days before expiration. */
export function splitRequestCutoff(transferableExpiration: string, calendar: CalendarName = DEFAULT_CALENDAR): string {
  return at(addBusinessDays(transferableExpiration.slice(0, 10), -5, calendar));
}

/** §6c: proceeds go to the company no later than 15 business days after the later expiration. */
export function proceedsDueDate(expirations: readonly string[], calendar: CalendarName = DEFAULT_CALENDAR): string {
  if (expirations.length === 0) throw new RangeError('proceedsDueDate needs at least one expiration');
  const later = [...expirations].map((e) => e.slice(0, 10)).sort().at(-1)!;
  return addBusinessDays(later, 15, calendar);
}

/** §10: written certification of the cumulative totals by 5:00 p.m. on the 7th business day after expiration. */
export function finalReportDue(expiration: string, calendar: CalendarName = DEFAULT_CALENDAR): string {
  return at(addBusinessDays(expiration.slice(0, 10), 7, calendar));
}

/**
 * §5b (where a deal allows it): with a Notice of Guaranteed Delivery, payment is due by the
 * expiration and the certificate by 5:00 p.m. on the n-th business day after it.
 */
export function guaranteedDeliveryDeadline(expiration: string, coverBusinessDays: number, calendar: CalendarName = DEFAULT_CALENDAR): string {
  return at(addBusinessDays(expiration.slice(0, 10), coverBusinessDays, calendar));
}
