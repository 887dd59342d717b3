/**
 * The Payments area's channels: inputs (zod, labelled) and results. Money travels as decimal text
 * with two decimals ("615.00"); the bank file itself is chosen in main's own dialog, never named
 * by the screen.
 */
import { z } from 'zod';
import { ESCROW_METHODS } from '../domain/escrow';
import { labelled } from './labels';
import { paymentInput } from './intake-forms';
import { isoDateSchema, reasonText } from './schemas';

const idOf = (label: string) =>
  labelled(z.number({ error: `${label} must be a number` }).int(`${label} must be a whole number`).positive(`${label} must be positive`), label);

const text = (label: string, max: number) =>
  labelled(z.string({ error: `${label} must be text` }).trim().min(1, `${label} is required`).max(max, `${label} must be at most ${max} characters`), label);

/** Dollars and cents as typed: digits with at most two decimals, more than zero; commas and $ are dropped. */
export const moneyText = (label: string) =>
  labelled(
    z
      .string({ error: `${label} must be text` })
      .trim()
      .transform((s) => s.replace(/[,$\s]/g, ''))
      .refine((s) => /^\d{1,13}(?:\.\d{1,2})?$/.test(s), `${label}: type dollars and cents, e.g. 615.00`)
      .transform((s) => {
        const [whole = '0', cents = ''] = s.split('.');
        return `${BigInt(whole).toString()}.${cents.padEnd(2, '0')}`;
      })
      .refine((s) => s !== '0.00', `${label} must be more than zero`),
    label,
    'type dollars and cents, e.g. 615.00',
  );

const businessDate = (label: string) => labelled(isoDateSchema.clone(), label, 'the business day, e.g. 2003-11-14');

export const PAYMENT_STATUS_FILTERS = ['any', 'received', 'cleared', 'returned'] as const;

export const findPaymentsInput = z
  .object({
    programId: idOf('Program'),
    checkNumber: labelled(z.string({ error: 'Check number must be text' }).trim().max(20, 'Check number must be at most 20 characters'), 'Check number').optional(),
    amount: moneyText('Amount').optional(),
    payer: labelled(z.string({ error: 'Payer must be text' }).trim().max(100, 'Payer must be at most 100 characters'), 'Payer').optional(),
    status: labelled(z.enum(PAYMENT_STATUS_FILTERS, { error: 'Status must be any, received, cleared or returned' }), 'Status').default('any'),
    /** The payments keyed with one item or applied to it (split to it, or carried to it by a correction): a payment correction starts from them. */
    electionId: idOf('Election').optional(),
    limit: labelled(z.number({ error: 'Limit must be a number' }).int().min(1, 'Limit must be at least 1').max(500, 'Limit must be at most 500'), 'Limit').default(100),
  })
  .strict();

export const paymentIdInput = z.object({ paymentId: idOf('Payment') }).strict();

export const clearPaymentInput = z.object({ paymentId: idOf('Payment'), businessDate: businessDate('Cleared on') }).strict();

export const returnPaymentInput = z
  .object({ paymentId: idOf('Payment'), businessDate: businessDate('Returned on'), reason: text('Reason for the return', 200) })
  .strict();

export const splitPaymentInput = z
  .object({
    paymentId: idOf('Payment'),
    allocations: labelled(
      z.array(z.object({ electionId: idOf('Election'), amount: moneyText('Amount for the election') }).strict(), { error: 'Allocations must be a list' }).min(2, 'A split needs at least two elections').max(50, 'A split may name at most 50 elections'),
      'Allocations',
    ),
    reason: reasonText('Reason for the split', 'One check paid for two certificates of the same holder'),
  })
  .strict();

export const BANK_DATE_FORMATS = ['YYYY-MM-DD', 'MM/DD/YYYY', 'YYYYMMDD'] as const;
export type BankDateFormat = (typeof BANK_DATE_FORMATS)[number];

const columnName = (label: string) => text(label, 100);
const statusWords = (label: string) =>
  labelled(z.array(z.string().trim().min(1).max(40), { error: `${label} must be a list of words` }).min(1, `${label}: name at least one word the bank uses`).max(10), label);

/** A bank's clearance file: which header names the columns, how dates are written, which words mean cleared or returned. */
export const bankLayoutSpec = z
  .object({
    delimiter: labelled(z.string().length(1, 'Delimiter must be one character'), 'Delimiter').default(','),
    dateFormat: labelled(z.enum(BANK_DATE_FORMATS, { error: 'Date format must be YYYY-MM-DD, MM/DD/YYYY or YYYYMMDD' }), 'Date format'),
    columns: z
      .object({
        checkNumber: columnName('Check number column'),
        amount: columnName('Amount column'),
        date: columnName('Date column'),
        status: columnName('Status column'),
        account: columnName('Account column').optional(),
        returnReason: columnName('Return reason column').optional(),
        reference: columnName('Reference column').optional(),
      })
      .strict(),
    clearedWords: statusWords('Words for cleared'),
    returnedWords: statusWords('Words for returned'),
  })
  .strict();
export type BankLayoutSpec = z.output<typeof bankLayoutSpec>;

