/**
 * Checks one register row against the contract's problem codes (shared/contracts/REGISTER.md)
 * and, when it has none, gives the row as the book keeps it: trimmed, codes upper-cased, units
 * and plan shares as fixed-scale decimal text (the class's unitsDecimals), the TIN's digits.
 * Pure: the duplicate check's memory is the caller's (RegisterValidator).
 */
import type { NewRegisterEntry, TinType } from '../store/port-register';
import { ISO_COUNTRIES, USPS_STATES } from './codes';
import type { RawRow, RegisterColumn } from './layout';
import { checkTin } from './tin-rules';

export const PROBLEM_CODES = [
  'MISSING_ACCOUNT', 'DUPLICATE_ACCOUNT', 'MISSING_NAME', 'MALFORMED_TIN', 'NOT_A_NUMBER', 'NEGATIVE', 'FRACTIONAL',
  'UNKNOWN_CLASS', 'BLANK_ADDRESS', 'UNKNOWN_COUNTRY', 'UNKNOWN_STATE', 'MALFORMED_POSTAL_CODE',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface RowProblem {
  readonly line: number;
  readonly column: RegisterColumn;
  readonly code: ProblemCode;
  readonly message: string;
}

/** What a row is checked against: the program's kind and its classes with their decimals. */
export interface RowRules {
  readonly kind: 'rights-offering' | 'odd-lot';
  /** Class code → decimals its units may have (rights offerings; empty for odd-lot). */
  readonly classes: ReadonlyMap<string, number>;
}

/** A good row: the entry to write (TIN not yet encrypted) and its TIN's digits. */
export interface GoodRow {
  readonly entry: Omit<NewRegisterEntry, 'tinEncrypted'>;
  readonly tinDigits: string | null;
}

const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;
const WHOLE = /^\d+$/;
const ZIP = /^\d{5}(?:-\d{4})?$/;

/** Text from the file quoted in a message: shortened, so one bad field cannot flood the report. */
const quoted = (text: string): string => JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}…` : text);

/** The program's rules from its current terms; unitsDecimals is read defensively (older terms lack it). */
export function rulesFromTerms(terms: { readonly kind: string; readonly classes?: readonly unknown[] }): RowRules {
  if (terms.kind !== 'rights-offering') return { kind: 'odd-lot', classes: new Map() };
  const classes = new Map<string, number>();
  for (const cls of terms.classes ?? []) {
    const c = cls as { code: string; unitsDecimals?: number };
    const d = c.unitsDecimals;
    classes.set(c.code, Number.isInteger(d) && d !== undefined && d >= 0 && d <= 12 ? d : 0);
  }
  return { kind: 'rights-offering', classes };
}

export function validateRow(line: number, raw: RawRow, rules: RowRules): { problems: RowProblem[]; good: GoodRow | null } {
  // Each field trimmed once; no closure per row (a million rows are checked in a pass).
  const problems: RowProblem[] = [];
  const account = raw.account.trim();
  const r1 = raw.registration1.trim();
  if (account === '') problems.push({ line, column: 'account', code: 'MISSING_ACCOUNT', message: 'Account is blank' });
  if (r1 === '') problems.push({ line, column: 'registration1', code: 'MISSING_NAME', message: "Registration line 1 (the holder's name) is blank" });

  const tin = checkTin(raw.tin_type, raw.tin);
  if (!tin.ok) problems.push({ line, column: tin.column, code: 'MALFORMED_TIN', message: tin.message });

  const cls = raw.class.trim();
  const decimals = classDecimals(cls, rules, problems, line);
  const units = checkQuantity('units', 'Units', raw.units, decimals, cls, false, problems, line);
  const planShares = checkQuantity('plan_shares', 'Plan shares', raw.plan_shares, decimals, cls, true, problems, line);

  const address1 = raw.address1.trim();
  const city = raw.city.trim();
  if (address1 === '') problems.push({ line, column: 'address1', code: 'BLANK_ADDRESS', message: 'Address line 1 is blank' });
  if (city === '') problems.push({ line, column: 'city', code: 'BLANK_ADDRESS', message: 'City is blank' });
  const countryTyped = raw.country.trim();
  const country = countryTyped.toUpperCase();
  if (!ISO_COUNTRIES.has(country)) {
    const message = country === '' ? 'Country is blank (an ISO 3166-1 alpha-2 code such as US)' : `Country ${quoted(countryTyped)} is not an ISO 3166-1 alpha-2 code (such as US, CA, PL)`;
    problems.push({ line, column: 'country', code: 'UNKNOWN_COUNTRY', message });
  }
  const stateTyped = raw.state.trim();
  const state = stateTyped.toUpperCase();
  const postal = raw.postal_code.trim();
  if (country === 'US') {
    if (!USPS_STATES.has(state)) problems.push({ line, column: 'state', code: 'UNKNOWN_STATE', message: state === '' ? 'State is blank: a US address needs a USPS state code' : `State ${quoted(stateTyped)} is not a USPS state code` });
    if (!ZIP.test(postal)) {
      const message = postal === '' ? 'Postal code is blank: a US address needs a ZIP code' : `Postal code ${quoted(postal)} is not a 5-digit ZIP or ZIP+4 (12345-6789)`;
      problems.push({ line, column: 'postal_code', code: 'MALFORMED_POSTAL_CODE', message });
    }
  }
  if (problems.length > 0 || units === null || planShares === null || !tin.ok) return { problems, good: null };

  const digits = tin.digits;
  return {
    problems,
    good: {
      tinDigits: digits,
      entry: {
        line, account, class: cls,
        registration: [r1, raw.registration2.trim(), raw.registration3.trim(), raw.registration4.trim()],
        address1, address2: raw.address2.trim(), city, state: country === 'US' ? state : stateTyped, postalCode: postal, country,
        tinType: raw.tin_type.trim().toUpperCase() as TinType, tinLast4: digits === null ? null : digits.slice(5),
        units, nominee: raw.nominee.trim(), planShares,
      },
    },
  };
}

/** The decimals the row's class allows, or null (reported) when the class is not the program's. */
function classDecimals(cls: string, rules: RowRules, problems: RowProblem[], line: number): number | null {
  if (rules.kind === 'odd-lot') {
    if (cls === '') return 0;
    problems.push({ line, column: 'class', code: 'UNKNOWN_CLASS', message: `Class ${quoted(cls)}: an odd-lot program has no classes, so the class is left blank` });
    return null;
  }
  const decimals = rules.classes.get(cls);
  if (decimals !== undefined) return decimals;
  const known = [...rules.classes.keys()].join(', ');
  const message = cls === '' ? `Class is blank (this program's classes: ${known})` : `Class ${quoted(cls)} is not a class of this program (${known})`;
  problems.push({ line, column: 'class', code: 'UNKNOWN_CLASS', message });
  return null;
}

