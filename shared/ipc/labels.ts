/**
 * Field labels, kept with the schemas themselves (zod metadata): main names a field in its
 * messages by the label of the schema the problem is in, and the screen labels its inputs from
 * the same place. A hint says in a clerk's words what to type, and replaces a parser's wording.
 */
import { z } from 'zod';

export interface FieldLabel {
  /** "Subscription price". */
  readonly label: string;
  /** What to type, e.g. "type dollars and cents, e.g. 5.00". */
  readonly hint?: string;
}

export const fieldLabels = z.registry<FieldLabel>();

/** Attaches a label (and a hint) to a schema and returns it. */
export function labelled<S extends z.ZodType>(schema: S, label: string, hint?: string): S {
  fieldLabels.add(schema, hint === undefined ? { label } : { label, hint });
  return schema;
}

/** The label registered on `schema` itself, or on what it wraps (optional, default, nullable). */
export function labelOf(schema: z.ZodType | undefined): FieldLabel | undefined {
  for (let s = schema, depth = 0; s && depth < 8; s = inner(s), depth += 1) {
    const found = fieldLabels.get(s);
    if (found) return found;
  }
  return undefined;
}

/**
 * The schema found by following `path` into `schema` (object fields, list items, the branches of
 * a union), with every schema met on the way, outermost first; stops where the path leaves it.
 */
export function schemasAlong(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType[] {
  const met: z.ZodType[] = [schema];
  let current: z.ZodType | undefined = schema;
  for (const key of path) {
    current = current && child(current, key);
    if (!current) break;
    met.push(current);
  }
  return met;
}

type AnyDef = { type?: string; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType; options?: z.ZodType[]; shape?: Record<string, z.ZodType> };
const defOf = (s: z.ZodType): AnyDef => (s as unknown as { _zod: { def: AnyDef } })._zod.def;

function inner(s: z.ZodType): z.ZodType | undefined {
  const def = defOf(s);
  if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault' || def.type === 'readonly') return def.innerType;
  if (def.type === 'pipe') return def.in;
  return undefined;
}

function child(s: z.ZodType, key: PropertyKey): z.ZodType | undefined {
  for (let current: z.ZodType | undefined = s, depth = 0; current && depth < 8; current = inner(current), depth += 1) {
    const def = defOf(current);
    if (def.type === 'object' && def.shape && typeof key === 'string') return def.shape[key];
    if (def.type === 'array' && typeof key === 'number') return def.element;
    if (def.type === 'record') return (def as { valueType?: z.ZodType }).valueType;
    if (def.type === 'union' && def.options) {
      // The first branch that knows the key: labels of a field are the same in every branch.
      for (const option of def.options) {
        const found = child(option, key);
        if (found) return found;
      }
      return undefined;
    }
  }
  return undefined;
}
