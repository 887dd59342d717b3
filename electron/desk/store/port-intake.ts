/**
 * The store port's part for intake (migration 11, store/schema-intake.ts): the mail log,
 * elections and DTC instructions, nominee certifications, guaranteed deliveries, odd-lot orders,
 * payments, their clearance, bank files and the escrow ledger.
 *
 * A record is its row with camelCase names: integers as numbers, JSON columns parsed, money as
 * its two-decimal text. Every table is append-only, so the writer only inserts; what happens to a
 * row later is a row of another table (see the schema).
 */
import type { IntakeTables } from './tables-intake';
import type { TableRecord } from './record-types';

export type IntakeTable = keyof IntakeTables;

/** The JSON columns of the intake tables, parsed in records. */
export const INTAKE_JSON_COLUMNS = ['facts', 'control', 'certificate_numbers', 'spec'] as const;
type JsonColumn = (typeof INTAKE_JSON_COLUMNS)[number];

/** One row of `T` as a record: camelCase, `id` a number, JSON columns as parsed values. */
export type IntakeRecord<T extends IntakeTable> = TableRecord<IntakeTables[T], JsonColumn>;

/** What an insert takes: the record without its id (JSON columns as values, stringified on the way in). */
export type NewIntakeRow<T extends IntakeTable> = Omit<IntakeRecord<T>, 'id'>;

export interface IntakeReader {
  byId<T extends IntakeTable>(table: T, id: number): Promise<IntakeRecord<T> | undefined>;
  /**
   * The rows of `table` whose `column` equals `value`, in id order (at most `limit`, 10,000 by
   * default). Column names are checked against the table's known columns, never taken as SQL.
   */
  where<T extends IntakeTable>(table: T, column: keyof IntakeRecord<T> & string, value: string | number, limit?: number): Promise<IntakeRecord<T>[]>;
  /** How many rows of `table` have `column` = `value` (all rows when no column is given). */
  count<T extends IntakeTable>(table: T, column?: keyof IntakeRecord<T> & string, value?: string | number): Promise<number>;
  /** Basic shares of a certificate's elections that no reversal withdrew (rights already exercised). */
  basicExercised(certificateId: number): Promise<number>;
  /** Rights surrendered by a nominee position's DTC instructions that no reversal withdrew. */
  rightsSurrendered(certificateId: number): Promise<number>;
  /** The payments applied to an election (its own, or a split's allocations), each with its clearance events. */
  paymentsOf(electionId: number): Promise<readonly PaymentWithEvents[]>;

  // --- The mail log and the election form -------------------------------------------------
  /** Payments of a program carrying this check number (a duplicate check is warned of), in id order. */
  paymentsByCheck(programId: number, checkNumber: string): Promise<IntakeRecord<'payments'>[]>;
  /** A certificate's elections that no reversal withdrew, in id order (one query, whatever their number). */
  unreversedElections(certificateId: number): Promise<IntakeRecord<'elections'>[]>;
  // -- DTC instructions, guaranteed deliveries, odd-lot orders ----------------------------------
  /** The program's latest election with this VOI number, if any: the live one of its chain of corrections. */
  electionByVoi(programId: number, voiNumber: string): Promise<IntakeRecord<'elections'> | undefined>;
  // --- Intake corrections (migration 20) ---
  /** The batch's payments reversed as keyed wrong (they count nowhere in its figures). */
  reversedPaymentIds(batchId: number): Promise<number[]>;
}

export interface PaymentWithEvents {
  readonly payment: IntakeRecord<'payments'>;
  /** The amount of this payment applied to the election (the allocation's when split). */
  readonly applied: string;
  readonly events: readonly IntakeRecord<'payment_events'>[];
}

export interface IntakeWriter extends IntakeReader {
  /** Inserts one row inside the caller's change; returns its id. */
  insert<T extends IntakeTable>(table: T, row: NewIntakeRow<T>): Promise<number>;
  /** Inserts many rows of one table inside the caller's change (a bulk write: one key range in the journal). */
  insertMany<T extends IntakeTable>(table: T, rows: readonly NewIntakeRow<T>[]): Promise<number[]>;

  // --- The mail log and the election form -------------------------------------------------
  /**
   * Makes this change the book's only writer from here to its commit, so what it reads next
   * (a certificate's elections, a check number's payments) cannot change under it: two clerks
   * keying the same certificate at once on PostgreSQL are taken one after the other.
   */
  serializeWriters(): Promise<void>;
  // --- Batch control (closing a batch) ---
  /**
   * Holds the batch until the caller's change ends: a change that adds an item to a batch and
   * one that closes it never run their bodies at once, so a closing counts every item saved
   * before it and no item slips into a batch closed meanwhile. PostgreSQL takes a transaction
   * lock keyed by the batch; SQLite runs one change at a time anyway.
   */
  holdBatch(batchId: number): Promise<void>;
}
