import { z } from 'zod';

export const ROLES = ['clerk', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PROGRAM_KINDS = ['rights-offering', 'odd-lot'] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];

const trimmed = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);

export const usernameSchema = z
  .string({ error: 'User name must be text' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{1,31}$/, 'User name: 2–32 letters, digits, dot, dash or underscore, starting with a letter');

export const passwordSchema = z
  .string({ error: 'Password must be text' })
  .min(10, 'Password must be at least 10 characters')
  .max(200, 'Password must be at most 200 characters');

export const displayNameSchema = trimmed('Full name', 80);

/** ISO calendar date that really exists (no 2024-02-30). */
export const isoDateSchema = z
  .string({ error: 'Date must be text' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date must be YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map((p) => Number.parseInt(p, 10)) as [number, number, number];
    const probe = new Date(Date.UTC(y, m - 1, d));
    return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d && y >= 1900 && y <= 2200;
  }, 'Not a real calendar date');

export const cusipSchema = z
  .string({ error: 'CUSIP must be text' })
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z*@#]{9}$/, 'CUSIP must be 9 characters: letters, digits, *, @ or #');

export const idSchema = z.number({ error: 'Id must be a number' }).int('Id must be a whole number').positive('Id must be positive');

export const empty = z.object({}).strict();

export const credentialsInput = z.object({ username: usernameSchema, password: z.string().min(1, 'Password is required').max(200) }).strict();

export const newUserInput = z
  .object({ username: usernameSchema, displayName: displayNameSchema, password: passwordSchema, role: z.enum(ROLES, { error: 'Role must be clerk, supervisor or admin' }) })
  .strict();

export const firstAdminInput = z.object({ username: usernameSchema, displayName: displayNameSchema, password: passwordSchema }).strict();

export const setUserActiveInput = z.object({ userId: idSchema, active: z.boolean({ error: 'Active must be true or false' }) }).strict();

export const unlockInput = z.object({ password: z.string().min(1, 'Password is required').max(200) }).strict();

export const newProgramInput = z
  .object({
    kind: z.enum(PROGRAM_KINDS, { error: 'Kind must be a rights offering or an odd-lot program' }),
    name: trimmed('Program name', 120),
    issuer: trimmed('Issuer', 120),
    cusip: cusipSchema,
    recordDate: isoDateSchema,
  })
  .strict();

export const programIdInput = z.object({ programId: idSchema }).strict();

/**
 * New terms for a program. `terms` is checked in main against the engine's schema for the
 * program's kind (shared/domain/terms.ts), so its problems name their dotted path.
 */
export const recordTermsInput = z
  .object({
    programId: idSchema,
    reason: trimmed('Reason', 500),
    terms: z.record(z.string(), z.unknown(), { error: 'Terms must be a set of named fields (an object)' }),
  })
  .strict();

// No file path ever comes from the screen: main asks through its own dialog.
export const backupInput = empty;
export const restoreInput = empty;

export const DENSITIES = ['comfortable', 'compact'] as const;
export const prefsPatchInput = z
  .object({
    density: z.enum(DENSITIES).optional(),
    printer: z.string().max(200).nullable().optional(),
  })
  .strict();

export const journalListInput = z
  .object({ beforeSeq: z.number().int().positive().optional(), limit: z.number().int().min(1).max(500).default(100) })
  .strict();
