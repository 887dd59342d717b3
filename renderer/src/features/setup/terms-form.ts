/**
 * The Terms form's fields as text, and the terms JSON they stand for. Decimals stay strings all
 * the way (never JS numbers); a percent is turned into a rate by moving the decimal point.
 */
import { deriveExpiration, type CalendarName } from '../../../../shared/domain/calendar';
import type { OddLotTerms, ProgramTerms, RightsClassTerms, RightsOfferingTerms } from '../../../../shared/domain/terms';
import type { ProgramKind } from '../../../../shared/ipc/schemas';
import { normalizeMoney, normalizeShares, parseKeyedShares, percentToRate, plainDecimal, rateToPercent } from '../../lib/amounts';
import { formatIsoDate, normalizeKeyedDate, parseKeyedDate } from '../../lib/dates';
import { formatClock, normalizeKeyedTime, parseKeyedTime } from '../../lib/times';


export type TermsValues = Record<string, string>;

export const YES = 'yes';
export const NO = 'no';
const yesNo = (b: boolean) => (b ? YES : NO);

/** `2003-12-08T17:00` → `12/08/2003 5:00 p.m.` */
export function formatWallTime(wall: string): string {
  const [date = '', time = ''] = wall.split('T');
  return time ? `${formatIsoDate(date)} ${formatClock(time)}` : formatIsoDate(date);
}

/** The date and time fields of a wall time: `2003-12-08T17:00` → [`12/08/2003`, `17:00`]. */
export function splitWallTime(wall: string): [string, string] {
  const [date = '', time = ''] = wall.split('T');
  return [formatIsoDate(date), time];
}

/** A keyed date and time → `YYYY-MM-DDTHH:mm`, or what was keyed when either does not read (the schema then names it). */
export function joinWallTime(date: string, time: string): string {
  const d = parseKeyedDate(date, 'Date');
  const t = parseKeyedTime(time);
  return d.ok && t !== null ? `${d.iso}T${t}` : `${date.trim()}T${time.trim()}`;
}

const isoOf = (date: string): string => {
  const d = parseKeyedDate(date, 'Date');
  return d.ok ? d.iso : date.trim();
};

/**
 * When the keyed terms expire (`YYYY-MM-DDTHH:mm`, the program's zone), or null while the fields
 * it comes from do not read yet: the entered date and time, or the rule from the issue date.
 */
export function keyedExpiration(kind: ProgramKind, values: TermsValues, calendar: CalendarName): string | null {
  const wall = (date: string, time: string) => {
    const d = parseKeyedDate(date, 'Date');
    const t = parseKeyedTime(time);
    return d.ok && t !== null ? `${d.iso}T${t}` : null;
  };
  if (kind === 'odd-lot') return wall(values.expiryDate ?? '', values.expiryTime ?? '');
  if (values.expirationBasis === 'entered') return wall(values.expirationDate ?? '', values.expirationTime ?? '');
  const issued = parseKeyedDate(values.certificateIssueDate ?? '', 'Date');
  return issued.ok ? deriveExpiration(issued.iso, calendar) : null;
}

// ---------------------------------------------------------------------------------------------
// Classes.

export const CLASS_FIELDS = ['code', 'colour', 'firmRightsPerUnit', 'oversubscription', 'transferable', 'stage'] as const;
export type ClassField = (typeof CLASS_FIELDS)[number];
export const classField = (row: number, name: ClassField) => `classes.${row}.${name}`;

export type ClassRow = Record<ClassField, string>;

/** The form's values as react-hook-form holds them: the classes as a field array of rows. */
export interface TermsFormValues {
  [field: string]: string | ClassRow[];
  classes: ClassRow[];
}

/** Flat values (`classes.0.code` …) → the form's values, the classes gathered into rows in order. */
export function toFormValues(flat: TermsValues): TermsFormValues {
  const classes: ClassRow[] = [];
  const form: TermsFormValues = { classes };
  for (const [name, value] of Object.entries(flat)) {
    const m = /^classes\.(\d+)\.(\w+)$/.exec(name);
    if (!m) form[name] = value;
    else (classes[Number.parseInt(m[1]!, 10)] ??= blankClassRow())[m[2] as ClassField] = value;
  }
  return form;
}

/** How many class rows flat values hold. */
export const classRowCount = (flat: TermsValues): number =>
  new Set(Object.keys(flat).flatMap((name) => /^classes\.(\d+)\./.exec(name)?.[1] ?? [])).size;

export const blankClassRow = (): Record<ClassField, string> => ({ code: '', colour: '', firmRightsPerUnit: '', oversubscription: YES, transferable: NO, stage: '1' });

