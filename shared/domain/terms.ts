/**
 * Program terms, versioned. A rights offering's or odd-lot program's terms are a JSON document
 * (decimals as strings, dates as `YYYY-MM-DD`, cutoffs as New York wall times `YYYY-MM-DDTHH:mm`)
 * that the book stores as numbered versions: an extension or amendment is a new version with a
 * reason; earlier versions stay readable, never overwritten.
 */
import { z } from 'zod';
import { CALENDAR_NAMES, deriveExpiration, finalReportDue, guaranteedDeliveryDeadline, proceedsDueDate, splitRequestCutoff, addBusinessDays, type CalendarName } from './calendar';
import { bool, decimal, expected, isoDate, list, named, obj, oneOf, shares, show, timeZone, wallTime, wholeNumber } from './fields';
import type { OddLotProgram, RightsProgram } from './scenario';
import { dec } from './money';
import { NEW_YORK } from './time';

// ---------------------------------------------------------------------------------------------
// Rights offering.

export const rightsClassTermsSchema = obj({
  /** "A", "B", "C", "T". */
  code: z
    .string({ error: expected('a class code like "A"') })
    .regex(/^[A-Za-z0-9_-]{1,16}$/, { error: (iss) => `expected a class code like "A", got ${named(iss.input)}` }),
  /** Certificate colour: BLUE, GREEN, RED… (printing and the clerk's eye). */
  colour: z.string({ error: expected('a colour like "BLUE"') }).min(1, { error: 'a colour is needed (e.g. "BLUE")' }).max(20),
  /** What the units printed on a certificate are: firm rights (A), underlying shares (B), "--1--" (C). */
  description: z.string({ error: expected('text') }).max(200).optional(),
  /** Firm rights per unit printed on the certificate ("1", "0.1", "0"); rights round down (§1b). */
  firmRightsPerUnit: decimal({ example: '0.1', maxScale: 12 }),
  /** The class carries an oversubscription privilege. */
  oversubscription: bool(),
  /** Certificates of the class may be transferred, divided and combined (§3). */
  transferable: bool(),
  /** 1: the offering proper; 2: buys what stage 1 left (the transferable rights in the XO deal). */
  stage: z.union([z.literal(1), z.literal(2)], { error: expected('1 or 2') }),
  /** Decimals a register's units of the class may have (a claim in dollars and cents: 2); absent = whole units. Not read by the settlement. */
  unitsDecimals: wholeNumber('a whole number of decimals from 0 to 6').max(6, { error: (iss) => `at most 6 decimals, got ${show(iss.input)}` }).optional(),
});
export type RightsClassTerms = z.output<typeof rightsClassTermsSchema>;

/** Expiration: entered as a wall time, or derived by the recitals' rule from the issue date (5:00 p.m.). */
export const expirationRuleSchema = z.discriminatedUnion(
  'basis',
  [obj({ basis: z.literal('entered'), at: wallTime() }), obj({ basis: z.literal('derived') })],
  { error: expected('{ "basis": "entered", "at": "2003-12-08T17:00" } or { "basis": "derived" }') },
);
export type ExpirationRule = z.output<typeof expirationRuleSchema>;

/** §5b: guaranteed delivery allowed or not (XO: not), and the certificate's cover period. */
export const guaranteedDeliverySchema = z.discriminatedUnion(
  'allowed',
  [obj({ allowed: z.literal(false) }), obj({ allowed: z.literal(true), coverBusinessDays: wholeNumber('a number of business days like 3', { min: 1 }) })],
  { error: expected('{ "allowed": false } or { "allowed": true, "coverBusinessDays": 3 }') },
);

