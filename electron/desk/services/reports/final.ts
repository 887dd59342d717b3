/**
 * §10's final certified report: after the Expiration Time, the cumulative totals of (a)–(c)
 * through it, certified in writing by an officer of the Rights Agent "at or before 5:00 p.m. on
 * the seventh business day following the Expiration Time". Its due moment is always shown, and
 * warned about when two business days or less remain, or once it has passed.
 */
import { addBusinessDays, type CalendarName } from '../../../../shared/domain/calendar';
import { rightsDeadlines, type RightsOfferingTerms } from '../../../../shared/domain/terms';
import { wallTimeToInstant } from '../../../../shared/domain/time';
import type { FinalDue, FinalReportView } from '../../../../shared/ipc/reports';
import type { ReadRepos } from '../../store/port';
import { figuresOf } from './figures';
import { awaitingDecision } from './report-items';
import { reportPeriod } from './report-days';
import { headerOf, readReportSource, REPORT_NOTES, type ReportSource } from './report-source';

/** Business days before the due date from which the report is "close" to due. */
export const CLOSE_BUSINESS_DAYS = 2;

const inWords = (wall: string): string => `${wall.slice(5, 7)}/${wall.slice(8, 10)}/${wall.slice(0, 4)} 5:00 p.m. New York time`;

export function finalDue(terms: RightsOfferingTerms, asOf: Date): FinalDue {
  const dueAt = rightsDeadlines(terms).finalReportDue;
  const today = reportPeriod(terms, asOf).today;
  const closeFrom = addBusinessDays(dueAt.slice(0, 10), -CLOSE_BUSINESS_DAYS, terms.businessDays as CalendarName);
  if (asOf.getTime() > wallTimeToInstant(dueAt, terms.timeZone)) {
    return { dueAt, state: 'past', warning: `Past due: §10 required the certified report by ${inWords(dueAt)}. Send it to the company at once.` };
  }
  if (today >= closeFrom) return { dueAt, state: 'close', warning: `Due soon: the certified report must reach the company by ${inWords(dueAt)}.` };
  return { dueAt, state: 'ahead', warning: '' };
}

const FINAL_NOTES = [...REPORT_NOTES, 'The certified totals are the cumulative totals through the Expiration Time: every exercise received by then, on whatever day it was keyed.'];

export function finalFrom(source: ReportSource): FinalReportView {
  const { terms, asOf } = source;
  const expiresAt = rightsDeadlines(terms).expiresAt;
  const period = reportPeriod(terms, asOf);
  const header = headerOf(source, FINAL_NOTES);
  const due = finalDue(terms, asOf);
  if (asOf.getTime() <= wallTimeToInstant(expiresAt, terms.timeZone)) {
    return { ...header, available: false, unavailableReason: `The final report is drawn after the Expiration Time (${inWords(expiresAt)}); until then use the daily report.`, due, totals: null, awaitingDecision: 0, lastDay: period.expirationDay };
  }
  const through = source.items.filter((i) => i.day <= period.expirationDay);
  return {
    ...header,
    available: true,
    unavailableReason: null,
    due,
    totals: figuresOf(through),
    awaitingDecision: through.filter((i) => !i.rejected && !i.late && awaitingDecision(i)).length,
    lastDay: period.expirationDay,
  };
}

export async function finalReport(r: ReadRepos, programId: number, asOf: Date): Promise<FinalReportView> {
  return finalFrom(await readReportSource(r, programId, asOf));
}
