/**
 * What recording a program's terms in the book asks beyond the engine's schema. The engine
 * (shared/domain/terms.ts) also reads scenario files for `offering-desk settle`, whose contract
 * stays as it is, so these rules apply only where terms are recorded: main refuses with them
 * (services/terms.ts), and the Terms form says the same beside each field.
 */
import { holidayOn, isWeekend, type CalendarName } from '../domain/calendar';
import { rightsDeadlines, type ProgramTerms } from '../domain/terms';

/** A problem with terms to be recorded: the field's path inside the terms, and what is wrong in words. */
export interface TermsRecordProblem {
  readonly path: string;
  readonly message: string;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** `2003-11-27` → `11/27/2003`. */
export const usDate = (iso: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[2]}/${m[3]}/${m[1]}` : iso;
};

/** `2003-12-08T17:00` → `12/08/2003 5:00 p.m.` */
export function usWallTime(wall: string): string {
  const [date = '', time = ''] = wall.split('T');
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m) return usDate(date);
  const h = Number.parseInt(m[1]!, 10);
  const clock = `${h % 12 === 0 ? 12 : h % 12}:${m[2]} ${h < 12 ? 'a.m.' : 'p.m.'}`;
  return `${usDate(date)} ${clock}`;
}

/**
 * The subscription price in whole cents. The agreement's price is "$5.00 per share" and holders
 * pay it in US dollars by check, draft, money order or wire, so price × shares must come out in
 * cents; the engine's schema takes up to 6 decimals (scenario files of other deals), the book does not.
 */
export function subscriptionPriceProblem(price: string): string | null {
  const decimals = (/\.(\d*)$/.exec(price.trim())?.[1] ?? '').replace(/0+$/, '');
  return decimals.length > 2 ? `Subscription price: whole cents only (at most 2 decimals, holders pay in dollars and cents), got ${price.trim()}` : null;
}

/** An offering of no shares is a keying slip, not terms. */
export function maxSharesProblem(shares: number): string | null {
  return shares < 1 ? `Maximum shares: must be at least 1 share, got ${shares}` : null;
}

/** Certificates are issued on a business day of the program's calendar (its deadlines count from it). */
export function issueDateProblem(date: string, calendar: CalendarName): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null; // the schema names a date that does not read
  const holiday = holidayOn(date, calendar);
  if (holiday) return `Certificate issue date: ${usDate(date)} is ${holiday.name}, not a business day (${calendar} calendar)`;
  if (isWeekend(date)) {
    const day = WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]!;
    return `Certificate issue date: ${usDate(date)} is a ${day}, not a business day (${calendar} calendar)`;
  }
  return null;
}

/** Every record-level problem with terms the engine's schema has accepted, in form order. */
export function termsRecordProblems(terms: ProgramTerms): TermsRecordProblem[] {
  if (terms.kind !== 'rights-offering') return [];
  const found: TermsRecordProblem[] = [];
  const add = (path: string, message: string | null) => {
    if (message !== null) found.push({ path, message });
  };
  add('subscriptionPrice', subscriptionPriceProblem(terms.subscriptionPrice));
  add('maxShares', maxSharesProblem(terms.maxShares));
  add('certificateIssueDate', issueDateProblem(terms.certificateIssueDate, terms.businessDays as CalendarName));
  return found;
}

/** When the terms expire, as a wall time in their zone. */
export const expirationOf = (terms: ProgramTerms): string => (terms.kind === 'rights-offering' ? rightsDeadlines(terms).expiresAt : terms.expiresAt);

/** The old and new expirations when an amendment moves expiration earlier; null otherwise. */
export function earlierExpiration(before: ProgramTerms, after: ProgramTerms): { readonly from: string; readonly to: string } | null {
  const from = expirationOf(before);
  const to = expirationOf(after);
  return to < from ? { from, to } : null;
}

/** What is said when an earlier expiration is not confirmed. */
export const earlierExpirationMessage = (from: string, to: string): string =>
  `Expiration moves earlier, from ${usWallTime(from)} to ${usWallTime(to)} New York time: confirm the earlier expiration and say why`;
