// Worker entry: the check pass of a register import (services/register-check.ts) in a thread of
// its own, appending each good row to the import's spill, while the import's thread writes the
// rows already appended (services/register-import.ts). It never opens the book. Its progress
// says how far the spill is written; its result is the check's outcome and the spill's seal.
import { DeskFailure } from '../../../shared/ipc/result';
import { RegisterFileError } from '../importers/file-bytes';
import type { LayoutSpec } from '../importers/layout';
import { SpillAppender, type SpillSeal } from '../importers/spill';
import type { RowRules } from '../importers/validate-row';
import { TinVault } from '../security/tin-vault';
import { checkRegisterFile, type CheckedFile } from '../services/register-check';
import { serveJob } from './job-port';

export interface CheckRegisterInput {
  readonly file: string;
  readonly fileName: string;
  readonly spec: LayoutSpec;
  readonly goodRowsOnly: boolean;
  readonly kind: RowRules['kind'];
  readonly classes: readonly (readonly [string, number])[];
  readonly inBook: readonly string[];
  readonly size: number;
  /** The spill (made by the import's thread, private to the desk's user) to append to. */
  readonly spill: string;
  readonly key: { readonly keyId: string; readonly key: string };
}

export interface CheckRegisterProgress {
  readonly checked: number;
  readonly total: number;
  /** Bytes and rows of the spill on disk: whole lines, ready to be written to the book. */
  readonly spilledBytes: number;
  readonly spilledRows: number;
  /** Rows found bad so far: an all-or-nothing import stops writing at the first. */
  readonly badRows: number;
}

export type CheckRegisterOutcome = CheckedFile & { readonly seal: SpillSeal };

serveJob<CheckRegisterInput, CheckRegisterOutcome, CheckRegisterProgress>(async (input, progress, signal) => {
  const appender = new SpillAppender(input.spill);
  const vault = TinVault.fromExported(input.key.keyId, input.key.key);
  try {
    const checked = await checkRegisterFile(
      { file: input.file, fileName: input.fileName, spec: input.spec, goodRowsOnly: input.goodRowsOnly, rules: { kind: input.kind, classes: new Map(input.classes) }, inBook: new Set(input.inBook) },
      input.size,
      { signal, onChecked: (checked, total, badRows) => progress({ checked, total, spilledBytes: appender.flushed, spilledRows: appender.flushedRows, badRows }) },
      { vault, add: (row) => appender.add(row) },
    );
    return { ...checked, seal: appender.finish() };
  } catch (error) {
    // A file that cannot be read as its layout says: its words, for the import's thread to give as they are.
    if (error instanceof RegisterFileError) throw new DeskFailure('INVALID_INPUT', error.message, 'file');
    throw error;
  } finally {
    appender.close();
  }
});
