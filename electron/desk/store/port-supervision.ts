/**
 * The store port's part for the supervisor desk (migration 19, store/schema-supervision.ts):
 * decisions on irregular items, the refunds a rejection schedules, the letters printed — and the
 * whole-program reads the queue and the §10 reports need (every election, payment, envelope and
 * stop of a program in a handful of queries, however many there are).
 *
 * A record is its row with camelCase names: integers as numbers, JSON columns parsed, money as
 * its two-decimal text. Every table is append-only: the writer only inserts.
 */
import type { CertificateRecord } from './port-certificates';
import type { IntakeRecord } from './port-intake';
import type { SupervisionTables } from './tables-supervision';
import type { TableRecord } from './record-types';

export type SupervisionTable = keyof SupervisionTables;

/** The JSON columns of the supervision tables, parsed in records. */
export const SUPERVISION_JSON_COLUMNS = ['codes'] as const;
type JsonColumn = (typeof SUPERVISION_JSON_COLUMNS)[number];

export type SupervisionRecord<T extends SupervisionTable> = TableRecord<SupervisionTables[T], JsonColumn>;

export type NewSupervisionRow<T extends SupervisionTable> = Omit<SupervisionRecord<T>, 'id'>;

/** An election of a program with its reversal, when a correction or a withdrawal reversed it. */
export interface ProgramElection {
  readonly election: IntakeRecord<'elections'>;
  readonly reversal: IntakeRecord<'election_reversals'> | null;
}

/** A payment as applied to one item: its own amount, or a split's allocation to that election. */
export interface AppliedPayment {
  readonly payment: IntakeRecord<'payments'>;
  /** The election it applies to (the allocation's when split), or null for an odd-lot order's. */
  readonly electionId: number | null;
  readonly oddLotOrderId: number | null;
  /** Two-decimal text. */
  readonly applied: string;
  readonly allocation: IntakeRecord<'payment_allocations'> | null;
  readonly events: readonly IntakeRecord<'payment_events'>[];
}

export interface SupervisionReader {
  byId<T extends SupervisionTable>(table: T, id: number): Promise<SupervisionRecord<T> | undefined>;
  /** Rows whose `column` equals `value`, in id order (at most 10,000). Column names are checked, never taken as SQL. */
  where<T extends SupervisionTable>(table: T, column: keyof SupervisionRecord<T> & string, value: string | number): Promise<SupervisionRecord<T>[]>;
  /** Every row of the program in `table`, in id order, read page by page (no limit). */
  ofProgram<T extends SupervisionTable>(table: T, programId: number): Promise<SupervisionRecord<T>[]>;

  // --- Whole-program reads (the queue, the reports) ------------------------------------------
  /** Every election of the program (forms and DTC instructions), in id order, each with its reversal. */
  programElections(programId: number): Promise<ProgramElection[]>;
  /** Every payment of the program as applied: unsplit to its election or order, split through its allocations. */
  programPayments(programId: number): Promise<AppliedPayment[]>;
  /** Every envelope of the program's batches, in id order. */
  programEnvelopes(programId: number): Promise<IntakeRecord<'envelopes'>[]>;
  /** Every odd-lot order of the program, in id order. */
  programOddLotOrders(programId: number): Promise<IntakeRecord<'odd_lot_orders'>[]>;
  /** The program's stopped certificates: certificate id → the instant of its first stop. */
  programStops(programId: number): Promise<ReadonlyMap<number, string>>;
  /** These certificates (any order; missing ids are left out). */
  certificatesByIds(ids: readonly number[]): Promise<CertificateRecord[]>;
}

export interface SupervisionWriter extends SupervisionReader {
  insert<T extends SupervisionTable>(table: T, row: NewSupervisionRow<T>): Promise<number>;
}
