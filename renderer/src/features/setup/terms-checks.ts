/**
 * Instant checks of the Terms form, made from the engine's own schemas so that the screen says
 * what main would say. Each message names its field.
 */
import { guaranteedDeliverySchema, oddLotTermsSchema, rightsClassTermsSchema, rightsOfferingTermsSchema } from '../../../../shared/domain/terms';
import { recordTermsInput, type ProgramKind } from '../../../../shared/ipc/schemas';
import type { z } from 'zod';
import { parseKeyedDate } from '../../lib/dates';
import { checkWith, nameTheField, type FieldCheck } from '../../lib/validation';
import { percentToRate, plainDecimal } from '../../lib/amounts';
import { parseKeyedTime } from '../../lib/times';
import { classField, fieldForPath, keyedExpiration, valuesToTerms, type TermsValues } from './terms-form';
import type { ProgramTerms } from '../../../../shared/domain/terms';
import type { CalendarName } from '../../../../shared/domain/calendar';
import { earlierExpirationMessage, issueDateProblem, maxSharesProblem, subscriptionPriceProblem } from '../../../../shared/ipc/terms-record';

type Check = FieldCheck<TermsValues>;

/** The first problem the schema finds with a value (a number or list as well as text), naming the field. */
function problemWith(schema: z.ZodType, label: string, value: unknown): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : nameTheField(label, result.error.issues[0]?.message ?? 'is not valid');
}

/** How to type each kind of number, said to a clerk when what was keyed does not read as one. */
const HOW_TO_TYPE = {
  money: 'type dollars and cents, e.g. 5.00',
  rate: 'type a number, e.g. 1 or 0.5',
  shares: 'type whole shares as digits, e.g. 43333333',
  percent: 'type a percent, e.g. 24',
  days: 'type a number of business days, e.g. 3',
} as const;

const decimalWith =
  (schema: z.ZodType, label: string, how: 'money' | 'rate'): Check =>
  (v) => {
    const plain = plainDecimal(v);
    if (plain !== '' && !/^\d+(\.\d+)?$/.test(plain)) return `${label}: ${HOW_TO_TYPE[how]}`;
    return checkWith<TermsValues>(schema, label)(plain, {});
  };

const wholeWith =
  (schema: z.ZodType, label: string): Check =>
  (v) => {
    const plain = v.trim().replace(/,/g, '');
    if (plain === '') return `${label} is required`;
    if (!/^\d{1,15}$/.test(plain)) return `${label}: ${HOW_TO_TYPE.shares}`;
    return problemWith(schema, label, Number.parseInt(plain, 10));
  };

const keyedDate =
  (label: string, businessDayOf?: CalendarName): Check =>
  (v) => {
    const parsed = parseKeyedDate(v, label);
    if (!parsed.ok) return parsed.message;
    return businessDayOf ? issueDateProblem(parsed.iso, businessDayOf) : null;
  };

/** Runs `then` on what passed `first`. */
const andThen =
  (first: Check, then: (v: string) => string | null): Check =>
  (v, values) =>
    first(v, values) ?? then(v);

const keyedTime =
  (label: string): Check =>
  (v) =>
    v.trim() === '' ? `${label} is required` : parseKeyedTime(v) === null ? `${label} must be HHMM (New York time), e.g. 1700` : null;

const when =
  (test: (values: TermsValues) => boolean, check: Check): Check =>
  (v, values) =>
    test(values) ? check(v, values) : null;

export const LABELS: Readonly<Record<string, string>> = {
  subscriptionPrice: 'Subscription price',
  maxShares: 'Maximum shares',
  recordDate: 'Record date',
  certificateIssueDate: 'Certificate issue date',
  expirationBasis: 'Expiration',
  expirationDate: 'Expiration date',
  expirationTime: 'Expiration time',
  guaranteedDelivery: 'Guaranteed delivery allowed',
  coverBusinessDays: 'Certificate within (business days)',
  prorationBasis: 'Proration basis',
  requireFullBasic: 'Full basic exercise required',
  processingFeePerShare: 'Processing fee per share',
  roundLot: 'Round lot',
  expiryDate: 'Expiry date',
  expiryTime: 'Expiry time',
  excludedJurisdictions: 'Excluded jurisdictions',
  planSharesExcluded: 'Plan shares excluded',
  backupWithholdingPercent: 'Backup withholding (%)',
  reason: 'Reason',
  confirmEarlier: 'Confirm the earlier expiration',
  earlierReason: 'Why expiration moves earlier',
};

/** What the form knows of the program beyond the keyed values: its calendar and the current version's expiration. */
export interface TermsCheckContext {
  readonly calendar: CalendarName;
  /** The current version's expiration (wall time), when amending. */
  readonly currentExpiresAt: string | null;
}

/** The old and new expirations when the keyed terms expire before the current version; null otherwise. */
export function movedEarlier(kind: ProgramKind, values: TermsValues, context: TermsCheckContext): { from: string; to: string } | null {
  if (context.currentExpiresAt === null) return null;
  const to = keyedExpiration(kind, values, context.calendar);
  return to !== null && to < context.currentExpiresAt ? { from: context.currentExpiresAt, to } : null;
}

/** The confirmation and its reason, asked only when the expiration moves earlier. */
function earlierChecks(kind: ProgramKind, context: TermsCheckContext): Record<string, Check> {
  const reason = checkWith<TermsValues>(recordTermsInput.shape.earlierExpirationReason.unwrap(), LABELS.earlierReason!);
  return {
    confirmEarlier: (v, values) => {
      const moved = movedEarlier(kind, values, context);
      return moved && v !== 'yes' ? earlierExpirationMessage(moved.from, moved.to) : null;
    },
    earlierReason: (v, values) => (movedEarlier(kind, values, context) ? reason(v, values) : null),
  };
}

