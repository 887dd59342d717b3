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
 */
import { statSync } from 'node:fs';
import { DeskFailure } from '../../../shared/ipc/result';
import type { LayoutSpec } from '../importers/layout';
import { openRegisterSource } from '../importers/open-source';
import { buildReport, type RegisterReport } from '../importers/report';
import { RowSpill } from '../importers/spill';
import { DuplicateCheck, rulesFromTerms, validateRow, type RowProblem, type RowRules } from '../importers/validate-row';
import type { BookTinKey, TinVault } from '../security/tin-vault';
import type { BookStore, JobProgress, JournalActor, WriteRepos } from '../store/port';
import { registerRowText } from '../store/register-row-text';

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

/** Rows written per insertEntryTexts call (and between looks at the cancel signal). */
const WRITE_CHUNK = 2_000;
/** Rows checked between progress reports and looks at the cancel signal. */
const CHECK_SLICE = 1_000;

const cancelled = () => new DeskFailure('CANCELLED', 'The import was cancelled; the book was not changed.');
const checkAbort = (signal: AbortSignal | undefined) => {
  if (signal?.aborted === true) throw cancelled();
};

interface ProgramFacts {
  readonly rules: RowRules;
  readonly inBook: ReadonlySet<string>;
  readonly entriesBefore: number;
}

/** The program's classes, refusal once certificates are issued, and the (account, class) pairs already in its register. */
async function programFacts(store: BookStore, programId: number): Promise<ProgramFacts> {
  const first = await store.read(async (r) => {
    const program = await r.programs.byId(programId);
    if (!program) throw new DeskFailure('NOT_FOUND', 'There is no such program in this book', 'programId');
    const terms = (await r.terms.history(programId)).at(-1);
    if (!terms) throw new DeskFailure('CONFLICT', `Program "${program.name}" has no terms yet: record its terms (its classes) before importing its register`, 'programId');
    if (await r.certificates.issueOf(programId)) throw issuedAlready(program.name);
    return { rules: rulesFromTerms(terms.terms as { kind: string; classes?: unknown[] }), count: await r.register.count(programId) };
  });
  const inBook = new Set<string>();
  for (let after = 0; inBook.size < first.count; ) {
    const page = await store.read((r) => r.register.entriesAfter(programId, after, 10_000));
    if (page.length === 0) break;
    for (const e of page) inBook.add(DuplicateCheck.key(e.account, e.class));
    after = page.at(-1)?.id ?? after;
  }
  return { rules: first.rules, inBook, entriesBefore: first.count };
}

const issuedAlready = (name: string) => new DeskFailure('CONFLICT', `Certificates of "${name}" are already issued: its register can no longer be imported`, 'programId');

interface CheckResult {
  readonly sha256: string;
  readonly rows: number;
  readonly badRows: number;
  readonly problems: RowProblem[];
}

/**
 * Pass 1: every row checked, nothing written to the book. With a spill, each good row goes into
 * it with its TIN encrypted — until a bad row makes an all-or-nothing import refused.
 */
async function checkFile(input: RegisterImportInput, facts: ProgramFacts, control: ImportControl, size: () => number, keep: { spill: RowSpill; vault: TinVault } | null): Promise<CheckResult> {
  const source = openRegisterSource(input.file, input.fileName, input.spec);
  const duplicates = new DuplicateCheck(facts.inBook);
  const problems: RowProblem[] = [];
  let rows = 0;
  let badRows = 0;
  try {
    for await (const { line, row } of source) {
      rows += 1;
      const checked = validateRow(line, row, facts.rules);
      const duplicate = duplicates.check(line, row);
      if (duplicate) checked.problems.push(duplicate);
      if (checked.problems.length > 0) {
        badRows += 1;
        for (const p of checked.problems) problems.push(p);
        if (!input.goodRowsOnly) keep = null; // refused: nothing more worth keeping
      } else if (keep !== null && checked.good !== null) {
        const { entry, tinDigits } = checked.good;
        keep.spill.add(registerRowText(entry, tinDigits === null ? null : keep.vault.encrypt(tinDigits)));
      }
      if (rows % CHECK_SLICE === 0) {
        checkAbort(control.signal);
        const read = source.digest.bytes();
        control.onProgress?.({ done: rows, total: read > 0 ? Math.max(rows, Math.round((rows * size()) / read)) : rows, unit: 'rows checked' });
      }
    }
  } finally {
    source.close();
  }
  checkAbort(control.signal);
  return { sha256: source.digest.sha256(), rows, badRows, problems };
}

/**
 * Imports (or, dry, only checks) the register file. Throws RegisterFileError for a file that
 * cannot be read as its layout says; DeskFailure for a program that cannot take it.
 */
export async function importRegister(store: BookStore, actor: JournalActor, input: RegisterImportInput, key: BookTinKey | null, control: ImportControl = {}): Promise<RegisterImportOutcome> {
  const facts = await programFacts(store, input.programId);
  const size = () => statSync(input.file).size;
  const writing = input.dryRun !== true && key?.state === 'ready';
  const spill = writing ? new RowSpill() : null;
  try {
    const checked = await checkFile(input, facts, control, size, spill && key?.state === 'ready' ? { spill, vault: key.vault } : null);
    spill?.finish();
    return await commitImport(store, actor, input, facts, checked, key, spill, control);
  } finally {
    spill?.discard();
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
    const payload = {
      programId: input.programId, importId: id, fileName: input.fileName, sha256: checked.sha256, layout: input.layoutName,
      rows: checked.rows, imported: good, rejected: checked.badRows, goodRowsOnly: input.goodRowsOnly,
      ...(key?.state === 'ready' && key.isNew ? { tinKeyCreated: key.record.keyId } : {}),
    };
    return { payload, result: id };
  });
  return { committed: true, importId, report: buildReport({ sha256: checked.sha256, rows: checked.rows }, good, checked.badRows, checked.problems) };
}

/** Pass 2, inside the change: the record, then the good rows as pass 1 checked and kept them. */
async function writeImport(
  tx: WriteRepos, at: string, actor: JournalActor, input: RegisterImportInput, facts: ProgramFacts, checked: CheckResult, key: BookTinKey | null, spill: RowSpill | null, control: ImportControl,
): Promise<number> {
  const program = await tx.programs.byId(input.programId);
  if (!program) throw new DeskFailure('NOT_FOUND', 'There is no such program in this book', 'programId');
  if (await tx.certificates.issueOf(input.programId)) throw issuedAlready(program.name);
  if ((await tx.register.count(input.programId)) !== facts.entriesBefore) {
    throw new DeskFailure('CONFLICT', "Another import of this program's register was committed while this file was being checked; nothing was imported — import the file again");
  }
  if (key?.state === 'ready' && key.isNew) {
    const existing = await tx.register.tinKey();
    if (existing) throw new DeskFailure('CONFLICT', "Another desk created this book's TIN key meanwhile; nothing was imported — import the file again");
    await tx.register.insertTinKey({ ...key.record, createdBy: actor.id });
  }
  const good = checked.rows - checked.badRows;
  const record = await tx.register.insertImport({
    programId: input.programId, fileName: input.fileName, fileSha256: checked.sha256, layout: input.layoutName, rowCount: checked.rows,
    imported: good, rejected: checked.badRows, goodRowsOnly: input.goodRowsOnly, importedAt: at, importedBy: actor.id,
  });
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
