/**
 * Channels' inputs and results for the mail log and the election form (the Intake area).
 * Every value a clerk keys arrives here as typed: share counts as whole numbers, money as
 * decimal text ("615.00"), the envelope's stamp as New York wall time. Main validates it all
 * again, whatever the screen did.
 */
import { z } from 'zod';
import { abaRoutingProblem } from '../domain/aba';
import type { DeficiencyCode } from '../domain/deficiencies';
import { labelled } from './labels';
import { isoDateSchema, reasonText } from './schemas';

const idOf = (label: string) =>
  labelled(z.number({ error: `${label} must be a number` }).int(`${label} must be a whole number`).positive(`${label} must be positive`), label);

/** A share count as keyed: whole, not negative, below a billion (no certificate carries more). */
const sharesOf = (label: string) =>
  labelled(
    z.number({ error: `${label} must be a number of shares` }).int(`${label} must be whole shares`).min(0, `${label} cannot be negative`).max(999_999_999, `${label}: at most 999,999,999`),
    label,
    'type the number of shares as digits',
  );

const text = (label: string, max: number) =>
  labelled(z.string({ error: `${label} must be text` }).trim().min(1, `${label} is required`).max(max, `${label} must be at most ${max} characters`), label);

const yesNo = (label: string) => labelled(z.boolean({ error: `${label} must be yes or no` }), label);

/** How an item came in: the envelopes table's sources, all of them (an odd-lot order may come by phone or from a broker, a nominee's by DTC). */
export const ENVELOPE_SOURCES = ['mail', 'courier', 'hand', 'phone', 'broker', 'dtc'] as const;
export type EnvelopeSource = (typeof ENVELOPE_SOURCES)[number];
/** Each source in words, its first letter the one that picks it on the screen. */
export const ENVELOPE_SOURCE_WORDS: Readonly<Record<EnvelopeSource, string>> = { mail: 'Mail', courier: 'Courier', hand: 'Hand delivered', phone: 'Phone call', broker: 'Broker’s instruction', dtc: 'DTC delivery' };

// ---------------------------------------------------------------------------------------------
// The mail log.

export const intakeBatchesInput = z.object({ programId: idOf('Program') }).strict();

export const openBatchInput = z
  .object({
    programId: idOf('Program'),
    receiptDate: labelled(isoDateSchema.clone(), 'Receipt date', 'type the date as MMDDYY or MM/DD/YYYY'),
    label: labelled(z.string({ error: 'Batch label must be text' }).trim().max(80, 'Batch label must be at most 80 characters'), 'Batch label').optional(),
  })
  .strict();

export const batchIdInput = z.object({ batchId: idOf('Batch') }).strict();

/** `YYYY-MM-DDTHH:mm`: the stamp's date and time as keyed (New York). */
const WALL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export const addEnvelopeInput = z
  .object({
    batchId: idOf('Batch'),
    stampedLocal: labelled(z.string({ error: 'Time stamped must be text' }).regex(WALL, 'Time stamped: type the date and time on the stamp, e.g. 12/08/2003 16:59'), 'Time stamped', 'New York time as stamped on the envelope'),
    source: labelled(z.enum(ENVELOPE_SOURCES, { error: 'Came by must be mail, courier, hand, phone, broker or DTC' }), 'Came by').default('mail'),
    itemCount: labelled(z.number({ error: 'Items in the envelope must be a number' }).int('Items in the envelope must be whole').min(1, 'Items in the envelope: at least 1').max(500, 'Items in the envelope: at most 500'), 'Items in the envelope'),
  })
  .strict();

export interface BatchView {
  readonly id: number;
  readonly programId: number;
  readonly receiptDate: string;
  readonly label: string;
  readonly openedAt: string;
  readonly openedBy: string;
  readonly closed: boolean;
  readonly envelopes: number;
  /** Items the envelopes say they hold, and items keyed so far (elections, orders). */
  readonly itemsExpected: number;
  readonly itemsKeyed: number;
}

export interface EnvelopeView {
  readonly id: number;
  readonly batchId: number;
  readonly seq: number;
  readonly source: string;
  /** As keyed: New York wall time. */
  readonly stampedLocal: string;
  readonly receivedAt: string;
  readonly itemCount: number;
  readonly itemsKeyed: number;
}

// ---------------------------------------------------------------------------------------------
// The election form.

export const PAYMENT_METHODS_KEYED = ['check', 'certified-check', 'bank-draft', 'money-order', 'wire'] as const;
export type KeyedPaymentMethod = (typeof PAYMENT_METHODS_KEYED)[number];
export const METHOD_WORDS: Readonly<Record<KeyedPaymentMethod | 'dtc', string>> = {
  check: 'Check',
  'certified-check': 'Certified check',
  'bank-draft': 'Bank draft',
  'money-order': 'Money order',
  wire: 'Wire',
  dtc: 'DTC settlement',
};

