/**
 * The check pass of a register import (register-import.ts): the file streamed once, every row
 * checked (every problem code, duplicates within the file and against the program's register in
 * the book), nothing written to the book. Each good row goes, as its canonical text with its TIN
 * already encrypted, to `keep` — until a bad row makes an all-or-nothing import refused. Runs on
 * the import's own thread, or in a thread of its own (workers/check-register.ts) while the
 * import's thread writes the rows already checked.
 */
import { DeskFailure } from '../../../shared/ipc/result';
import type { LayoutSpec } from '../importers/layout';
import { openRegisterSource } from '../importers/open-source';
import { DuplicateCheck, validateRow, type RowProblem, type RowRules } from '../importers/validate-row';
import type { TinVault } from '../security/tin-vault';
import { registerRowText, type RegisterRowText } from '../store/register-row-text';

/** Rows checked between progress reports and looks at the cancel signal. */
const CHECK_SLICE = 1_000;

export interface CheckedFile {
  readonly sha256: string;
  readonly rows: number;
  readonly badRows: number;
  readonly problems: RowProblem[];
}

export interface CheckRequest {
  readonly file: string;
  readonly fileName: string;
  readonly spec: LayoutSpec;
  readonly goodRowsOnly: boolean;
  readonly rules: RowRules;
  /** The (account, class) keys already in the program's register (DuplicateCheck.key). */
  readonly inBook: ReadonlySet<string>;
}

export interface CheckControl {
  readonly signal?: AbortSignal | undefined;
  /** Rows checked so far, the estimated total and the bad rows so far; may throw to stop (a cancel). */
  readonly onChecked?: ((done: number, total: number, badRows: number) => void) | undefined;
}

/** Where good rows go: their text (TIN encrypted by `vault`). */
export interface RowSink {
  readonly vault: TinVault;
  add(row: RegisterRowText): void;
}

export const cancelledImport = () => new DeskFailure('CANCELLED', 'The import was cancelled; the book was not changed.');

export async function checkRegisterFile(request: CheckRequest, size: number, control: CheckControl, sink: RowSink | null): Promise<CheckedFile> {
  const source = openRegisterSource(request.file, request.fileName, request.spec);
  const duplicates = new DuplicateCheck(request.inBook);
  const problems: RowProblem[] = [];
  let keep = sink;
  let rows = 0;
  let badRows = 0;
  try {
    for await (const { line, row } of source) {
      rows += 1;
      const checked = validateRow(line, row, request.rules);
      const duplicate = duplicates.check(line, row);
      if (duplicate) checked.problems.push(duplicate);
      if (checked.problems.length > 0) {
        badRows += 1;
        for (const p of checked.problems) problems.push(p);
        if (!request.goodRowsOnly) keep = null; // refused: nothing more worth keeping
      } else if (keep !== null && checked.good !== null) {
        const { entry, tinDigits } = checked.good;
        keep.add(registerRowText(entry, tinDigits === null ? null : keep.vault.encrypt(tinDigits)));
      }
      if (rows % CHECK_SLICE === 0) {
        if (control.signal?.aborted === true) throw cancelledImport();
        const read = source.digest.bytes();
        control.onChecked?.(rows, read > 0 ? Math.max(rows, Math.round((rows * size) / read)) : rows, badRows);
      }
    }
  } finally {
    source.close();
  }
  if (control.signal?.aborted === true) throw cancelledImport();
  return { sha256: source.digest.sha256(), rows, badRows, problems };
}
