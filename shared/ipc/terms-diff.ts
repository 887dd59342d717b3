/**
 * What an amendment changes, field by field: the proposed terms beside the version they were
 * written against, so the second supervisor sees every change before approving it. Classes are
 * matched by their code (a class added or dropped shows as such), decimals compare by value
 * ("5" and "5.00" are the same price).
 */
import { dec } from '../domain/money';

export interface TermsChange {
  /** Where in the terms: `subscriptionPrice`, `expiration.at`, `classes.B.colour`. */
  readonly path: string;
  /** The value in words as the base version has it; null where it had none. */
  readonly before: string | null;
  readonly after: string | null;
}

/** Each field's text as recorded, and the value it is compared by. */
type Leaves = Map<string, { readonly text: string; readonly value: string }>;

const DECIMAL_KEYS = new Set(['subscriptionPrice', 'firmRightsPerUnit', 'processingFeePerShare', 'backupWithholdingRate']);

function leafText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.map(String).join(', ') || '(none)';
  return JSON.stringify(value);
}

function flatten(value: unknown, prefix: string, out: Leaves, key = ''): void {
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'object' && v !== null && typeof (v as { code?: unknown }).code === 'string')) {
    for (const item of value as { code: string }[]) flatten(item, `${prefix}.${item.code}`, out);
    return;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined) flatten(v, prefix === '' ? k : `${prefix}.${k}`, out, k);
    return;
  }
  const text = leafText(value);
  out.set(prefix, { text, value: typeof value === 'string' && DECIMAL_KEYS.has(key) && /^\d+(\.\d+)?$/.test(value) ? dec(value).toString() : text });
}

export interface TermsComparisonRow extends TermsChange {
  readonly changed: boolean;
}

/** Every field of either version side by side, in the order the fields first appear (the base's, then new ones). */
export function termsComparison(before: unknown, after: unknown): TermsComparisonRow[] {
  const a: Leaves = new Map();
  const b: Leaves = new Map();
  flatten(before, '', a);
  flatten(after, '', b);
  const paths = [...a.keys(), ...[...b.keys()].filter((k) => !a.has(k))];
  return paths.map((path) => ({ path, before: a.get(path)?.text ?? null, after: b.get(path)?.text ?? null, changed: a.get(path)?.value !== b.get(path)?.value }));
}

/** Every field whose value differs. */
export const termsChanges = (before: unknown, after: unknown): TermsChange[] =>
  termsComparison(before, after)
    .filter((r) => r.changed)
    .map(({ path, before: was, after: now }) => ({ path, before: was, after: now }));