/** A whole number keyed as digits; anything else goes through as text so the schema names it. */
const wholeOrText = (text: string): number | string => parseKeyedShares(text) ?? text.trim();

// ---------------------------------------------------------------------------------------------
// Terms → fields.

export function blankValues(kind: ProgramKind, recordDate: string): TermsValues {
  if (kind === 'odd-lot') {
    return { processingFeePerShare: '0.65', roundLot: '100', recordDate: formatIsoDate(recordDate), expiryDate: '', expiryTime: '17:00', excludedJurisdictions: '', planSharesExcluded: YES, backupWithholdingPercent: '24', reason: '' };
  }
  const values: TermsValues = {
    subscriptionPrice: '',
    maxShares: '',
    recordDate: formatIsoDate(recordDate),
    certificateIssueDate: '',
    expirationBasis: 'derived',
    expirationDate: '',
    expirationTime: '17:00',
    guaranteedDelivery: NO,
    coverBusinessDays: '3',
    prorationBasis: 'requested',
    requireFullBasic: YES,
    reason: '',
  };
  Object.entries(blankClassRow()).forEach(([k, v]) => (values[classField(0, k as ClassField)] = v));
  return values;
}

export function termsToValues(terms: ProgramTerms): TermsValues {
  if (terms.kind === 'odd-lot') {
    const [expiryDate, expiryTime] = splitWallTime(terms.expiresAt);
    return {
      processingFeePerShare: normalizeMoney(terms.processingFeePerShare),
      roundLot: String(terms.roundLot),
      recordDate: formatIsoDate(terms.recordDate),
      expiryDate,
      expiryTime,
      excludedJurisdictions: terms.excludedJurisdictions.join(', '),
      planSharesExcluded: yesNo(terms.planSharesExcluded),
      backupWithholdingPercent: rateToPercent(terms.backupWithholdingRate),
      reason: '',
    };
  }
  const [expirationDate, expirationTime] = terms.expiration.basis === 'entered' ? splitWallTime(terms.expiration.at) : ['', '17:00'];
  const values: TermsValues = {
    subscriptionPrice: normalizeMoney(terms.subscriptionPrice),
    maxShares: terms.maxShares.toLocaleString('en-US'),
    recordDate: formatIsoDate(terms.recordDate),
    certificateIssueDate: formatIsoDate(terms.certificateIssueDate),
    expirationBasis: terms.expiration.basis,
    expirationDate,
    expirationTime,
    guaranteedDelivery: yesNo(terms.guaranteedDelivery.allowed),
    coverBusinessDays: terms.guaranteedDelivery.allowed ? String(terms.guaranteedDelivery.coverBusinessDays) : '3',
    prorationBasis: terms.oversubscription.basis,
    requireFullBasic: yesNo(terms.oversubscription.requireFullBasic),
    reason: '',
  };
  terms.classes.forEach((c, i) => {
    values[classField(i, 'code')] = c.code;
    values[classField(i, 'colour')] = c.colour;
    values[classField(i, 'firmRightsPerUnit')] = c.firmRightsPerUnit;
    values[classField(i, 'oversubscription')] = yesNo(c.oversubscription);
    values[classField(i, 'transferable')] = yesNo(c.transferable);
    values[classField(i, 'stage')] = String(c.stage);
  });
  return values;
}

// ---------------------------------------------------------------------------------------------
// Fields → terms (what terms.record is sent). Fields the form does not show (time zone,
// calendar, class descriptions, a separate transferable expiration…) come from `base`, the
// version the form was prefilled from.

