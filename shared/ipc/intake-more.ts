/**
 * Channels' inputs and results for the intake items beyond the election form: nominees' DTC
 * instructions with their Nominee Holder Certification, Notices of Guaranteed Delivery and their
 * covers, and odd-lot orders. Every keyed item names its envelope (which names its batch).
 */
import { z } from 'zod';
import { labelled } from './labels';

const positiveId = (label: string) =>
  labelled(z.number({ error: `${label} must be a number` }).int(`${label} must be a whole number`).positive(`${label} must be positive`), label);

/** A count of shares or rights: a whole number, 0 or more, well inside exact integers. */
export const shareCount = (label: string) =>
  labelled(
    z.number({ error: `${label} must be a number of shares` }).int(`${label} must be a whole number of shares`).min(0, `${label} cannot be negative`).max(999_999_999_999, `${label} is too large`),
    label,
    'digits only',
  );

const text = (label: string, max: number) =>
  labelled(z.string({ error: `${label} must be text` }).trim().min(1, `${label} is required`).max(max, `${label} must be at most ${max} characters`), label);

/** Dollars and cents as text, positive ("615.00"). */
export const moneyText = (label: string) =>
  labelled(
    z
      .string({ error: `${label} must be an amount` })
      .trim()
      .regex(/^\d{1,12}(\.\d{1,2})?$/, `${label}: type dollars and cents, e.g. 1234.50`)
      .refine((s) => !/^0+(\.0*)?$/.test(s), `${label} must be more than zero`),
    label,
    'dollars and cents, e.g. 1234.50',
  );

/** A price per share as text (up to six decimals). */
export const priceText = (label: string) =>
  labelled(
    z.string({ error: `${label} must be a price` }).trim().regex(/^\d{1,6}(\.\d{1,6})?$/, `${label}: type a price per share, e.g. 7.05`).refine((s) => !/^0+(\.0*)?$/.test(s), `${label} must be more than zero`),
    label,
    'a price per share, e.g. 7.05',
  );

export const certificateNumberText = labelled(
  z.string({ error: 'Certificate number must be text' }).trim().toUpperCase().regex(/^RT-\d{6,9}$/, 'Certificate number: type it as printed, e.g. RT-000123'),
  'Certificate number',
);

// ---------------------------------------------------------------------------------------------
// DTC instructions (ASOP) and the Nominee Holder Certification.

export const certificationLineInput = z
  .object({
    ownerReference: text('Beneficial owner', 60),
    recordDateHolding: shareCount('Record-date holding'),
    basicExercised: shareCount('Basic exercised'),
    oversubscriptionRequested: shareCount('Oversubscription requested'),
  })
  .strict();

export const dtcInstructionFields = {
  envelopeId: positiveId('Envelope'),
  certificateNumber: certificateNumberText,
  voiNumber: labelled(z.string({ error: 'VOI number must be text' }).trim().regex(/^[A-Za-z0-9-]{1,20}$/, 'VOI number: letters and digits as DTC gave it, e.g. 0012345'), 'VOI number'),
  participantNumber: labelled(z.string({ error: 'Participant number must be text' }).trim().regex(/^\d{1,5}$/, 'Participant number: DTC’s participant number, up to 5 digits, e.g. 0352'), 'Participant number'),
  participantName: text('Participant name', 80),
  rightsSurrendered: shareCount('Rights surrendered'),
  basicShares: shareCount('Basic shares'),
  oversubscriptionShares: shareCount('Oversubscription shares'),
  amount: moneyText('DTC settlement amount'),
  /** DTC has settled the amount (collected funds, like a wire): recorded as cleared with the instruction. */
  settled: labelled(z.boolean({ error: 'Settled through DTC must be yes or no' }), 'Settled through DTC'),
  /** The certification that each beneficial owner exercised its basic rights in full. */
  certified: labelled(z.boolean({ error: 'Certification made must be yes or no' }), 'Certification made'),
  lines: labelled(z.array(certificationLineInput).max(500, 'Certification: at most 500 lines per instruction'), 'Certification'),
};

