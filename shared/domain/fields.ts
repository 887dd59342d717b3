/**
 * zod field schemas shared by the scenario@1 format and the program terms: decimals as JSON
 * strings, share counts as JSON integers, dates and wall times as text; every message names what
 * was expected and what came ("expected a decimal string like "615.00", got the number 615").
 */
import { z } from 'zod';
import { DECIMAL_PATTERN } from './money';
import { isIsoDate, isTimeZone, isWallTime } from './time';

// ---------------------------------------------------------------------------------------------
// Messages.

export function show(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (typeof input === 'number') return `the number ${String(input)}`;
  if (typeof input === 'string') return `the string ${JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input)}`;
  if (typeof input === 'boolean') return `the value ${String(input)}`;
  if (Array.isArray(input)) return 'a list';
  return 'an object';
}

/** A value as it is named in a message: strings quoted, anything else described. */
export function named(input: unknown): string {
  return typeof input === 'string' ? JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input) : show(input);
}

type Issue = { readonly code?: string; readonly input?: unknown };
export const expected = (what: string) => (iss: Issue) =>
  iss.code === 'unrecognized_keys' ? 'unknown field' : iss.input === undefined ? `missing; expected ${what}` : `expected ${what}, got ${show(iss.input)}`;

// ---------------------------------------------------------------------------------------------
// Field schemas.

export interface DecimalRule {
  /** Shown in messages: `expected a decimal string like "615.00"`. */
  readonly example: string;
  readonly maxScale: number;
  readonly positive?: boolean;
  readonly max?: string;
  /** Digits before the point (default 15). */
  readonly maxIntegerDigits?: number;
}

const MAX_INTEGER_DIGITS = 15;

/** What is wrong with a decimal string under a rule, or null. Runs per field: no closures, no regex on the happy path's tail. */
function decimalProblem(s: string, rule: DecimalRule): string | null {
  if (!DECIMAL_PATTERN.test(s)) {
    if (/^-\d+(\.\d+)?$/.test(s)) return `must not be negative, got "${s}"`;
    return `expected a decimal string like "${rule.example}", got ${show(s)}`;
  }
  const dot = s.indexOf('.');
  const scale = dot < 0 ? 0 : s.length - dot - 1;
  if (scale > rule.maxScale) {
    return rule.maxScale === 2 ? `at most 2 decimal places (whole cents), got "${s}"` : `at most ${rule.maxScale} decimal places, got "${s}"`;
  }
  const intPart = dot < 0 ? s : s.slice(0, dot);
  const maxDigits = rule.maxIntegerDigits ?? MAX_INTEGER_DIGITS;
  if (intPart.length > maxDigits && intPart.replace(/^0+(?=\d)/, '').length > maxDigits) return `too large (at most ${maxDigits} digits before the point), got "${s}"`;
  if (rule.positive === true && /^[0.]+$/.test(s)) return `must be more than zero, got "${s}"`;
  if (rule.max !== undefined && compareDecimalStrings(s, rule.max) > 0) return `must be at most ${rule.max}, got "${s}"`;
  return null;
}

export function decimal(rule: DecimalRule) {
  return z.string({ error: expected(`a decimal string like "${rule.example}"`) }).superRefine((s, ctx) => {
    const message = decimalProblem(s, rule);
    if (message !== null) ctx.addIssue({ code: 'custom', message, input: s });
  });
}

/** Compares two non-negative decimal strings exactly. */
function compareDecimalStrings(a: string, b: string): number {
  const [ai = '', af = ''] = a.split('.');
  const [bi = '', bf = ''] = b.split('.');
  const an = ai.replace(/^0+/, '');
  const bn = bi.replace(/^0+/, '');
  if (an.length !== bn.length) return an.length - bn.length;
  if (an !== bn) return an < bn ? -1 : 1;
  const width = Math.max(af.length, bf.length);
  const x = af.padEnd(width, '0');
  const y = bf.padEnd(width, '0');
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Money: whole cents, below $10 trillion per amount (so integer cents stay exact; see integers.ts). */
export const money = (example: string) => decimal({ example, maxScale: 2, maxIntegerDigits: 13 });

function wholeNumberProblem(n: number, what: string, min: number): string | null {
  if (!Number.isInteger(n)) return `expected ${what}, got ${String(n)}`;
  if (n < 0) return `must not be negative, got ${String(n)}`;
  if (n < min) return `must be at least ${min}, got ${String(n)}`;
  if (!Number.isSafeInteger(n)) return `too large, got ${String(n)}`;
  return null;
}

export function wholeNumber(what: string, { min = 0 }: { min?: number } = {}) {
  return z.number({ error: expected(what) }).superRefine((n, ctx) => {
    const message = wholeNumberProblem(n, what, min);
    if (message !== null) ctx.addIssue({ code: 'custom', message, input: n });
  });
}

export const shares = () => wholeNumber('a whole number of shares');

export const identifier = (what: string, example: string) =>
  z
    .string({ error: expected(`${what} like "${example}"`) })
    .regex(/^[!-~]{1,40}$/, { error: (iss) => `expected ${what} like "${example}" (1–40 characters, no spaces), got ${show(iss.input)}` });

export const wallTime = () =>
  z
    .string({ error: expected('a local time like "2003-12-08T17:00"') })
    .refine(isWallTime, { error: (iss) => `expected a local time like "2003-12-08T17:00" (YYYY-MM-DDTHH:mm), got ${show(iss.input)}` });

export const isoDate = () =>
  z
    .string({ error: expected('a date like "2003-12-02"') })
    .refine(isIsoDate, { error: (iss) => `expected a date like "2003-12-02" (YYYY-MM-DD, a real date), got ${show(iss.input)}` });

export const timeZone = () =>
  z
    .string({ error: expected('a time zone like "America/New_York"') })
    .refine(isTimeZone, { error: (iss) => `expected a time zone like "America/New_York", got ${show(iss.input)}` });

export const bool = () => z.boolean({ error: expected('true or false') });

export const list = <T extends z.ZodType>(item: T) => z.array(item, { error: expected('a list') });

export const obj = <S extends z.ZodRawShape>(shape: S) => z.strictObject(shape, { error: expected('an object') });

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: expected(`one of ${values.map((v) => `"${v}"`).join(', ')}`) });

export const country = () =>
  z
    .string({ error: expected('a two-letter country code like "US"') })
    .regex(/^[A-Z]{2}$/, { error: (iss) => `expected a two-letter country code like "US", got ${show(iss.input)}` });

