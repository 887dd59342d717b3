/**
 * The register import's channels: inputs (zod, labelled) and results. The layout spec itself is
 * checked in main against the importers' own schema (electron/desk/importers/layout.ts), so its
 * problems name their dotted path.
 */
import { z } from 'zod';
import { labelled } from './labels';

const idOf = (label: string) =>
  labelled(z.number({ error: `${label} must be a number` }).int(`${label} must be a whole number`).positive(`${label} must be positive`), label);

const text = (label: string, max: number) =>
  labelled(z.string({ error: `${label} must be text` }).trim().min(1, `${label} is required`).max(max, `${label} must be at most ${max} characters`), label);

export const LAYOUT_FORMATS = ['csv', 'fixed', 'xlsx'] as const;

/** The contract's columns (shared/contracts/REGISTER.md), in the contract's order. */
export const REGISTER_COLUMNS = [
  'account', 'registration1', 'registration2', 'registration3', 'registration4', 'address1', 'address2', 'city', 'state',
  'postal_code', 'country', 'tin', 'tin_type', 'class', 'units', 'nominee', 'plan_shares',
] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];

const layoutSpec = labelled(z.record(z.string(), z.unknown(), { error: 'Layout must be a set of named fields (an object)' }), 'Layout');

export const registerLayoutsInput = z.object({ issuer: text('Issuer', 200) }).strict();

export const registerSaveLayoutInput = z
  .object({
    issuer: text('Issuer', 200),
    name: text('Layout name', 100),
    format: labelled(z.enum(LAYOUT_FORMATS, { error: 'File format must be csv, fixed or xlsx' }), 'File format'),
    spec: layoutSpec,
  })
  .strict();

export const registerChooseFileInput = z.object({}).strict();

export const registerStartImportInput = z
  .object({
    programId: idOf('Program'),
    fileToken: labelled(z.string({ error: 'File must be chosen' }).regex(/^[0-9a-f]{32}$/, 'File: choose the file again'), 'File'),
    layout: labelled(
      z.union([z.object({ name: text('Layout name', 100) }).strict(), z.object({ spec: layoutSpec }).strict()], { error: 'Layout: a saved layout\'s name, or a layout' }),
      'Layout',
    ),
    goodRowsOnly: labelled(z.boolean({ error: 'Good rows only must be true or false' }), 'Import the good rows only'),
    dryRun: labelled(z.boolean({ error: 'Check only must be true or false' }), 'Check only (write nothing)'),
  })
  .strict();

export const registerJobInput = z.object({ jobId: idOf('Job') }).strict();

export const registerProblemsInput = z
  .object({
    jobId: idOf('Job'),
    offset: labelled(z.number({ error: 'Offset must be a number' }).int().min(0, 'Offset must be 0 or more'), 'Offset'),
    limit: labelled(z.number({ error: 'Limit must be a number' }).int().min(1, 'Limit must be at least 1').max(1000, 'Limit must be at most 1000'), 'Limit'),
  })
  .strict();

export const registerExportReportInput = z
  .object({ jobId: idOf('Job'), format: labelled(z.enum(['csv', 'json'], { error: 'Format must be csv or json' }), 'Report format') })
  .strict();

export interface SavedLayout {
  readonly issuer: string;
  readonly name: string;
  readonly version: number;
  readonly format: (typeof LAYOUT_FORMATS)[number];
  readonly spec: unknown;
  readonly savedAt: string;
  readonly savedBy: string | null;
}

export interface ChosenRegisterFile {
  /** Stands for the path main's dialog chose; the path itself never reaches the screen. */
  readonly fileToken: string;
  readonly fileName: string;
  readonly bytes: number;
  readonly format: (typeof LAYOUT_FORMATS)[number];
  /** The first lines as read (a header and a few rows), for mapping columns. */
  readonly preview: { readonly columns: string[]; readonly rows: string[][] };
}

export interface RegisterImportResult {
  readonly committed: boolean;
  readonly importId: number | null;
  readonly file: { readonly sha256: string; readonly rows: number };
  readonly imported: number;
  readonly rejected: number;
  readonly problemCount: number;
}

export interface RegisterProblemView {
  readonly line: number;
  readonly column: string;
  readonly code: string;
  readonly message: string;
}

export interface RegisterProblemsPage {
  readonly total: number;
  readonly problems: RegisterProblemView[];
}
