/**
 * What both ways of writing a register import share (register-import.ts: check, then write;
 * register-import-pipelined.ts: write while a second thread checks): the program's facts read
 * before the file, the checks made again inside the change, the import's record and journal payload.
 */
import { DeskFailure } from '../../../shared/ipc/result';
import { DuplicateCheck, rulesFromTerms, type RowRules } from '../importers/validate-row';
import type { BookTinKey } from '../security/tin-vault';
import type { BookStore, JournalActor, NewRegisterImport, WriteRepos } from '../store/port';
import type { CheckedFile } from './register-check';
import { cancelledImport } from './register-check';
import type { RegisterImportInput } from './register-import';

/** Rows written per insertEntryTexts call (and between looks at the cancel signal). */
export const WRITE_CHUNK = 2_000;

export const checkAbort = (signal: AbortSignal | undefined): void => {
  if (signal?.aborted === true) throw cancelledImport();
};

export interface ProgramFacts {
  readonly rules: RowRules;
  readonly inBook: ReadonlySet<string>;
  readonly entriesBefore: number;
}

export const issuedAlready = (name: string) => new DeskFailure('CONFLICT', `Certificates of "${name}" are already issued: its register can no longer be imported`, 'programId');

/** The program's classes, refusal once certificates are issued, and the (account, class) pairs already in its register. */
export async function programFacts(store: BookStore, programId: number): Promise<ProgramFacts> {
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

/** Inside the change, before any entry: what was read before the file still holds; a new TIN key recorded. */
export async function prepareWrite(tx: WriteRepos, actor: JournalActor, input: RegisterImportInput, facts: ProgramFacts, key: BookTinKey | null): Promise<void> {
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
}

export function importRecord(input: RegisterImportInput, checked: CheckedFile, at: string, actor: JournalActor, id?: number): NewRegisterImport {
  return {
    ...(id === undefined ? {} : { id }),
    programId: input.programId, fileName: input.fileName, fileSha256: checked.sha256, layout: input.layoutName, rowCount: checked.rows,
    imported: checked.rows - checked.badRows, rejected: checked.badRows, goodRowsOnly: input.goodRowsOnly, importedAt: at, importedBy: actor.id,
  };
}

/** The journal entry's payload: the file's SHA-256, the counts and the choice. */
export function importPayload(input: RegisterImportInput, importId: number, checked: CheckedFile, key: BookTinKey | null) {
  return {
    programId: input.programId, importId, fileName: input.fileName, sha256: checked.sha256, layout: input.layoutName,
    rows: checked.rows, imported: checked.rows - checked.badRows, rejected: checked.badRows, goodRowsOnly: input.goodRowsOnly,
    ...(key?.state === 'ready' && key.isNew ? { tinKeyCreated: key.record.keyId } : {}),
  };
}