const CLASS_LABELS = { code: 'code', colour: 'colour', firmRightsPerUnit: 'firm rights per unit', oversubscription: 'oversubscription', transferable: 'transferable', stage: 'stage' } as const;
export const classLabel = (row: number, name: keyof typeof CLASS_LABELS) => `Class ${row + 1} ${CLASS_LABELS[name]}`;

/** The label of a form field, for messages. */
export function labelOf(field: string): string {
  const m = /^classes\.(\d+)\.(\w+)$/.exec(field);
  if (m && m[2]! in CLASS_LABELS) return classLabel(Number.parseInt(m[1]!, 10), m[2] as keyof typeof CLASS_LABELS);
  return LABELS[field] ?? field;
}

const R = rightsOfferingTermsSchema.shape;
const O = oddLotTermsSchema.shape;
const C = rightsClassTermsSchema.shape;

const NEW_PROGRAM: TermsCheckContext = { calendar: 'NYSE', currentExpiresAt: null };

export function termsChecks(kind: ProgramKind, rows: number, context: TermsCheckContext = NEW_PROGRAM): Record<string, Check> {
  const reason: Check = checkWith<TermsValues>(recordTermsInput.shape.reason, 'Reason');
  if (kind === 'odd-lot') {
    return {
      ...earlierChecks(kind, context),
      processingFeePerShare: decimalWith(O.processingFeePerShare, LABELS.processingFeePerShare!, 'money'),
      roundLot: wholeWith(O.roundLot, LABELS.roundLot!),
      recordDate: keyedDate(LABELS.recordDate!),
      expiryDate: keyedDate(LABELS.expiryDate!),
      expiryTime: keyedTime(LABELS.expiryTime!),
      excludedJurisdictions: (v) => {
        const codes = v.split(/[,;\s]+/).map((s) => s.trim().toUpperCase()).filter((s) => s !== '');
        return problemWith(O.excludedJurisdictions, LABELS.excludedJurisdictions!, codes);
      },
      backupWithholdingPercent: (v) => {
        if (v.trim() === '') return `${LABELS.backupWithholdingPercent} is required`;
        const rate = percentToRate(v);
        if (rate === null) return `${LABELS.backupWithholdingPercent}: ${HOW_TO_TYPE.percent}`;
        return checkWith<TermsValues>(O.backupWithholdingRate, LABELS.backupWithholdingPercent!)(rate, {}) === null ? null : `${LABELS.backupWithholdingPercent}: must be between 0 and 100, got "${v.trim()}"`;
      },
      reason,
    };
  }
  const checks: Record<string, Check> = {
    subscriptionPrice: andThen(decimalWith(R.subscriptionPrice, LABELS.subscriptionPrice!, 'money'), (v) => subscriptionPriceProblem(plainDecimal(v))),
    maxShares: andThen(wholeWith(R.maxShares, LABELS.maxShares!), (v) => maxSharesProblem(Number.parseInt(v.trim().replace(/,/g, ''), 10))),
    recordDate: keyedDate(LABELS.recordDate!),
    certificateIssueDate: keyedDate(LABELS.certificateIssueDate!, context.calendar),
    expirationDate: when((v) => v.expirationBasis === 'entered', keyedDate(LABELS.expirationDate!)),
    expirationTime: when((v) => v.expirationBasis === 'entered', keyedTime(LABELS.expirationTime!)),
    coverBusinessDays: when((v) => v.guaranteedDelivery === 'yes', (v) => {
      const plain = v.trim();
      if (!/^\d{1,3}$/.test(plain)) return `${LABELS.coverBusinessDays}: ${HOW_TO_TYPE.days}`;
      const r = guaranteedDeliverySchema.safeParse({ allowed: true, coverBusinessDays: Number.parseInt(plain, 10) });
      return r.success ? null : nameTheField(LABELS.coverBusinessDays!, r.error.issues[0]?.message ?? 'is not valid');
    }),
    ...earlierChecks(kind, context),
    reason,
  };
  for (let i = 0; i < rows; i++) {
    checks[classField(i, 'code')] = (v, values) => {
      const own = checkWith<TermsValues>(C.code, classLabel(i, 'code'))(v.trim().toUpperCase(), {});
      if (own) return own;
      for (let j = 0; j < i; j++) if ((values[classField(j, 'code')] ?? '').trim().toUpperCase() === v.trim().toUpperCase()) return `${classLabel(i, 'code')}: class "${v.trim().toUpperCase()}" is already row ${j + 1}`;
      return null;
    };
    checks[classField(i, 'colour')] = (v) => checkWith<TermsValues>(C.colour, classLabel(i, 'colour'))(v.trim(), {});
    checks[classField(i, 'firmRightsPerUnit')] = decimalWith(C.firmRightsPerUnit, classLabel(i, 'firmRightsPerUnit'), 'rate');
  }
  return checks;
}

/** The whole terms against the engine's schema (cross-field rules too): the first problem as a form field and message, or null. */
export function wholeTermsProblem(kind: ProgramKind, values: TermsValues, rows: number, base?: ProgramTerms): { field: string | null; message: string } | null {
  const schema = kind === 'odd-lot' ? oddLotTermsSchema : rightsOfferingTermsSchema;
  const result = schema.safeParse(valuesToTerms(kind, values, rows, base));
  if (result.success) return null;
  const issue = result.error.issues[0];
  if (!issue) return null;
  const field = fieldForPath(issue.path.join('.'));
  return { field, message: field ? nameTheField(labelOf(field), issue.message) : issue.message };
}
