/** What every register file source yields: one row of the contract's columns with its line number. */
import type { ReadDigest } from './file-bytes';
import type { RawRow } from './layout';

export interface SourceRow {
  /** As the report counts it: the header (or first line) is line 1. */
  readonly line: number;
  readonly row: RawRow;
}

/** A register file being read: its rows in order, and the digest of its bytes once they are all read. */
export interface RegisterSource extends AsyncIterable<SourceRow> {
  readonly digest: ReadDigest;
  /** Stops reading (early), releasing the file. */
  close(): void;
}
