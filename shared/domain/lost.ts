/**
 * Lost, stolen, mutilated or destroyed certificates (§2c): the indemnity bond's premium and the
 * SEC's reporting deadlines (Rule 17f-1(c)). Pure: dates and amounts in, dates and amounts out.
 */
import { addBusinessDays, type CalendarName } from './calendar';
import { dec, formatMoney, roundCents } from './money';

export const CASE_KINDS = ['lost', 'stolen', 'destroyed', 'mutilated'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export interface BondSettings {
  /** The surety's rate on market value, as a fraction ("0.02" = 2%). */
  readonly bondRate: string;
  /** Two decimals. */
  readonly minimumPremium: string;
  /** The market value of one right on the stop date, decimal text. */
  readonly valuePerRight: string;
}

export interface BondQuote {
  /** value per right × rights, rounded to the cent half-up. */
  readonly marketValue: string;
  /** rate × market value, rounded to the cent half-up, and never under the minimum premium. */
  readonly premium: string;
  readonly minimumApplied: boolean;
}

/**
 * The premium of the indemnity bond for `rights` rights. The market value and the premium are
 * each rounded to the cent, half-up (ties away from zero), the premium from the exact product
 * rate × value per right × rights, so that rounding the market value first never moves it.
 */
export function bondQuote(settings: BondSettings, rights: number): BondQuote {
  if (!Number.isSafeInteger(rights) || rights < 0) throw new RangeError(`rights must be a whole number ≥ 0, got ${rights}`);
  const exactValue = dec(settings.valuePerRight).times(rights);
  const exactPremium = exactValue.times(dec(settings.bondRate));
  const premium = roundCents(exactPremium, 'half-up');
  const minimum = dec(settings.minimumPremium);
  const minimumApplied = premium.lessThan(minimum);
  return { marketValue: formatMoney(roundCents(exactValue, 'half-up')), premium: formatMoney(minimumApplied ? minimum : premium), minimumApplied };
}

/**
 * When the Form X-17F-1A report is due (Rule 17f-1(c)(2)): a theft within one business day of
 * its discovery; a loss — a destroyed certificate is reported as one — when it is not found
 * within two business days of discovery, so by the second business day after it. A mutilated
 * certificate whose remains are surrendered is not missing: null (nothing to report).
 */
export function reportDue(kind: CaseKind, discoveredOn: string, calendar: CalendarName): string | null {
  if (kind === 'stolen') return addBusinessDays(discoveredOn, 1, calendar);
  if (kind === 'lost' || kind === 'destroyed') return addBusinessDays(discoveredOn, 2, calendar);
  return null;
}

/** A recovery is reported within one business day, by whoever reported the loss (Rule 17f-1(c)(2)(iii)). */
export const recoveryReportDue = (recoveredOn: string, calendar: CalendarName): string => addBusinessDays(recoveredOn, 1, calendar);