export function valuesToTerms(kind: ProgramKind, values: TermsValues, rows: number, base?: ProgramTerms): Record<string, unknown> {
  if (kind === 'odd-lot') {
    const b = base?.kind === 'odd-lot' ? base : undefined;
    const rate = percentToRate(values.backupWithholdingPercent ?? '');
    return {
      ...b,
      kind: 'odd-lot',
      processingFeePerShare: plainDecimal(values.processingFeePerShare ?? ''),
      roundLot: wholeOrText(values.roundLot ?? ''),
      recordDate: isoOf(values.recordDate ?? ''),
      expiresAt: joinWallTime(values.expiryDate ?? '', values.expiryTime ?? ''),
      excludedJurisdictions: (values.excludedJurisdictions ?? '')
        .split(/[,;\s]+/)
        .map((s) => s.trim().toUpperCase())
        .filter((s) => s !== ''),
      planSharesExcluded: values.planSharesExcluded === YES,
      backupWithholdingRate: rate ?? (values.backupWithholdingPercent ?? '').trim(),
    } satisfies Partial<Record<keyof OddLotTerms, unknown>>;
  }
  const b = base?.kind === 'rights-offering' ? base : undefined;
  const classes = Array.from({ length: rows }, (_, i) => {
    const v = (name: ClassField) => values[classField(i, name)] ?? '';
    const old = b?.classes[i];
    return {
      code: v('code').trim().toUpperCase(),
      colour: v('colour').trim().toUpperCase(),
      ...(old?.description !== undefined && old.code === v('code').trim().toUpperCase() ? { description: old.description } : {}),
      ...(old?.unitsDecimals !== undefined && old.code === v('code').trim().toUpperCase() ? { unitsDecimals: old.unitsDecimals } : {}),
      firmRightsPerUnit: plainDecimal(v('firmRightsPerUnit')),
      oversubscription: v('oversubscription') === YES,
      transferable: v('transferable') === YES,
      stage: v('stage') === '2' ? 2 : 1,
    } satisfies Partial<Record<keyof RightsClassTerms, unknown>>;
  });
  return {
    ...b,
    kind: 'rights-offering',
    subscriptionPrice: plainDecimal(values.subscriptionPrice ?? ''),
    maxShares: wholeOrText(values.maxShares ?? ''),
    recordDate: isoOf(values.recordDate ?? ''),
    certificateIssueDate: isoOf(values.certificateIssueDate ?? ''),
    expiration: values.expirationBasis === 'entered' ? { basis: 'entered', at: joinWallTime(values.expirationDate ?? '', values.expirationTime ?? '') } : { basis: 'derived' },
    guaranteedDelivery: values.guaranteedDelivery === YES ? { allowed: true, coverBusinessDays: wholeOrText(values.coverBusinessDays ?? '') } : { allowed: false },
    oversubscription: { basis: values.prorationBasis ?? 'requested', requireFullBasic: values.requireFullBasic === YES },
    classes,
  } satisfies Partial<Record<keyof RightsOfferingTerms, unknown>>;
}

/**
 * The form field that shows a problem main (or the whole-schema check) names by its path in
 * the terms: `terms.classes.1.firmRightsPerUnit` → `classes.1.firmRightsPerUnit`,
 * `terms.expiration.at` → `expirationDate`. Null when no field of the form holds it.
 */
export function fieldForPath(path: string): string | null {
  const p = path.replace(/^terms\./, '');
  if (p === 'reason') return 'reason';
  if (p === 'confirmEarlierExpiration') return 'confirmEarlier';
  if (p === 'earlierExpirationReason') return 'earlierReason';
  const cls = /^classes\.(\d+)\.(\w+)$/.exec(p);
  if (cls) return (CLASS_FIELDS as readonly string[]).includes(cls[2]!) ? p : classField(Number.parseInt(cls[1]!, 10), 'code');
  if (p.startsWith('classes')) return classField(0, 'code');
  const map: Readonly<Record<string, string>> = {
    'expiration.at': 'expirationDate',
    expiration: 'expirationBasis',
    'expiration.basis': 'expirationBasis',
    'guaranteedDelivery.coverBusinessDays': 'coverBusinessDays',
    guaranteedDelivery: 'guaranteedDelivery',
    'oversubscription.basis': 'prorationBasis',
    'oversubscription.requireFullBasic': 'requireFullBasic',
    expiresAt: 'expiryDate',
    backupWithholdingRate: 'backupWithholdingPercent',
  };
  if (map[p]) return map[p];
  const top = p.split('.')[0] ?? '';
  if (/^excludedJurisdictions/.test(p)) return 'excludedJurisdictions';
  return ['subscriptionPrice', 'maxShares', 'recordDate', 'certificateIssueDate', 'processingFeePerShare', 'roundLot', 'planSharesExcluded'].includes(top) ? top : null;
}

// ---------------------------------------------------------------------------------------------
// How fields show once left.

const NORMALIZE: Readonly<Record<string, (v: string) => string>> = {
  subscriptionPrice: normalizeMoney,
  processingFeePerShare: normalizeMoney,
  maxShares: normalizeShares,
  recordDate: normalizeKeyedDate,
  certificateIssueDate: normalizeKeyedDate,
  expirationDate: normalizeKeyedDate,
  expiryDate: normalizeKeyedDate,
  expirationTime: normalizeKeyedTime,
  expiryTime: normalizeKeyedTime,
};
const upper = (v: string) => v.trim().toUpperCase();
/** How a field of the form shows once the clerk leaves it: money with cents, dates as MM/DD/YYYY, codes in capitals. */
export const normalizeField = (name: string) => NORMALIZE[name] ?? (/^classes\.\d+\.(code|colour)$/.test(name) ? upper : undefined);