export const bankLayoutsInput = z.object({}).strict();
export const saveBankLayoutInput = z.object({ bank: text('Bank', 100), name: text('Layout name', 100), spec: labelled(bankLayoutSpec.clone(), 'Layout') }).strict();
export const readBankFileInput = z.object({ programId: idOf('Program'), bank: text('Bank', 100), layout: text('Layout name', 100) }).strict();
export const bankFileInput = z.object({ bankFileId: idOf('Bank file') }).strict();
export const bankFileJobInput = z.object({ jobId: idOf('Job') }).strict();
export const ledgerInput = z.object({ programId: idOf('Program') }).strict();
export const depositSlipInput = z.object({ batchId: idOf('Batch') }).strict();

export type PaymentMethodName = (typeof ESCROW_METHODS)[number];
export type PaymentStatusName = 'received' | 'cleared' | 'returned';

export interface PaymentView {
  readonly id: number;
  readonly programId: number;
  readonly batchId: number;
  readonly electionId: number | null;
  readonly method: PaymentMethodName;
  readonly amount: string;
  readonly checkNumber: string | null;
  readonly abaRouting: string | null;
  readonly bankAccount: string | null;
  readonly payer: string;
  readonly reference: string | null;
  readonly keyedAt: string;
  readonly status: PaymentStatusName;
  /** The business day it cleared or came back, and why it came back. */
  readonly statusDate: string | null;
  readonly returnReason: string | null;
  /** §6a: counts toward the subscription. */
  readonly goodFunds: boolean;
  /** False for certified checks, bank drafts and money orders: good on receipt, nothing to clear. */
  readonly clears: boolean;
  readonly allocations: readonly { readonly electionId: number; readonly amount: string }[];
}

export interface BankLayoutView {
  readonly bank: string;
  readonly name: string;
  readonly version: number;
  readonly spec: BankLayoutSpec;
  readonly savedAt: string;
}

export const UNMATCHED_CODES = [
  'UNREADABLE', 'NO_IDENTIFIER', 'NO_SUCH_CHECK', 'NO_SUCH_REFERENCE', 'AMOUNT_DIFFERS', 'AMBIGUOUS',
  'DOES_NOT_CLEAR', 'ALREADY_CLEARED', 'ALREADY_RETURNED', 'TWICE_IN_FILE', 'BEFORE_RECEIPT',
] as const;
export type UnmatchedCode = (typeof UNMATCHED_CODES)[number];

/** A line of a bank file as read, before matching. */
export interface BankLineRead {
  readonly checkNumber: string;
  readonly account: string;
  readonly amount: string;
  readonly date: string;
  readonly status: string;
  readonly returnReason: string;
  readonly reference: string;
}

export interface UnmatchedLine {
  readonly line: number;
  readonly read: BankLineRead;
  readonly code: UnmatchedCode;
  readonly why: string;
}

export interface BankFileReport {
  readonly bankFileId: number;
  readonly fileName: string;
  readonly sha256: string;
  readonly lines: number;
  readonly cleared: number;
  readonly returned: number;
  readonly unmatched: readonly UnmatchedLine[];
  /** Cents cleared and returned by this file, as decimal text. */
  readonly clearedAmount: string;
  readonly returnedAmount: string;
}

export interface BalancesView {
  readonly pending: string;
  readonly good: string;
  readonly returned: string;
  readonly refunded: string;
  readonly paid: string;
  readonly held: string;
}

export interface LedgerView {
  readonly programId: number;
  readonly entries: number;
  readonly byDay: readonly { readonly businessDate: string; readonly moved: Readonly<Record<string, string>>; readonly closing: BalancesView }[];
  readonly byMethod: readonly ({ readonly method: PaymentMethodName } & BalancesView)[];
  readonly totals: BalancesView;
  readonly tieOut: {
    readonly ties: boolean;
    readonly payments: number;
    readonly events: number;
    readonly entries: number;
    readonly differences: readonly { readonly code: string; readonly paymentId: number | null; readonly entryId: number | null; readonly message: string }[];
  };
}

export interface DepositSlipView {
  readonly batchId: number;
  readonly programId: number;
  readonly receiptDate: string;
  readonly label: string;
  readonly methods: readonly {
    readonly method: PaymentMethodName;
    readonly count: number;
    readonly total: string;
    readonly items: readonly { readonly paymentId: number; readonly checkNumber: string | null; readonly abaRouting: string | null; readonly bankAccount: string | null; readonly payer: string; readonly reference: string | null; readonly amount: string }[];
  }[];
  readonly count: number;
  readonly total: string;
}

// --- Payment corrections -------------------------------------------------------------------

/** A mis-keyed payment reversed, and the payment as it should have been keyed (null: none should have been). */
export const correctPaymentInput = z
  .object({
    paymentId: idOf('Payment'),
    reason: text('Reason for the correction', 200),
    replacement: labelled(paymentInput.nullable(), 'Payment keyed in its place'),
  })
  .strict();

export interface CorrectedPaymentView {
  readonly reversedId: number;
  /** The payment keyed in its place, received (not cleared) until the bank says otherwise. */
  readonly replacement: PaymentView | null;
}
