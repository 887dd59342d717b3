/**
 * Channels' inputs and results for the audit trail (the Audit area): the journal filtered by
 * user, program, item, action and New York dates, a window at a time; its actions in words; a
 * CSV export into the file main's dialog chooses.
 */
import { z } from 'zod';
import { labelled } from './labels';
import { isoDateSchema } from './schemas';
import type { JournalEntryView } from './types';

const optionalText = (label: string, max: number) =>
  labelled(z.string({ error: `${label} must be text` }).trim().max(max, `${label} must be at most ${max} characters`), label)
    .optional()
    .transform((v) => (v === '' ? undefined : v));

export const journalFilterSchema = z
  .object({
    username: optionalText('User', 64),
    programId: labelled(z.number({ error: 'Program must be a number' }).int('Program must be a whole number').positive('Program must be positive'), 'Program').optional(),
    text: optionalText('Item', 100),
    action: optionalText('Action', 100),
    fromDate: labelled(isoDateSchema.clone(), 'From', 'type the date as MMDDYY or MM/DD/YYYY').optional(),
    toDate: labelled(isoDateSchema.clone(), 'To', 'type the date as MMDDYY or MM/DD/YYYY').optional(),
  })
  .strict()
  .refine((f) => f.fromDate === undefined || f.toDate === undefined || f.fromDate <= f.toDate, { message: 'To: the last day comes before the first', path: ['toDate'] });
/** What the screen sends; main reads it as JournalFilterRead (blanks dropped). */
export type JournalFilterInput = z.input<typeof journalFilterSchema>;
export type JournalFilterRead = z.output<typeof journalFilterSchema>;

export const journalSearchInput = z
  .object({
    filter: journalFilterSchema,
    offset: labelled(z.number().int().min(0), 'Position'),
    limit: labelled(z.number().int().min(1).max(500), 'Number of entries'),
  })
  .strict();

export const journalExportInput = z.object({ filter: journalFilterSchema }).strict();

/** A window of what the filter keeps, as every long list answers: its total, where it starts, its rows. */
export interface JournalSearchView {
  readonly total: number;
  readonly offset: number;
  readonly rows: readonly JournalEntryView[];
}

export interface JournalActionView {
  readonly action: string;
  readonly words: string;
  readonly entries: number;
}

export interface JournalExportView {
  readonly fileName: string;
  readonly entries: number;
}
