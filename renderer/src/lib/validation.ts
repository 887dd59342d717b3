import { z } from 'zod';

/** A check of one field: the message in words, naming the field, or null when fine. */
export type FieldCheck<V> = (value: string, values: V) => string | null;

/** Makes sure a message says which field it is about. */
export function nameTheField(label: string, message: string): string {
  return message.toLowerCase().startsWith(label.toLowerCase()) ? message : `${label}: ${message}`;
}

/** A field check from one of the shared zod schemas, so the screen says what main would say. */
export function checkWith<V>(schema: z.ZodType, label: string): FieldCheck<V> {
  return (value) => {
    const result = schema.safeParse(value);
    if (result.success) return null;
    const message = result.error.issues[0]?.message ?? 'is not valid';
    return nameTheField(label, message);
  };
}

/** Runs checks in order and keeps the first problem. */
export function allOf<V>(...checks: FieldCheck<V>[]): FieldCheck<V> {
  return (value, values) => {
    for (const check of checks) {
      const problem = check(value, values);
      if (problem !== null) return problem;
    }
    return null;
  };
}

/** A form's values as flat dotted paths, the way its fields are named: `{ classes: [{ code: 'A' }] }` → `{ 'classes.0.code': 'A' }`. */
export function flattenValues(values: unknown, prefix = ''): Record<string, string> {
  const flat: Record<string, string> = {};
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, path === '' ? String(i) : `${path}.${i}`));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, path === '' ? key : `${path}.${key}`);
    } else flat[path] = value === undefined || value === null ? '' : String(value);
  };
  walk(values, prefix);
  return flat;
}

const pathOf = (name: string): (string | number)[] => name.split('.').map((part) => (/^\d+$/.test(part) ? Number.parseInt(part, 10) : part));

/**
 * The zod schema a form validates with (through react-hook-form's zod resolver): each field's
 * check, run on the flat values, puts its problem in words on that field's path. The checks are
 * made from the shared schemas (checkWith), so the screen says what main would say.
 */
export function formSchema<V>(checksFor: (values: V) => { readonly [name: string]: FieldCheck<V> | undefined }) {
  return z.custom<object>((value) => typeof value === 'object' && value !== null).superRefine((values, ctx) => {
    const flat = flattenValues(values) as V & Record<string, string>;
    for (const [name, check] of Object.entries(checksFor(flat))) {
      const problem = check?.(flat[name] ?? '', flat) ?? null;
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem, path: pathOf(name) });
    }
  });
}
