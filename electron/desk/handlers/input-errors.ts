import type { z } from 'zod';
import { labelOf, schemasAlong } from '../../../shared/ipc/labels';
import '../../../shared/ipc/terms-labels';

const MAX_NAME = 64;
const clip = (s: string) => (s.length > MAX_NAME ? `${s.slice(0, MAX_NAME)}…` : s);

/** A parser's own wording ("expected a decimal string like …", "Invalid input"), which a clerk is never shown when a hint exists. */
const PARSER_WORDING = /^(missing; )?expected |^invalid /i;

/**
 * The first problem with an input, as `field` (the dotted path) and a message that names the
 * field by the label kept with its schema, in words. Hostile inputs may have huge or odd keys:
 * names are clipped, never echoed whole.
 */
export function describeInvalidInput(error: z.ZodError, input: unknown, schema?: z.ZodType): { field?: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { message: 'The request is not valid' };
  const path = issue.path.map((p) => clip(String(p)));
  if (issue.code === 'unrecognized_keys') {
    const key = clip(String(issue.keys[0] ?? ''));
    return { field: [...path, key].join('.'), message: `"${key}" is not a field this request takes` };
  }
  if (path.length === 0) return { message: 'The request must be a set of named fields (an object)' };
  const field = path.join('.');
  const along = schema ? schemasAlong(schema, issue.path) : [];
  // The innermost labelled schema on the path names the field (a list item is named by its list).
  const named = along.length === issue.path.length + 1 ? [...along].reverse().map(labelOf).find((l) => l !== undefined) : undefined;
  const label = named?.label ?? `Field "${String(path[path.length - 1])}"`;
  if (path.length === 1 && isMissing(input, String(issue.path[0]))) return { field, message: `${label} is required` };
  const raw = issue.message;
  if (named?.hint !== undefined && PARSER_WORDING.test(raw)) return { field, message: `${label}: ${named.hint}` };
  const message = raw.toLowerCase().startsWith(label.toLowerCase()) ? raw : `${label}: ${lowerFirst(stripSubject(raw, label))}`;
  return { field, message };
}

/** "Id must be a number" under the label "Program" reads "Program: must be a number". */
function stripSubject(message: string, label: string): string {
  const subject = /^(Id|Date|Field) (must|is) /.exec(message);
  return subject && label !== subject[1] ? message.slice(subject[1]!.length + 1) : message;
}

function isMissing(input: unknown, key: string): boolean {
  return typeof input === 'object' && input !== null && !Object.prototype.hasOwnProperty.call(input, key);
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