/**
 * A quantity as fixed-scale text, or null when it has a problem (reported). A blank plan_shares
 * reads as 0; FRACTIONAL is judged only for a known class (decimals !== null), by the digits that
 * matter: "100.00" is a whole 100.
 */
function checkQuantity(
  column: 'units' | 'plan_shares', label: string, rawValue: string, decimals: number | null, cls: string, blankIsZero: boolean, problems: RowProblem[], line: number,
): string | null {
  const text = rawValue.trim();
  if (text === '' && blankIsZero) return decimals === null ? null : fixed('0', '', decimals);
  // The usual case, a plain whole number: no splitting needed.
  if (decimals !== null && WHOLE.test(text)) return fixed(text, '', decimals);
  if (!PLAIN_DECIMAL.test(text)) {
    problems.push({ line, column, code: 'NOT_A_NUMBER', message: text === '' ? `${label} is blank` : `${label} ${quoted(text)} is not a plain decimal number (digits, and a point for decimals)` });
    return null;
  }
  const negative = text.startsWith('-');
  const [intPart = '', fracPart = ''] = (negative ? text.slice(1) : text).split('.');
  const significant = fracPart.replace(/0+$/, '');
  const nonZero = /[1-9]/.test(intPart + significant);
  if (negative && nonZero) {
    problems.push({ line, column, code: 'NEGATIVE', message: `${label} ${text} is below zero` });
    return null;
  }
  if (decimals === null) return null;
  if (significant.length > decimals) {
    const allowed = decimals === 0 ? 'whole numbers only' : `at most ${decimals} decimal${decimals === 1 ? '' : 's'}`;
    problems.push({ line, column, code: 'FRACTIONAL', message: `${label} ${text} has ${significant.length} decimal${significant.length === 1 ? '' : 's'}; ${cls === '' ? 'the program' : `class ${cls}`} allows ${allowed}` });
    return null;
  }
  return fixed(intPart, significant, decimals);
}

/** "007", "5" at 2 decimals → "7.50"-style text: exact, by digits, no floating point. */
function fixed(intPart: string, frac: string, decimals: number): string {
  const whole = intPart.replace(/^0+(?=\d)/, '') || '0';
  return decimals === 0 ? whole : `${whole}.${frac.padEnd(decimals, '0')}`;
}

/**
 * The duplicate rule over a whole file: the same (account, class) on an earlier line, or
 * already in the program's register in the book. Reports the later line.
 */
export class DuplicateCheck {
  private readonly seen = new Map<string, number>();
  constructor(private readonly inBook: ReadonlySet<string>) {}

  static key(account: string, cls: string): string {
    return `${account}\u0000${cls}`;
  }

  check(line: number, raw: RawRow): RowProblem | null {
    const account = raw.account.trim();
    if (account === '') return null;
    const cls = raw.class.trim();
    const key = DuplicateCheck.key(account, cls);
    if (this.inBook.has(key)) return { line, column: 'account', code: 'DUPLICATE_ACCOUNT', message: `${duplicateOf(account, cls)} is already in this program's register` };
    const earlier = this.seen.get(key);
    if (earlier !== undefined) return { line, column: 'account', code: 'DUPLICATE_ACCOUNT', message: `${duplicateOf(account, cls)} is already on line ${earlier}` };
    this.seen.set(key, line);
    return null;
  }
}

const duplicateOf = (account: string, cls: string): string => `Account ${quoted(account)}${cls === '' ? '' : ` class ${quoted(cls)}`}`;
