import { z } from 'zod';
import { labelled } from './labels';

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

export const usernameSchema = labelled(
  z
    .string({ error: 'User name must be text' })
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9._-]{1,31}$/, 'User name: 2–32 letters, digits, dot, dash or underscore, starting with a letter'),
  'User name',
);

export const passwordSchema = labelled(
  z
    .string({ error: 'Password must be text' })
    .min(12, 'Password must be at least 12 characters')
    .max(200, 'Password must be at most 200 characters')
    .refine((s) => s.trim() !== '', 'Password cannot be only spaces'),
  'Password',
);

/** The password typed to sign in or unlock: any length the desk accepted when it was set. */
const typedPassword = labelled(z.string({ error: 'Password must be text' }).min(1, 'Password is required').max(200), 'Password');

export const displayNameSchema = labelled(trimmed('Full name', 80), 'Full name');

/**
 * Why something was done, kept in the journal: a real reason, not a letter — at least 10
 * characters in at least two words ("Original terms", "Left the firm").
 */
export const reasonText = (label: string, example: string) =>
  labelled(
    trimmed(label, 500).refine((s) => s.length >= 10 && s.split(/\s+/).length >= 2, `${label}: say why in a few words (at least 10 characters), e.g. ${example}`),
    label,
  );

/** ISO calendar date that really exists (no 2024-02-30). */
export const isoDateSchema = z
  .string({ error: 'Date must be text' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date must be YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map((p) => Number.parseInt(p, 10)) as [number, number, number];
    const probe = new Date(Date.UTC(y, m - 1, d));
    return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d && y >= 1900 && y <= 2200;
  }, 'Not a real calendar date');

export const cusipSchema = labelled(
  z
    .string({ error: 'CUSIP must be text' })
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z*@#]{9}$/, 'CUSIP must be 9 characters: letters, digits, *, @ or #'),
  'CUSIP',
  'type the 9 characters as printed, e.g. 983764 17 6',
);

const idOf = (label: string) =>
  labelled(z.number({ error: `${label} must be a number` }).int(`${label} must be a whole number`).positive(`${label} must be positive`), label);
export const idSchema = idOf('Id');

export const empty = z.object({}).strict();

const roleSchema = labelled(z.enum(ROLES, { error: 'Role must be clerk, supervisor or admin' }), 'Role');

export const credentialsInput = z.object({ username: usernameSchema, password: typedPassword }).strict();

export const newUserInput = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema,
    password: passwordSchema,
    role: roleSchema,
  })
  .strict();

export const firstAdminInput = z.object({ username: usernameSchema, displayName: displayNameSchema, password: passwordSchema }).strict();

/** Deactivating needs a reason (main refuses without one); it is kept in the journal. */
export const setUserActiveInput = z
  .object({
    userId: idOf('User'),
    active: labelled(z.boolean({ error: 'Active must be true or false' }), 'Active'),
    reason: reasonText('Reason for deactivating', 'Left the firm on 03/31').optional(),
  })
  .strict();

export const setUserRoleInput = z.object({ userId: idOf('User'), role: roleSchema }).strict();

/** An administrator sets a temporary password; the user must choose their own at the next sign-in. */
export const unlockUserInput = z.object({ userId: idOf('User') }).strict();
export const resetPasswordInput = z.object({ userId: idOf('User'), password: labelled(passwordSchema.clone(), 'Temporary password') }).strict();

export const changePasswordInput = z
  .object({ currentPassword: labelled(typedPassword.clone(), 'Current password'), newPassword: labelled(passwordSchema.clone(), 'New password') })
  .strict();

export const unlockInput = z.object({ password: typedPassword }).strict();

export const newProgramInput = z
  .object({
    kind: labelled(z.enum(PROGRAM_KINDS, { error: 'Kind must be a rights offering or an odd-lot program' }), 'Kind of program'),
    name: labelled(trimmed('Program name', 120), 'Program name'),
    issuer: labelled(trimmed('Issuer', 120), 'Issuer'),
    cusip: cusipSchema,
    recordDate: labelled(isoDateSchema.clone(), 'Record date', 'type the date as MMDDYY or MM/DD/YYYY'),
  })
  .strict();