export const rightsOfferingTermsSchema = obj({
  kind: z.literal('rights-offering', { error: expected('"rights-offering"') }),
  /** Cutoffs are judged in this zone (§5a: New York City time). */
  timeZone: timeZone().default(NEW_YORK),
  /** Which business days the agreement's deadlines count (NYSE by default; see calendar/deadlines.ts). */
  businessDays: oneOf(CALENDAR_NAMES as unknown as readonly [string, ...string[]]).default('NYSE'),
  subscriptionPrice: decimal({ example: '5.00', maxScale: 6, positive: true, maxIntegerDigits: 6 }),
  maxShares: shares(),
  recordDate: isoDate(),
  certificateIssueDate: isoDate(),
  expiration: expirationRuleSchema,
  /** The Transferable Rights Expiration Date when it differs; the same rule as `expiration` otherwise. */
  transferableExpiration: expirationRuleSchema.optional(),
  guaranteedDelivery: guaranteedDeliverySchema,
  oversubscription: obj({ basis: oneOf(['requested', 'basic']), requireFullBasic: bool() }),
  classes: list(rightsClassTermsSchema).min(1, { error: 'at least one class of rights is needed' }),
}).superRefine((t, ctx) => {
  const seen = new Set<string>();
  t.classes.forEach((c, i) => {
    if (seen.has(c.code)) ctx.addIssue({ code: 'custom', path: ['classes', i, 'code'], message: `duplicate class "${c.code}"`, input: c.code });
    seen.add(c.code);
  });
  if (t.certificateIssueDate < t.recordDate) {
    ctx.addIssue({ code: 'custom', path: ['certificateIssueDate'], message: `before the record date ${t.recordDate}`, input: t.certificateIssueDate });
  }
});
export type RightsOfferingTerms = z.output<typeof rightsOfferingTermsSchema>;

// ---------------------------------------------------------------------------------------------
// Odd-lot program (notice 000_…).

export const oddLotTermsSchema = obj({
  kind: z.literal('odd-lot', { error: expected('"odd-lot"') }),
  timeZone: timeZone().default(NEW_YORK),
  businessDays: oneOf(CALENDAR_NAMES as unknown as readonly [string, ...string[]]).default('NYSE'),
  processingFeePerShare: decimal({ example: '0.65', maxScale: 6 }),
  roundLot: wholeNumber('a whole number of shares like 100', { min: 2 }),
  recordDate: isoDate(),
  /** 5:00 p.m. Eastern on the expiry date. */
  expiresAt: wallTime(),
  /** Jurisdictions where the offer is not made (ISO 3166 codes: "CA", "US-XX"). */
  excludedJurisdictions: list(z.string({ error: expected('a jurisdiction code like "CA"') }).regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, { error: (iss) => `expected a jurisdiction code like "CA" or "US-NY", got ${named(iss.input)}` })),
  /** Shares held in an issuer-sponsored employee benefit plan are excluded. */
  planSharesExcluded: bool(),
  /** Backup withholding rate on sale proceeds without a certified TIN (24% today). */
  backupWithholdingRate: decimal({ example: '0.24', maxScale: 6, max: '1' }).default('0.24'),
  /** Proceeds or shares go out about this many business days after delivery. */
  settlementBusinessDays: wholeNumber('a number of business days like 5').default(5),
});
export type OddLotTerms = z.output<typeof oddLotTermsSchema>;

export type ProgramTerms = RightsOfferingTerms | OddLotTerms;

// ---------------------------------------------------------------------------------------------
// Versions.

export interface TermsVersion<T extends ProgramTerms = ProgramTerms> {
  /** 1, 2, 3… */
  readonly version: number;
  /** Why this version exists: "Original terms", "Extension to 2004-03-19 per notice of 2004-03-01". */
  readonly reason: string;
  /** When it was recorded (UTC ISO-8601 instant) and by whom; passed in, never read from a clock. */
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly terms: T;
}

export interface TermsHistory<T extends ProgramTerms = ProgramTerms> {
  readonly versions: readonly TermsVersion<T>[];
}

const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

export const termsVersionSchema = obj({
  version: wholeNumber('a version number like 1', { min: 1 }),
  reason: z.string({ error: expected('a reason') }).trim().min(1, { error: 'a reason is required' }).max(500),
  recordedAt: z.string({ error: expected('a UTC instant like "2003-11-07T15:00:00.000Z"') }).regex(UTC_INSTANT, { error: (iss) => `expected a UTC instant like "2003-11-07T15:00:00.000Z", got ${named(iss.input)}` }),
  recordedBy: z.string({ error: expected('a user name') }).min(1, { error: 'who recorded it is required' }).max(80),
  terms: z.discriminatedUnion('kind', [rightsOfferingTermsSchema, oddLotTermsSchema], { error: expected('rights-offering or odd-lot terms') }),
});

