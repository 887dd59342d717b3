/**
 * The store port's part for payments after they are received, read side: finding them, their
 * clearance and returns, supervisors' splits, banks' clearance file layouts and the files read,
 * and the escrow ledger. Every write is an insert through the intake part (port-intake.ts); the
 * payments themselves and their 'deposited' entries are written with the election they pay for.
 */
import type { EscrowMethod, LedgerKind } from '../../../shared/domain/escrow';

export type PaymentSettlement = 'cleared' | 'returned';

export interface PaymentRecord {
  readonly id: number;
  readonly programId: number;
  readonly batchId: number;
  readonly envelopeId: number;
  readonly electionId: number | null;
  readonly oddLotOrderId: number | null;
  readonly method: EscrowMethod;
  readonly amount: string;
  readonly checkNumber: string | null;
  readonly abaRouting: string | null;
  readonly bankAccount: string | null;
  readonly payer: string;
  readonly reference: string | null;
  readonly keyedAt: string;
  readonly keyedBy: number;
  /** The receipt date of the payment's batch (YYYY-MM-DD, New York). */
  readonly receiptDate: string;
}

export interface PaymentEventRecord {
  readonly id: number;
  readonly paymentId: number;
  readonly kind: PaymentSettlement;
  readonly businessDate: string;
  readonly reason: string | null;
  readonly bankFileId: number | null;
  readonly at: string;
  readonly createdBy: number;
}

export interface LedgerEntryRecord {
  readonly id: number;
  readonly programId: number;
  readonly kind: LedgerKind;
  readonly method: EscrowMethod;
  readonly amount: string;
  readonly businessDate: string;
  readonly paymentId: number | null;
  readonly electionId: number | null;
  readonly memo: string;
  readonly at: string;
  readonly createdBy: number | null;
}

export interface PaymentAllocationRecord {
  readonly id: number;
  readonly paymentId: number;
  readonly electionId: number;
  readonly amount: string;
  readonly reason: string;
  readonly allocatedAt: string;
  readonly allocatedBy: number;
}

export interface BankLayoutRecord {
  readonly id: number;
  readonly bank: string;
  readonly name: string;
  readonly version: number;
  readonly spec: unknown;
  readonly savedAt: string;
  readonly savedBy: number;
}

export interface BankFileRecord {
  readonly id: number;
  readonly programId: number;
  readonly bank: string;
  readonly layout: string;
  readonly fileName: string;
  readonly fileSha256: string;
  readonly lines: number;
  readonly matched: number;
  readonly unmatched: number;
  readonly readAt: string;
  readonly readBy: number;
}

export interface PaymentFilter {
  readonly checkNumber?: string | undefined;
  readonly amount?: string | undefined;
  /** Any part of the payer's name, in any case. */
  readonly payer?: string | undefined;
  readonly status?: 'any' | 'received' | PaymentSettlement | undefined;
  /** Keyed with this item, or applied to it by an allocation. */
  readonly electionId?: number | undefined;
}

/** The batch a deposit slip is for. */
export interface PaymentBatch {
  readonly id: number;
  readonly programId: number;
  readonly receiptDate: string;
  readonly label: string;
}

export interface PaymentsReader {
  byId(id: number): Promise<PaymentRecord | undefined>;
  /** A program's payments matching every given filter, newest first. */
  find(programId: number, filter: PaymentFilter, limit: number): Promise<PaymentRecord[]>;
  /** A program's payments that a bank file may name: those with a check number or a reference. */
  clearable(programId: number): Promise<PaymentRecord[]>;
  ofBatch(batchId: number): Promise<PaymentRecord[]>;
  /** Every payment of the program, reversed ones too (the tie-out reads them; find, clearable and ofBatch leave them out). */
  ofProgram(programId: number): Promise<PaymentRecord[]>;
  /** Clearances and returns of the given payments (all of the program's when `paymentIds` is omitted). */
  events(programId: number, paymentIds?: readonly number[]): Promise<PaymentEventRecord[]>;
  allocations(programId: number, paymentIds?: readonly number[]): Promise<PaymentAllocationRecord[]>;
  ledger(programId: number): Promise<LedgerEntryRecord[]>;
  batch(batchId: number): Promise<PaymentBatch | undefined>;
  /** The program an election belongs to, and whether it was reversed (§4a); undefined when there is none. */
  election(electionId: number): Promise<{ readonly programId: number; readonly reversed: boolean } | undefined>;
  /** The newest version of each bank's layouts, by bank then name. */
  bankLayouts(): Promise<BankLayoutRecord[]>;
  bankLayout(bank: string, name: string): Promise<BankLayoutRecord | undefined>;
  bankFile(id: number): Promise<BankFileRecord | undefined>;
  // --- Payment corrections (migration 20) ---
  /** The program's payments reversed as keyed wrong, in the order they were reversed. */
  reversals(programId: number): Promise<PaymentReversalRecord[]>;
}

/** A payment withdrawn as keyed wrong, and the payment keyed in its place (if any). */
export interface PaymentReversalRecord {
  readonly id: number;
  readonly paymentId: number;
  readonly replacedBy: number | null;
  readonly reason: string;
  readonly reversedAt: string;
  readonly reversedBy: number;
}

/** Writes go through the intake part's inserts (tx.intake.insert / insertMany): these tables are its. */
export type PaymentsWriter = PaymentsReader;
