import type { z } from 'zod';

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

export type FormErrors<V> = Partial<Record<keyof V & string, string>>;

export function validateAll<V extends Record<string, string>>(
  checks: { [K in keyof V]?: FieldCheck<V> },
  values: V,
): FormErrors<V> {
  const errors: FormErrors<V> = {};
  for (const name of Object.keys(values) as (keyof V & string)[]) {
    const problem = checks[name]?.(values[name] ?? '', values) ?? null;
    if (problem !== null) errors[name] = problem;
  }
  return errors;
}

/** True when anything differs from what the form started with. */
export const hasKeyedSomething = <V extends Record<string, string>>(initial: V, values: V): boolean =>
  (Object.keys(values) as (keyof V)[]).some((k) => values[k] !== initial[k]);