export const termsHistorySchema = obj({ versions: list(termsVersionSchema).min(1, { error: 'a program has at least its original terms' }) }).superRefine((h, ctx) => {
  h.versions.forEach((v, i) => {
    if (v.version !== i + 1) ctx.addIssue({ code: 'custom', path: ['versions', i, 'version'], message: `expected version ${i + 1}, got ${v.version}`, input: v.version });
    if (i > 0 && v.terms.kind !== h.versions[0]!.terms.kind) ctx.addIssue({ code: 'custom', path: ['versions', i, 'terms', 'kind'], message: 'a program cannot change its kind', input: v.terms.kind });
    if (i > 0 && v.recordedAt < h.versions[i - 1]!.recordedAt) ctx.addIssue({ code: 'custom', path: ['versions', i, 'recordedAt'], message: 'recorded before the previous version', input: v.recordedAt });
  });
});

export class TermsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TermsError';
  }
}

export interface Recording {
  readonly reason: string;
  /** UTC ISO-8601 instant. */
  readonly at: string;
  readonly by: string;
}

/** The original terms as version 1. */
export function originalTerms<T extends ProgramTerms>(terms: T, rec: Recording): TermsHistory<T> {
  return { versions: [version(1, terms, rec)] };
}

function version<T extends ProgramTerms>(n: number, terms: T, rec: Recording): TermsVersion<T> {
  if (rec.reason.trim() === '') throw new TermsError('a new version of the terms needs a reason');
  if (!UTC_INSTANT.test(rec.at)) throw new TermsError(`recordedAt must be a UTC instant like "2003-11-07T15:00:00.000Z", got ${JSON.stringify(rec.at)}`);
  if (rec.by.trim() === '') throw new TermsError('who recorded the terms is required');
  return { version: n, reason: rec.reason.trim(), recordedAt: rec.at, recordedBy: rec.by, terms };
}

/**
 * An extension or amendment: a new version appended with its reason. The history is not
 * changed (a new one is returned); identical terms, a different kind, or a time before the
 * last version are refused.
 */
export function amendTerms<T extends ProgramTerms>(history: TermsHistory<T>, terms: T, rec: Recording): TermsHistory<T> {
  const last = currentTerms(history);
  if (terms.kind !== last.terms.kind) throw new TermsError(`a ${last.terms.kind} program cannot become ${terms.kind}`);
  if (sameTerms(terms, last.terms)) throw new TermsError('the new terms are the same as the current version');
  if (rec.at < last.recordedAt) throw new TermsError('a new version cannot be recorded before the current one');
  return { versions: [...history.versions, version(last.version + 1, terms, rec)] };
}

/** Decimal fields of the terms: "5.00" and "5" are the same price. */
const DECIMAL_KEYS = new Set(['subscriptionPrice', 'firmRightsPerUnit', 'processingFeePerShare', 'backupWithholdingRate']);

