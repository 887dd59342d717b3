import { z } from 'zod';
import { labelled } from './labels';

const idOf = (label: string) =>
  labelled(z.number({ error: `${label} must be a number` }).int(`${label} must be a whole number`).positive(`${label} must be positive`), label);
const offset = () =>
  labelled(z.number({ error: 'First row must be a number' }).int('First row must be a whole number').min(0, 'First row cannot be negative').max(100_000_000, 'First row is past any register'), 'First row');
const limit = () =>
  labelled(z.number({ error: 'Number of rows must be a number' }).int('Number of rows must be a whole number').min(1, 'Number of rows: at least 1').max(500, 'Number of rows: at most 500'), 'Number of rows').default(100);

export const registerSummaryInput = z.object({ programId: idOf('Program') }).strict();
export const registerEntriesInput = z.object({ programId: idOf('Program'), offset: offset(), limit: limit() }).strict();
export const registerHolderInput = z
  .object({
    programId: idOf('Program'),
    account: labelled(z.string({ error: 'Account must be text' }).trim().min(1, 'Account is required').max(64, 'Account must be at most 64 characters'), 'Account'),
  })
  .strict();
export const heldForeignInput = z.object({ programId: idOf('Program'), offset: offset(), limit: limit() }).strict();
export const certificatesListInput = z
  .object({
    programId: idOf('Program'),
    class: labelled(z.string({ error: 'Class must be text' }).trim().max(16, 'Class must be at most 16 characters'), 'Class').optional(),
    offset: offset(),
    limit: limit(),
  })
  .strict();
export const certificateDetailInput = z.object({ certificateId: idOf('Certificate') }).strict();