export const dtcInstructionInput = z.object(dtcInstructionFields).strict();
export type DtcInstructionInput = z.output<typeof dtcInstructionInput>;

/** A DTC instruction keyed wrong, keyed again under its VOI number (the one it replaces is reversed). */
export const correctDtcInstructionInput = z
  .object({ electionId: positiveId('Instruction'), reason: text('Reason for the correction', 200), instruction: labelled(z.object(dtcInstructionFields).strict(), 'Instruction as it should have been keyed') })
  .strict();
export type CorrectDtcInstructionInput = z.output<typeof correctDtcInstructionInput>;

/** The engine's look at an instruction as keyed; `correcting` names the instruction it will replace (its rights then count as not surrendered). */
export const dtcPreviewInput = z.object({ ...dtcInstructionFields, correcting: positiveId('Instruction being corrected').optional() }).strict();
export type DtcPreviewInput = z.output<typeof dtcPreviewInput>;

/** One saved DTC instruction, to be read back as it was keyed (before correcting it). */
export const dtcKeyedInput = z.object({ electionId: positiveId('Instruction') }).strict();

/**
 * A saved instruction as keyed, in the shape it is keyed in: `amount` is the settlement applied to
 * it ("1234.50"), `settled` whether every applied payment is cleared, `lines` its certification in
 * line order. `reversed`: it was corrected already (the instruction that replaced it is the one to correct).
 */
export type KeyedDtcInstruction = DtcInstructionInput & { readonly electionId: number; readonly reversed: boolean };

export const programIdOnly = z.object({ programId: positiveId('Program') }).strict();
export const dtcImportInput = z.object({ envelopeId: positiveId('Envelope') }).strict();
export const dtcImportJobInput = z.object({ jobId: positiveId('Job') }).strict();

/** The engine's verdict as services/intake/assess.ts gives it (money as dollars, "615.00"). */
export interface AssessmentView {
  /** Deficiency codes in catalog order, each with its words. */
  readonly deficiencies: readonly { readonly code: string; readonly title: string; readonly description: string; readonly waivable: boolean }[];
  /** Rights the unit carries (a DTC instruction: those it surrendered) and what was left before it. */
  readonly rights: number;
  readonly rightsLeft: number;
  readonly basicShares: number;
  readonly oversubscriptionPaid: number;
  readonly goodFunds: string;
  readonly pendingFunds: string;
  readonly returnedFunds: string;
  /** What the shares written cost; what is still due; good funds beyond what is exercised (refunded after proration). */
  readonly cost: string;
  readonly due: string;
  readonly excess: string;
}

export interface NomineePositionView {
  readonly certificateId: number;
  readonly number: string;
  readonly nominee: string;
  readonly class: string;
  readonly firmRights: number;
  readonly surrendered: number;
  readonly left: number;
}

export interface DtcInstructionView {
  readonly electionId: number;
  readonly voiNumber: string;
  readonly participantNumber: string;
  readonly participantName: string;
  readonly certificateNumber: string;
  readonly rightsSurrendered: number;
  readonly basicShares: number;
  readonly oversubscriptionShares: number;
  readonly certified: boolean;
  readonly lines: number;
  readonly keyedAt: string;
  readonly assessment: AssessmentView;
}

export interface DtcPreview {
  readonly position: NomineePositionView;
  readonly assessment: AssessmentView;
}

export interface DtcImportProblem {
  readonly line: number;
  readonly column: string;
  readonly code: string;
  readonly message: string;
}

export interface DtcImportResult {
  readonly committed: boolean;
  readonly fileName: string;
  readonly sha256: string;
  readonly rows: number;
  readonly instructions: number;
  readonly problems: readonly DtcImportProblem[];
}

// ---------------------------------------------------------------------------------------------
// Guaranteed delivery (§5b, where the terms allow it).

export const guaranteedPaymentMethods = ['wire', 'dtc', 'certified-check', 'bank-draft', 'money-order', 'check'] as const;

