/**
 * Channels' inputs and results for lost, stolen, mutilated or destroyed certificates (§2c): the
 * program's indemnity settings, a case opened from a certificate number with its affidavit of
 * loss, the indemnity bond and its four-eyes approval, the surrendered remains of a mutilated
 * one, the replacement of like tenor, a recovery, and the SEC report (Form X-17F-1A).
 * No full TIN crosses here: the affidavit's TIN is checked by its last four digits.
 */
import { z } from 'zod';
import { CASE_KINDS, type CaseKind } from '../domain/lost';
import { labelled } from './labels';
import { isoDateSchema, reasonText } from './schemas';

const positiveId = (label: string) => labelled(z.number({ error: `${label} must be a number` }).int(`${label} must be a whole number`).positive(`${label} must be positive`), label);
const text = (label: string, max: number, example?: string) =>
  labelled(z.string({ error: `${label} must be text` }).trim().min(1, `${label} is required`).max(max, `${label} must be at most ${max} characters`), label, example);
const optionalText = (label: string, max: number) => labelled(z.string({ error: `${label} must be text` }).trim().max(max, `${label} must be at most ${max} characters`), label);
const date = (label: string) => labelled(isoDateSchema.clone(), label, 'type the date as MMDDYY or MM/DD/YYYY');
/** Money as the clerk's parser hands it over: digits and at most two decimals. */
const money = (label: string) => labelled(z.string({ error: `${label} must be text` }).trim().regex(/^\d{1,12}(\.\d{1,2})?$/, `${label}: type an amount like 1234.50`), label, 'type dollars and cents, e.g. 45.5');
const decimal = (label: string, example: string) => labelled(z.string({ error: `${label} must be text` }).trim().regex(/^\d{1,9}(\.\d{1,6})?$/, `${label}: type a number like ${example} (at most six decimals)`), label);

export const lostProgramInput = z.object({ programId: positiveId('Program') }).strict();

export const lostSettingsInput = z
  .object({
    programId: positiveId('Program'),
    bondRate: decimal('Bond rate', '0.02'),
    minimumPremium: money('Minimum premium'),
    valuePerRight: decimal('Market value per right', '0.75'),
    processingFee: money('Processing fee'),
    reason: reasonText('Reason', 'Surety quote for the XO offering'),
  })
  .strict();

export const affidavitSchema = z
  .object({
    received: labelled(z.boolean({ error: 'Affidavit received must be yes or no' }), 'Affidavit received'),
    ownerName: text('Owner', 200),
    tinLast4: labelled(z.string({ error: 'TIN (last four) must be text' }).trim().regex(/^\d{4}$/, 'TIN (last four): type the last four digits of the TIN on the affidavit'), 'TIN (last four)'),
    address: text('Address', 300),
    rights: labelled(z.number({ error: 'Rights on the affidavit must be a number' }).int('Rights on the affidavit must be a whole number').nonnegative('Rights on the affidavit cannot be negative'), 'Rights on the affidavit'),
    notEndorsedOrPledged: labelled(z.boolean({ error: 'Not endorsed or pledged must be yes or no' }), 'Not endorsed or pledged'),
  })
  .strict();
export type Affidavit = z.output<typeof affidavitSchema>;

export const openCaseInput = z
  .object({
    programId: positiveId('Program'),
    certificateNumber: labelled(z.string({ error: 'Certificate number must be text' }).trim().toUpperCase().regex(/^RT-\d{6,9}$/, 'Certificate number: type a certificate number like RT-000123'), 'Certificate number'),
    kind: labelled(z.enum(CASE_KINDS, { error: `Kind must be one of ${CASE_KINDS.join(', ')}` }), 'Kind'),
    discoveredOn: date('Discovered on'),
    circumstances: text('When and how', 1000, 'e.g. "Lost in a house move in November"'),
    policeReport: optionalText('Police report', 100).optional(),
    affidavit: labelled(affidavitSchema.clone(), 'Affidavit of loss'),
  })
  .strict();

export const caseIdInput = z.object({ caseId: positiveId('Case') }).strict();

export const keyBondInput = z
  .object({
    caseId: positiveId('Case'),
    expenses: money('Expenses reimbursed'),
    paymentReceived: money('Payment received'),
    surety: text('Surety', 200),
    bondReference: text('Bond number', 60),
  })
  .strict();

export const approveBondInput = z.object({ caseId: positiveId('Case'), bondId: positiveId('Bond') }).strict();

export const remainsInput = z
  .object({
    caseId: positiveId('Case'),
    identifiable: labelled(z.boolean({ error: 'Identifiable must be yes or no' }), 'Identifiable'),
    description: text('Remains received', 500, 'e.g. "Torn in two; number and registration legible"'),
  })
  .strict();

export const recoverInput = z
  .object({
    caseId: positiveId('Case'),
    recoveredOn: date('Recovered on'),
    how: reasonText('How it was found', 'Holder found it in a desk drawer'),
  })
  .strict();

export const REPORT_TYPES = ['initial', 'recovery'] as const;
export const secReportedInput = z
  .object({
    caseId: positiveId('Case'),
    reportType: labelled(z.enum(REPORT_TYPES, { error: 'Report must be initial or recovery' }), 'Report'),
    filedOn: date('Filed on'),
    confirmation: text('Confirmation', 60),
  })
  .strict();

export const exportReportInput = z.object({ caseId: positiveId('Case'), reportType: labelled(z.enum(REPORT_TYPES, { error: 'Report must be initial or recovery' }), 'Report') }).strict();

export type CaseStatus = 'open' | 'bond keyed' | 'ready to replace' | 'replaced' | 'recovered';

export interface LostSettingsView {
  readonly programId: number;
  readonly version: number;
  readonly bondRate: string;
  readonly minimumPremium: string;
  readonly valuePerRight: string;
  readonly processingFee: string;
  readonly setAt: string;
}

export interface BondView {
  readonly id: number;
  readonly stopDate: string;
  readonly rights: number;
  readonly marketValue: string;
  readonly premium: string;
  readonly processingFee: string;
  readonly expenses: string;
  readonly paymentReceived: string;
  readonly surety: string;
  readonly bondReference: string;
  readonly keyedBy: number;
  readonly approvedBy: number | null;
}

export interface CaseView {
  readonly id: number;
  readonly programId: number;
  readonly certificateId: number;
  readonly certificateNumber: string;
  readonly class: string;
  readonly registration: readonly string[];
  readonly firmRights: number;
  readonly rightsLeft: number;
  readonly kind: CaseKind;
  readonly status: CaseStatus;
  readonly discoveredOn: string;
  readonly circumstances: string;
  readonly policeReport: string | null;
  readonly affidavit: Affidavit;
  readonly openedAt: string;
  readonly openedBy: number;
  readonly bonds: readonly BondView[];
  readonly bondRequired: boolean;
  readonly remains: { readonly identifiable: boolean; readonly description: string } | null;
  readonly replacement: { readonly certificateId: number; readonly number: string; readonly firmRights: number } | null;
  readonly recoveredOn: string | null;
  readonly reports: readonly { readonly reportType: 'initial' | 'recovery'; readonly filedOn: string; readonly confirmation: string }[];
  /** What still stands between the case and a replacement, in words. */
  readonly blockers: readonly string[];
  /** Warnings a clerk should read (expiration close, affidavit not matching the certificate). */
  readonly warnings: readonly string[];
}

export interface DeadlineView {
  readonly caseId: number;
  readonly certificateNumber: string;
  readonly what: string;
  readonly due: string;
  readonly overdue: boolean;
}
