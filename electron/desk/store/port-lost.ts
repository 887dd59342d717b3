/**
 * The store port's part for lost, stolen, mutilated or destroyed certificates (migration 18,
 * store/schema-lost.ts): indemnity settings per program, cases, bonds and case events.
 *
 * A record is its row with camelCase names: integers as numbers, JSON columns parsed, money as
 * its two-decimal text. Every table is append-only: the writer only inserts.
 */
import type { LostTables } from './tables-lost';
import type { TableRecord } from './record-types';

export type LostTable = keyof LostTables;

/** The JSON columns of the lost tables, parsed in records. */
export const LOST_JSON_COLUMNS = ['affidavit', 'detail'] as const;
type JsonColumn = (typeof LOST_JSON_COLUMNS)[number];

export type LostRecord<T extends LostTable> = TableRecord<LostTables[T], JsonColumn>;

export type NewLostRow<T extends LostTable> = Omit<LostRecord<T>, 'id'>;

export interface LostReader {
  byId<T extends LostTable>(table: T, id: number): Promise<LostRecord<T> | undefined>;
  /** Rows whose `column` equals `value`, in id order (at most 10,000). Column names are checked, never taken as SQL. */
  where<T extends LostTable>(table: T, column: keyof LostRecord<T> & string, value: string | number): Promise<LostRecord<T>[]>;
  /** A program's latest indemnity settings. */
  currentSettings(programId: number): Promise<LostRecord<'lost_settings'> | undefined>;
  /** Of these certificates, those with a 'stopped' event (a stop is never lifted: a recovery keeps it). */
  stoppedAmong(certificateIds: readonly number[]): Promise<ReadonlySet<number>>;
  /** The highest certificate sequence number of a program (0 when none). */
  highestSeq(programId: number): Promise<number>;
}

export interface LostWriter extends LostReader {
  insert<T extends LostTable>(table: T, row: NewLostRow<T>): Promise<number>;
}