/** Terms as a comparable text: keys sorted, decimals normalized (so key order and "5.00" vs "5" do not count as a change). */
function canonicalTerms(value: unknown, key = ''): string {
  if (typeof value === 'string' && DECIMAL_KEYS.has(key)) return JSON.stringify(dec(value).toString());
  if (Array.isArray(value)) return `[${value.map((v) => canonicalTerms(v)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalTerms(v, k)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sameTerms = (a: ProgramTerms, b: ProgramTerms): boolean => canonicalTerms(a) === canonicalTerms(b);

export function currentTerms<T extends ProgramTerms>(history: TermsHistory<T>): TermsVersion<T> {
  const last = history.versions.at(-1);
  if (!last) throw new TermsError('a program has at least its original terms');
  return last;
}

/** A given version (1-based), still readable after later amendments. */
export function termsVersion<T extends ProgramTerms>(history: TermsHistory<T>, n: number): TermsVersion<T> {
  const v = history.versions[n - 1];
  if (!v) throw new TermsError(`no version ${n} (the program has ${history.versions.length})`);
  return v;
}

/** The version in force at a UTC instant (the last one recorded at or before it), or undefined before the first. */
export function termsInForceAt<T extends ProgramTerms>(history: TermsHistory<T>, instant: string): TermsVersion<T> | undefined {
  let found: TermsVersion<T> | undefined;
  for (const v of history.versions) if (v.recordedAt <= instant) found = v;
  return found;
}

// ---------------------------------------------------------------------------------------------
// Derivations.

function expirationFrom(rule: ExpirationRule, issueDate: string, calendar: CalendarName): string {
  return rule.basis === 'entered' ? rule.at : deriveExpiration(issueDate, calendar);
}

export interface RightsDeadlines {
  /** §5a: Subscription Rights Expiration (wall time, 5:00 p.m. unless entered otherwise). */
  readonly expiresAt: string;
  /** Transferable Rights Expiration. */
  readonly transferableExpiresAt: string;
  /** §2b: nominees' split requests by 5:00 p.m. five business days before the transferable expiration. */
  readonly splitRequestCutoff: string;
  /** §6c: proceeds to the company by this date (15 business days after the later expiration). */
  readonly proceedsDue: string;
  /** §10: certified cumulative totals by 5:00 p.m. on the 7th business day after expiration. */
  readonly finalReportDue: string;
  /** §5b: where guaranteed delivery is allowed, the certificate's deadline; null otherwise. */
  readonly guaranteedDeliveryCutoff: string | null;
}

export function rightsDeadlines(t: RightsOfferingTerms): RightsDeadlines {
  const calendar = t.businessDays as CalendarName;
  const expiresAt = expirationFrom(t.expiration, t.certificateIssueDate, calendar);
  const transferableExpiresAt = t.transferableExpiration ? expirationFrom(t.transferableExpiration, t.certificateIssueDate, calendar) : expiresAt;
  const later = [expiresAt, transferableExpiresAt].sort().at(-1)!;
  return {
    expiresAt,
    transferableExpiresAt,
    splitRequestCutoff: splitRequestCutoff(transferableExpiresAt, calendar),
    proceedsDue: proceedsDueDate([expiresAt, transferableExpiresAt], calendar),
    finalReportDue: finalReportDue(later, calendar),
    guaranteedDeliveryCutoff: t.guaranteedDelivery.allowed ? guaranteedDeliveryDeadline(expiresAt, t.guaranteedDelivery.coverBusinessDays, calendar) : null,
  };
}

/** The date odd-lot proceeds or shares go out after delivery (about five business days). */
export function oddLotSettlementDate(t: OddLotTerms, deliveryDate: string): string {
  return addBusinessDays(deliveryDate, t.settlementBusinessDays, t.businessDays as CalendarName);
}

/** The settlement engine's view of rights terms (scenario@1 `program`), so the book's close and the CLI share one engine. */
export function rightsProgramFromTerms(t: RightsOfferingTerms): RightsProgram {
  return {
    kind: 'rights-offering',
    timeZone: t.timeZone,
    expiresAt: rightsDeadlines(t).expiresAt,
    subscriptionPrice: t.subscriptionPrice,
    maxShares: t.maxShares,
    oversubscription: { basis: t.oversubscription.basis as 'requested' | 'basic', requireFullBasic: t.oversubscription.requireFullBasic },
    classes: t.classes.map((c) => ({ code: c.code, firmRightsPerUnit: c.firmRightsPerUnit, oversubscription: c.oversubscription, ...(c.stage === 2 ? { stage: 2 as const } : {}) })),
  };
}

/** The settlement engine's view of odd-lot terms (scenario@1 `program`). */
export function oddLotProgramFromTerms(t: OddLotTerms): OddLotProgram {
  return {
    kind: 'odd-lot',
    timeZone: t.timeZone,
    expiresAt: t.expiresAt,
    processingFeePerShare: t.processingFeePerShare,
    roundLot: t.roundLot,
    backupWithholdingRate: t.backupWithholdingRate,
  };
}

/** Whether an odd-lot holder may take part (notice: 1–99 shares, plan shares excluded, not an excluded jurisdiction). */
export function oddLotEligibility(t: OddLotTerms, holder: { readonly sharesOnRecordDate: number; readonly planShares: number; readonly jurisdiction: string }): { readonly eligibleShares: number; readonly reason: 'ok' | 'NOT_ODD_LOT' | 'EXCLUDED_JURISDICTION' } {
  const eligibleShares = holder.sharesOnRecordDate - (t.planSharesExcluded ? holder.planShares : 0);
  const country = holder.jurisdiction.slice(0, 2);
  if (t.excludedJurisdictions.includes(holder.jurisdiction) || t.excludedJurisdictions.includes(country)) return { eligibleShares, reason: 'EXCLUDED_JURISDICTION' };
  if (eligibleShares < 1 || eligibleShares > t.roundLot - 1) return { eligibleShares, reason: 'NOT_ODD_LOT' };
  return { eligibleShares, reason: 'ok' };
}
