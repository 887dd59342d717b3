/**
 * The days of the §10 reports: from the mailing of the certificates (their issue date, or the
 * next business day) through the Expiration Time, New York business days of the program's
 * calendar. A day is typed by the supervisor; it is refused in words when it is not one.
 */
import { holidayOn, isBusinessDay, isWeekend, onOrNextBusinessDay, previousBusinessDay, type CalendarName } from '../../../../shared/domain/calendar';
import { rightsDeadlines, type RightsOfferingTerms } from '../../../../shared/domain/terms';
import { instantToWallTime } from '../../../../shared/domain/time';
import { DeskFailure } from '../../../../shared/ipc/result';

const shown = (date: string): string => `${date.slice(5, 7)}/${date.slice(8, 10)}/${date.slice(0, 4)}`;

export interface ReportPeriod {
  readonly firstDay: string;
  readonly expirationDay: string;
  /** Today in New York when drawn. */
  readonly today: string;
  readonly calendar: CalendarName;
}

export function reportPeriod(terms: RightsOfferingTerms, asOf: Date): ReportPeriod {
  const calendar = terms.businessDays as CalendarName;
  return {
    firstDay: onOrNextBusinessDay(terms.certificateIssueDate, calendar),
    expirationDay: rightsDeadlines(terms).expiresAt.slice(0, 10),
    today: instantToWallTime(asOf.getTime(), terms.timeZone).slice(0, 10),
    calendar,
  };
}

/** The last business day before today, kept within the report period. */
export function defaultReportDay(p: ReportPeriod): string {
  const last = previousBusinessDay(p.today, p.calendar);
  if (last < p.firstDay) return p.firstDay;
  return last > p.expirationDay ? p.expirationDay : last;
}

/** `day` when it is a business day of the period up to today; a DeskFailure naming the field otherwise. */
export function checkedReportDay(p: ReportPeriod, day: string): string {
  if (!isBusinessDay(day, p.calendar)) {
    const why = isWeekend(day) ? 'falls on a weekend' : `is a holiday (${holidayOn(day, p.calendar)?.name ?? 'no business'})`;
    throw new DeskFailure('INVALID_INPUT', `Business day: ${shown(day)} ${why}; type a business day, e.g. ${shown(onOrNextBusinessDay(day, p.calendar))}`, 'day');
  }
  if (day < p.firstDay) throw new DeskFailure('INVALID_INPUT', `Business day: ${shown(day)} is before the certificates were mailed (${shown(p.firstDay)}); the reports start that day`, 'day');
  if (day > p.today) throw new DeskFailure('INVALID_INPUT', `Business day: ${shown(day)} has not come yet (today is ${shown(p.today)})`, 'day');
  return day;
}
