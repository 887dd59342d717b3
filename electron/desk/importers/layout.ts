/**
 * A register file's layout: how each of the contract's columns (shared/contracts/REGISTER.md) is
 * found in the file. CSV and .xlsx name a source column per contract column (a header row);
 * fixed-width gives each a position. Saved per issuer under a name (import_layouts), validated here.
 */
import { z } from 'zod';
// The contract's columns live with the channels, so the screen that maps them knows them too.
import { REGISTER_COLUMNS, type RegisterColumn } from '../../../shared/ipc/register-import';
export { REGISTER_COLUMNS, type RegisterColumn };

/** Columns a file may leave out: they read as blank (plan_shares as 0). */
export const OPTIONAL_COLUMNS: ReadonlySet<RegisterColumn> = new Set(['registration2', 'registration3', 'registration4', 'address2', 'state', 'postal_code', 'nominee', 'plan_shares', 'class']);

/** One row as the validator sees it: every contract column, as text ('' when absent). */
export type RawRow = Record<RegisterColumn, string>;

const columnName = z.string().trim().min(1, 'a column name is needed').max(200);
const columnKey = z.enum(REGISTER_COLUMNS);

const named = z.partialRecord(columnKey, columnName).default({});

const position = z.object({
  /** 1-based character position of the field's first character. */
  start: z.number().int().min(1).max(65_536),
  length: z.number().int().min(1).max(65_536),
}).strict();

export const csvLayoutSchema = z.object({
  format: z.literal('csv'),
  /** Source column name per contract column; a column not named here is looked up by its own name. */
  columns: named,
  delimiter: z.enum([',', ';', '\t', '|']).default(','),
}).strict();

export const fixedLayoutSchema = z.object({
  format: z.literal('fixed'),
  /** Lines before the first row (a title or header line); line numbers still count them. */
  skipLines: z.number().int().min(0).max(100).default(0),
  columns: z.partialRecord(columnKey, position),
}).strict().superRefine((spec, ctx) => {
  for (const column of REGISTER_COLUMNS) {
    if (!OPTIONAL_COLUMNS.has(column) && spec.columns[column] === undefined) ctx.addIssue({ code: 'custom', path: ['columns', column], message: `a position is needed for ${column}` });
  }
});

export const xlsxLayoutSchema = z.object({
  format: z.literal('xlsx'),
  /** The worksheet's name; the first worksheet when absent. */
  sheet: z.string().min(1).max(100).optional(),
  /** The row holding the column names (rows above it are skipped). */
  headerRow: z.number().int().min(1).max(1000).default(1),
  columns: named,
}).strict();

export const layoutSpecSchema = z.discriminatedUnion('format', [csvLayoutSchema, fixedLayoutSchema, xlsxLayoutSchema]);
export type LayoutSpec = z.output<typeof layoutSpecSchema>;
export type CsvLayout = z.output<typeof csvLayoutSchema>;
export type FixedLayout = z.output<typeof fixedLayoutSchema>;
export type XlsxLayout = z.output<typeof xlsxLayoutSchema>;

/** The contract's default: CSV, every column under its own name. */
export const DEFAULT_LAYOUT: CsvLayout = { format: 'csv', columns: {}, delimiter: ',' };
export const DEFAULT_LAYOUT_NAME = 'default (CSV)';

/** A layout given as JSON, or a plain message naming the first problem and where it is. */
export function parseLayout(raw: unknown): { ok: true; spec: LayoutSpec } | { ok: false; message: string } {
  const parsed = layoutSpecSchema.safeParse(raw);
  if (parsed.success) return { ok: true, spec: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return { ok: false, message: `the layout is not valid: ${where}${issue?.message ?? 'unknown problem'}` };
}

/**
 * Where each contract column is among a header's names: the layout's mapping, or the column's own
 * name. A required column not found, or a name found twice, is a problem of the file as a whole.
 */
export function mapHeader(header: readonly string[], columns: Partial<Record<RegisterColumn, string>>): { ok: true; index: Partial<Record<RegisterColumn, number>> } | { ok: false; message: string } {
  const names = header.map((h) => h.trim());
  const index: Partial<Record<RegisterColumn, number>> = {};
  for (const column of REGISTER_COLUMNS) {
    const wanted = columns[column] ?? column;
    const at = names.indexOf(wanted);
    if (at >= 0 && names.indexOf(wanted, at + 1) >= 0) return { ok: false, message: `the header names the column "${wanted}" twice` };
    if (at >= 0) index[column] = at;
    else if (!OPTIONAL_COLUMNS.has(column)) return { ok: false, message: `the header has no column "${wanted}" (for ${column})` };
  }
  return { ok: true, index };
}

/** A row's contract columns from its fields (a column the file does not have reads as ''). */
export function rowFromFields(fields: readonly string[], index: Partial<Record<RegisterColumn, number>>): RawRow {
  const row = {} as RawRow;
  for (const column of REGISTER_COLUMNS) {
    const at = index[column];
    row[column] = at === undefined ? '' : (fields[at] ?? '');
  }
  return row;
}
