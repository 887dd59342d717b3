/**
 * Importing a program's record-date register (shared/contracts/REGISTER.md). Pass 1 streams the
 * file once and checks every row (every problem code, duplicates within the file and against the
 * register already in the book), touching nothing in the book; when the rows are to be written,
 * each good row is kept as checked — its TIN already encrypted — in a private temporary spill
 * (importers/spill.ts). Pass 2 — only if the file may be imported — writes ONE change
 * ('register.imported'): the import's record, then the spilled rows in chunks. All-or-nothing
 * refuses any bad row (the spill stops at the first one); with good-rows-only the bad ones are
 * left out. A cancel at any point rolls the change back, and the book is exactly as it was. What
 * is written is exactly what was checked, from the one read whose SHA-256 is journaled.
 * On SQLite the two passes overlap (register-import-pipelined.ts); a dry run, and PostgreSQL,
 * take them in turn as described here.
 */
import { statSync } from 'node:fs';
import { DeskFailure } from '../../../shared/ipc/result';
import type { LayoutSpec } from '../importers/layout';
import { buildReport, type RegisterReport } from '../importers/report';
import { RowSpill } from '../importers/spill';
import type { BookTinKey, TinVault } from '../security/tin-vault';
import type { BookStore, JobProgress, JournalActor, WriteRepos } from '../store/port';
import { checkRegisterFile, type CheckedFile } from './register-check';
import { importPipelined } from './register-import-pipelined';
import { checkAbort, importPayload, importRecord, prepareWrite, programFacts, WRITE_CHUNK, type ProgramFacts } from './register-import-steps';

export interface RegisterImportInput {
  readonly programId: number;
  /** The file's path (chosen by main's dialog, or given on the command line). */
  readonly file: string;
  /** The file's name as journaled and shown. */
  readonly fileName: string;
  readonly layoutName: string;
  readonly spec: LayoutSpec;
  readonly goodRowsOnly: boolean;
  /** Check and report only: nothing is written. */
  readonly dryRun?: boolean;
}

export interface RegisterImportOutcome {
  readonly committed: boolean;
  readonly importId: number | null;
  readonly report: RegisterReport;
}

export interface ImportControl {
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((progress: JobProgress) => void) | undefined;
}

type CheckResult = CheckedFile;

/** Pass 1 on this thread: every row checked; with a spill, the good rows kept in it. */
function checkFile(input: RegisterImportInput, facts: ProgramFacts, control: ImportControl, size: number, keep: { spill: RowSpill; vault: TinVault } | null): Promise<CheckResult> {
  const request = { file: input.file, fileName: input.fileName, spec: input.spec, goodRowsOnly: input.goodRowsOnly, rules: facts.rules, inBook: facts.inBook };
  const onChecked = (done: number, total: number) => control.onProgress?.({ done, total, unit: 'rows checked' });
  return checkRegisterFile(request, size, { signal: control.signal, onChecked }, keep && { vault: keep.vault, add: (row) => keep.spill.add(row) });
}

/**
 * Imports (or, dry, only checks) the register file. Throws RegisterFileError for a file that
 * cannot be read as its layout says; DeskFailure for a program that cannot take it.
 */
export async function importRegister(store: BookStore, actor: JournalActor, input: RegisterImportInput, key: BookTinKey | null, control: ImportControl = {}): Promise<RegisterImportOutcome> {
  const facts = await programFacts(store, input.programId);
  const size = sizeForProgress(input.file);
  const writing = input.dryRun !== true && key?.state === 'ready';
  const spill = writing ? new RowSpill() : null;
  try {
    // On SQLite the rows are written while a second thread still checks the file (register-import-pipelined.ts).
    if (spill !== null && key?.state === 'ready' && store.kind === 'sqlite') return await importPipelined(store, actor, input, facts, key, spill, size, control);
    const checked = await checkFile(input, facts, control, size, spill && key?.state === 'ready' ? { spill, vault: key.vault } : null);
    spill?.finish();
    return await commitImport(store, actor, input, facts, checked, key, spill, control);
  } finally {
    spill?.discard();
  }
}

/** Only an estimate for progress: a file that cannot be read is refused in words as it is opened. */
function sizeForProgress(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

async function commitImport(
  store: BookStore, actor: JournalActor, input: RegisterImportInput, facts: ProgramFacts, checked: CheckResult, key: BookTinKey | null, spill: RowSpill | null, control: ImportControl,
): Promise<RegisterImportOutcome> {
  const good = checked.rows - checked.badRows;
  const refused = checked.badRows > 0 && !input.goodRowsOnly;
  if (refused || input.dryRun === true) {
    return { committed: false, importId: null, report: buildReport({ sha256: checked.sha256, rows: checked.rows }, 0, checked.badRows, checked.problems) };
  }
  if (good > 0 && key?.state !== 'ready') {
    throw new DeskFailure('CONFLICT', `TINs cannot be encrypted: ${key === null ? 'no TIN key source is set' : key.reason}; nothing was imported`);
  }
  const importId = await store.change(actor, 'register.imported', async (tx, at) => {
    const id = await writeImport(tx, at, actor, input, facts, checked, key, spill, control);
    return { payload: importPayload(input, id, checked, key), result: id };
  });
  return { committed: true, importId, report: buildReport({ sha256: checked.sha256, rows: checked.rows }, good, checked.badRows, checked.problems) };
}

/** Pass 2, inside the change: the record, then the good rows as pass 1 checked and kept them. */
async function writeImport(
  tx: WriteRepos, at: string, actor: JournalActor, input: RegisterImportInput, facts: ProgramFacts, checked: CheckResult, key: BookTinKey | null, spill: RowSpill | null, control: ImportControl,
): Promise<number> {
  await prepareWrite(tx, actor, input, facts, key);
  const good = checked.rows - checked.badRows;
  const record = await tx.register.insertImport(importRecord(input, checked, at, actor));
  let written = 0;
  if (good > 0) {
    if (spill === null || spill.count !== good) throw new Error('The checked rows were not kept for writing');
    await tx.register.withIndexesBuiltAfter(good, async () => {
      for await (const chunk of spill.read(WRITE_CHUNK)) {
        checkAbort(control.signal);
        written += await tx.register.insertEntryTexts(input.programId, record.id, chunk);
        control.onProgress?.({ done: written, total: good, unit: 'rows imported' });
      }
      control.onProgress?.({ done: written, total: good, unit: 'rows imported; building the search indexes' });
    });
  }
  if (written !== good) throw new Error(`${written} of the ${good} checked rows were written`);
  return record.id;
}