export const guaranteedNoticeInput = z
  .object({
    envelopeId: positiveId('Envelope'),
    institution: text('Eligible institution', 120),
    account: text('Holder account', 40),
    // One certificate per notice here: a notice naming several is keyed once for each.
    certificateNumbers: labelled(z.array(certificateNumberText).min(1, 'Certificate number: name the certificate the notice guarantees').max(1, 'Certificate number: key one notice for each certificate'), 'Certificate number'),
    rights: shareCount('Rights'),
    basicShares: shareCount('Basic shares'),
    oversubscriptionShares: shareCount('Oversubscription shares'),
    payment: labelled(
      z.object({
        method: labelled(z.enum(guaranteedPaymentMethods, { error: 'Payment method: wire, DTC, certified check, bank draft, money order or check' }), 'Payment method'),
        amount: moneyText('Payment amount'),
        payer: text('Payer', 120),
        reference: labelled(z.string({ error: 'Reference must be text' }).trim().max(40, 'Reference must be at most 40 characters'), 'Reference'),
      }).strict(),
      'Payment',
    ),
  })
  .strict();
export type GuaranteedNoticeInput = z.output<typeof guaranteedNoticeInput>;

export const guaranteedCoverInput = z.object({ noticeId: positiveId('Notice'), envelopeId: positiveId('Envelope'), certificateNumber: certificateNumberText }).strict();

export interface GuaranteedNoticeView {
  readonly noticeId: number;
  readonly electionId: number;
  readonly institution: string;
  readonly account: string;
  readonly certificateNumbers: readonly string[];
  readonly covered: readonly string[];
  readonly rights: number;
  /** The certificates are due by 5:00 p.m. New York time on this date. */
  readonly dueDate: string;
  readonly state: 'awaiting' | 'covered' | 'not-covered';
  readonly assessment: AssessmentView;
}

// ---------------------------------------------------------------------------------------------
// Odd-lot orders.

export const ODD_LOT_ACTIONS = ['sell', 'buy-up'] as const;

export const oddLotOrderInput = z
  .object({
    envelopeId: positiveId('Envelope'),
    account: text('Account', 40),
    action: labelled(z.enum(ODD_LOT_ACTIONS, { error: 'Order: sell all or buy up' }), 'Order'),
    /** The order's date and time as the clerk keyed it, New York wall time 'YYYY-MM-DDTHH:mm'. */
    orderedAt: labelled(z.string({ error: 'Order date and time must be text' }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Order date and time: a date and a time, e.g. 12/01/03 10:15'), 'Order date and time'),
    /** The price on the order date (a buy-up pays the greater of it and the close on the transfer date). */
    orderPrice: priceText('Price on the order date').optional(),
  })
  .strict();
export type OddLotOrderInput = z.output<typeof oddLotOrderInput>;

export interface OddLotEligibilityView {
  readonly eligible: boolean;
  /** Why not, in words, with its code (NOT_ODD_LOT, EXCLUDED_JURISDICTION, DUPLICATE_ORDER, LATE, NO_PRICE…). */
  readonly problems: readonly { readonly code: string; readonly message: string; readonly field: string }[];
  readonly holder: { readonly account: string; readonly name: string; readonly jurisdiction: string; readonly sharesOnRecordDate: number; readonly planShares: number } | null;
  readonly eligibleShares: number;
  /** Sell: every eligible share; buy-up: round lot − shares owned. */
  readonly shares: number;
  readonly source: string;
}

export interface OddLotOrderView {
  readonly orderId: number;
  readonly account: string;
  readonly action: 'sell' | 'buy-up';
  readonly shares: number;
  readonly source: string;
  readonly orderedAt: string;
  readonly orderPrice: string | null;
  readonly keyedAt: string;
}

export interface OpenEnvelopeView {
  readonly envelopeId: number;
  readonly batchId: number;
  readonly batchLabel: string;
  readonly receiptDate: string;
  readonly seq: number;
  readonly source: string;
  readonly stampedLocal: string;
}