/** Dollars and cents as keyed ("615", "1,234.5"): kept as exact text with two decimals. */
export const amountSchema = labelled(
  z
    .string({ error: 'Amount must be text' })
    .trim()
    .transform((s) => s.replace(/[,$\s]/g, ''))
    .refine((s) => /^\d{1,12}(\.\d{1,2})?$/.test(s), 'Amount: type dollars and cents, e.g. 615.00')
    .transform((s) => {
      const [whole = '0', cents = ''] = s.split('.');
      return `${whole.replace(/^0+(?=\d)/, '')}.${cents.padEnd(2, '0')}`;
    })
    .refine((s) => s !== '0.00', 'Amount must be more than 0.00'),
  'Amount',
  'type dollars and cents, e.g. 615.00',
);

const digitsOf = (label: string, max: number, example: string) =>
  labelled(z.string({ error: `${label} must be text` }).trim().regex(new RegExp(`^\\d{1,${max}}$`), `${label}: type up to ${max} digits, e.g. ${example}`), label);

export const paymentInput = z
  .object({
    method: labelled(z.enum(PAYMENT_METHODS_KEYED, { error: 'Method must be check, certified check, bank draft, money order or wire' }), 'Method'),
    amount: amountSchema,
    checkNumber: digitsOf('Check number', 15, '104233').optional(),
    abaRouting: labelled(
      z.string({ error: 'Routing number must be text' }).trim().superRefine((s, ctx) => {
        const problem = abaRoutingProblem(s, 'Routing number');
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
      'Routing number',
      '9 digits at the left of the check’s bottom line',
    ).optional(),
    bankAccount: digitsOf('Account number', 17, '000123456789').optional(),
    payer: text('Payer', 120),
    /** A wire's reference, by which the bank's advice is matched to the election. */
    reference: labelled(z.string({ error: 'Wire reference must be text' }).trim().min(1, 'Wire reference is required for a wire').max(60, 'Wire reference: at most 60 characters'), 'Wire reference').optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if ((p.method === 'check' || p.method === 'certified-check') && p.checkNumber === undefined) ctx.addIssue({ code: 'custom', path: ['checkNumber'], message: 'Check number is required for a check' });
    if (p.method === 'check' && p.abaRouting === undefined) ctx.addIssue({ code: 'custom', path: ['abaRouting'], message: 'Routing number is required for a check' });
    if (p.method === 'wire' && p.reference === undefined) ctx.addIssue({ code: 'custom', path: ['reference'], message: 'Wire reference is required for a wire' });
  });
export type PaymentKeyed = z.output<typeof paymentInput>;

/** What the clerk keyed on one election form. Check boxes: true = yes. */
export const electionDraftSchema = labelled(z
  .object({
    batchId: idOf('Batch'),
    envelopeId: idOf('Envelope'),
    certificateNumber: labelled(
      z
        .string({ error: 'Certificate number must be text' })
        .trim()
        .toUpperCase()
        .regex(/^RT-?\d{1,9}$/, 'Certificate number: type or scan it as printed, e.g. RT-000123')
        // As printed: RT- and at least six digits ("rt123" is RT-000123).
        .transform((s) => `RT-${s.replace(/^RT-?/, '').padStart(6, '0')}`),
      'Certificate number',
      'type or scan it, e.g. RT-000123',
    ),
    /** null: the holder wrote no number (§4b deemed exercise). */
    basicShares: sharesOf('Basic shares').nullable(),
    oversubscriptionShares: sharesOf('Oversubscription shares').default(0),
    signed: yesNo('Signed'),
    signatureMatches: yesNo('Signature matches the registration').default(true),
    allJointHoldersSigned: yesNo('All joint holders signed').default(true),
    fiduciary: yesNo('Signed as a fiduciary').default(false),
    /** The capacity written under the signature: executor, trustee, attorney-in-fact… */
    capacity: labelled(z.string({ error: 'Capacity must be text' }).trim().max(100, 'Capacity: at most 100 characters'), 'Capacity').default(''),
    fiduciaryEvidence: yesNo('Evidence of authority').default(false),
    deliverElsewhere: yesNo('Deliver to another name or address').default(false),
    medallion: yesNo('Medallion guarantee').default(false),
    taxFormOnFile: yesNo('TIN / W-9 received').default(true),
    /** §9: for a certificate the agent holds for a holder abroad, the holder's instruction came. */
    foreignInstruction: yesNo('Instruction from the holder abroad').default(false),
    payments: labelled(z.array(paymentInput, { error: 'Payments must be a list' }).max(20, 'Payments: at most 20 on one form'), 'Payments').default([]),
  })
  .strict(), 'Election form');
export type ElectionDraft = z.output<typeof electionDraftSchema>;

export const assessElectionInput = z.object({ draft: electionDraftSchema }).strict();

export const saveElectionInput = z
  .object({
    draft: electionDraftSchema,
    /** The clerk confirmed the warnings of an earlier answer (same certificate keyed before, same check twice). */
    confirmed: labelled(z.boolean({ error: 'Confirmed must be yes or no' }), 'Confirmed').default(false),
  })
  .strict();

export const correctElectionInput = z
  .object({
    electionId: idOf('Election'),
    reason: reasonText('Reason for the correction', 'Basic shares keyed as 100, the form says 10'),
    draft: electionDraftSchema,
  })
  .strict();

export const certificateForFormInput = z
  .object({
    programId: idOf('Program'),
    number: electionDraftSchema.shape.certificateNumber,
  })
  .strict();

/** Which field of the form each deficiency is shown beside. */
export const DEFICIENCY_FIELD: Readonly<Record<DeficiencyCode, string>> = {
  LATE: 'envelope',
  UNSIGNED: 'signed',
  SIGNATURE_MISMATCH: 'signatureMatches',
  JOINT_HOLDER_MISSING: 'allJointHoldersSigned',
  FIDUCIARY_NO_EVIDENCE: 'fiduciaryEvidence',
  MEDALLION_GUARANTEE_MISSING: 'medallion',
  WRONG_FORM: 'certificateNumber',
  CERTIFICATE_STOPPED: 'certificateNumber',
  FOREIGN_NO_INSTRUCTION: 'foreignInstruction',
  MISSING_TIN: 'taxFormOnFile',
  NO_GOOD_FUNDS: 'payments',
  RETURNED_CHECK: 'payments',
  PAYMENT_SHORT: 'payments',
  EXCEEDS_RIGHTS: 'basicShares',
  OVERSUB_WITHOUT_FULL_BASIC: 'oversubscriptionShares',
  NOT_ELIGIBLE_FOR_OVERSUB: 'oversubscriptionShares',
  // Not raised on a holder's own form (a nominee's DTC instruction, a guaranteed delivery): shown with the whole form.
  NOMINEE_CERTIFICATION_MISSING: 'oversubscriptionShares',
  GUARANTEED_DELIVERY_NOT_COVERED: 'certificateNumber',
};

/** What the form shows of a certificate: never a full TIN. */
export interface CertificateForForm {
  readonly certificateId: number;
  readonly number: string;
  readonly class: string;
  readonly colour: string;
  readonly account: string;
  readonly registration: readonly string[];
  readonly address: readonly string[];
  /** XXX-XX-1234, or null when the register has none. */
  readonly tinMasked: string | null;
  readonly firmRights: number;
  /** Basic shares of its unreversed elections, and what is left. */
  readonly exercised: number;
  readonly left: number;
  readonly held: boolean;
  readonly stopped: boolean;
  readonly oversubscriptionAllowed: boolean;
  readonly jointRegistration: boolean;
  /** Earlier unreversed elections on it, newest first. */
  readonly earlier: readonly { readonly electionId: number; readonly keyedAt: string; readonly keyedBy: string; readonly basicShares: number | null }[];
}

export interface DeficiencyView {
  readonly code: DeficiencyCode;
  readonly title: string;
  /** The form's field it belongs to (DEFICIENCY_FIELD). */
  readonly field: string;
}

/** The engine's answer on a form, saved or not. Money in dollars and cents text. */
export interface ElectionVerdict {
  readonly deficiencies: readonly DeficiencyView[];
  /** §4b deemed exercise on the good funds now. */
  readonly basicExercised: number;
  readonly oversubscriptionPaid: number;
  readonly paymentShort: boolean;
  readonly late: boolean;
  readonly receivedAt: string;
  readonly price: string;
  /** What the numbers written cost (for no number indicated: what the money received covers). */
  readonly cost: string;
  readonly received: string;
  readonly goodFunds: string;
  readonly pending: string;
  /** Still owed for what was written, and what is beyond it (refunded after proration). */
  readonly due: string;
  readonly refund: string;
  readonly rightsLeft: number;
}

export interface ElectionWarning {
  readonly kind: 'certificate-keyed-before' | 'check-used-before';
  readonly message: string;
  readonly electionId: number;
}

export type SaveElectionAnswer =
  | { readonly saved: true; readonly electionId: number; readonly verdict: ElectionVerdict; readonly paymentIds: readonly number[] }
  | { readonly saved: false; readonly warnings: readonly ElectionWarning[] };

export interface CorrectedElection {
  readonly reversedId: number;
  readonly electionId: number;
  readonly verdict: ElectionVerdict;
}

/** One keyed item of a batch, as the list on the mail log shows it. */
export interface BatchItemView {
  readonly electionId: number;
  readonly envelopeId: number;
  readonly envelopeSeq: number;
  readonly certificateNumber: string;
  readonly holder: string;
  readonly basicShares: number | null;
  readonly oversubscriptionShares: number;
  readonly amount: string;
  readonly codes: readonly DeficiencyCode[];
  readonly keyedAt: string;
  readonly keyedBy: string;
  /** Corrected by a later election (§4a): this one no longer counts. */
  readonly reversed: boolean;
  readonly correctsId: number | null;
  /** The form's answers as keyed, for a correction to start from. */
  readonly answers: Pick<ElectionDraft, 'signed' | 'signatureMatches' | 'allJointHoldersSigned' | 'fiduciary' | 'capacity' | 'fiduciaryEvidence' | 'deliverElsewhere' | 'medallion' | 'taxFormOnFile' | 'foreignInstruction'>;
}