export const programIdInput = z.object({ programId: idOf('Program') }).strict();

/**
 * New terms for a program. `terms` is checked in main against the engine's schema for the
 * program's kind (shared/domain/terms.ts), so its problems name their dotted path.
 */
export const recordTermsInput = z
  .object({
    programId: idOf('Program'),
    reason: reasonText('Reason', 'Extension per press release'),
    terms: labelled(z.record(z.string(), z.unknown(), { error: 'Terms must be a set of named fields (an object)' }), 'Terms'),
    /** An amendment that moves expiration earlier is recorded only when confirmed, with its own reason. */
    confirmEarlierExpiration: labelled(z.boolean({ error: 'Confirm the earlier expiration must be true or false' }), 'Confirm the earlier expiration').optional(),
    earlierExpirationReason: reasonText('Why expiration moves earlier', 'Company shortened the offer per notice').optional(),
  })
  .strict();

/** How the desk talks to an office database: no TLS, TLS without checking the certificate, or TLS checked against the host name. */
export const TLS_MODES = ['disable', 'require', 'verify-full'] as const;
export type TlsMode = (typeof TLS_MODES)[number];

const HOST = /^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$|^\[?[0-9A-Fa-f:.]{2,45}\]?$/;
const PG_NAME = /^[A-Za-z_][A-Za-z0-9_$-]{0,62}$/;

/** Connect to an office database: where it is, who connects, how; the password is kept sealed on this workstation. */
export const connectOfficeInput = z
  .object({
    host: labelled(z.string({ error: 'Host must be text' }).trim().regex(HOST, 'Host: type a server name or address, e.g. db.office.example'), 'Host'),
    port: labelled(z.number({ error: 'Port must be a number' }).int('Port must be a whole number').min(1, 'Port must be 1–65535').max(65535, 'Port must be 1–65535'), 'Port'),
    database: labelled(z.string({ error: 'Database must be text' }).trim().regex(PG_NAME, 'Database: letters, digits and _ only, e.g. offering_desk'), 'Database'),
    user: labelled(z.string({ error: 'User must be text' }).trim().regex(PG_NAME, 'Database user: letters, digits and _ only, e.g. desk_clerk'), 'Database user'),
    password: labelled(z.string({ error: 'Password must be text' }).max(1000, 'Password must be at most 1000 characters'), 'Database password'),
    tls: labelled(z.enum(TLS_MODES, { error: 'TLS must be disable, require or verify-full' }), 'TLS'),
    /** Keep the password (sealed by the operating system) so the desk reconnects at its next start. */
    remember: labelled(z.boolean({ error: 'Remember must be true or false' }), 'Remember the password'),
  })
  .strict();

/** Ctrl+K: words to find, in any order; each may be the start of a word. */
export const findInput = z
  .object({
    query: labelled(z.string({ error: 'Find must be text' }).max(200, 'Find: at most 200 characters'), 'Find'),
    limit: labelled(z.number().int().min(1).max(50), 'Number of results').default(20),
  })
  .strict();

// No file path ever comes from the screen: main asks through its own dialog.
export const backupInput = empty;
export const restoreInput = empty;

export const jobIdInput = z.object({ jobId: idOf('Job') }).strict();

export const DENSITIES = ['comfortable', 'compact'] as const;
export const prefsPatchInput = z
  .object({
    density: labelled(z.enum(DENSITIES), 'Density').optional(),
    printer: labelled(z.string().max(200), 'Printer').nullable().optional(),
  })
  .strict();

export const journalListInput = z
  .object({
    beforeSeq: labelled(z.number().int().positive(), 'Older than entry').optional(),
    limit: labelled(z.number().int().min(1).max(500), 'Number of entries').default(100),
  })
  .strict();
