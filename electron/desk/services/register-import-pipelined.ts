/**
 * A register import on SQLite, written while it is checked: the check pass runs in a thread of
 * its own (workers/check-register.ts), appending each good row to the spill, and this thread —
 * inside the one change, which holds the book's write lock from its start — writes the rows as
 * they reach the spill. The import's record needs the counts, known only at the end: the change
 * defers its foreign keys until commit (deferImportRecord), writes the entries under the key the
 * record will have, and the record last. Everything else is as in register-import.ts: one change,
 * one journal entry; a bad row of an all-or-nothing import, a cancel, a file that cannot be read,
 * or spilled bytes that are not those the check wrote roll the change back, and the book is
 * exactly as it was. What is written is exactly what was checked.
 */
import { DeskFailure } from '../../../shared/ipc/result';
import { RegisterFileError } from '../importers/file-bytes';
import { buildReport } from '../importers/report';
import { SpillTail, type RowSpill } from '../importers/spill';
import type { BookTinKey } from '../security/tin-vault';
import type { BookStore, JournalActor, WriteRepos } from '../store/port';
import { runJob } from '../workers/run-job';
import type { CheckRegisterInput, CheckRegisterOutcome, CheckRegisterProgress } from '../workers/check-register';
import type { ImportControl, RegisterImportInput, RegisterImportOutcome } from './register-import';
import { checkAbort, importPayload, importRecord, prepareWrite, WRITE_CHUNK, type ProgramFacts } from './register-import-steps';

/** A register row's bytes in a file, roughly, for guessing its rows from its size. */
const BYTES_PER_ROW = 100;

type ReadyKey = Extract<BookTinKey, { state: 'ready' }>;

/** Thrown inside the change to roll it back when the check refuses the file (all or nothing). */
class Refused extends Error {
  constructor(readonly checked: CheckRegisterOutcome) {
    super('The register file was refused');
  }
}

export async function importPipelined(
  store: BookStore, actor: JournalActor, input: RegisterImportInput, facts: ProgramFacts, key: ReadyKey, spill: RowSpill, size: number, control: ImportControl,
): Promise<RegisterImportOutcome> {
  try {
    const { id, checked } = await store.change(actor, 'register.imported', async (tx, at) => {
      await prepareWrite(tx, actor, input, facts, key);
      const importId = await tx.register.deferImportRecord();
      if (importId === null) throw new Error('This store cannot write a register before its import record');
      // How many rows the file holds is known only at its end: its size says roughly (the contract's rows run ~100 bytes).
      const checked = await tx.register.withIndexesBuiltAfter(Math.floor(size / BYTES_PER_ROW), () => writeWhileChecking(tx, input, facts, key, spill, size, importId, control));
      if (checked.badRows > 0 && !input.goodRowsOnly) throw new Refused(checked);
      const record = await tx.register.insertImport(importRecord(input, checked, at, actor, importId));
      return { payload: importPayload(input, record.id, checked, key), result: { id: record.id, checked } };
    });
    return { committed: true, importId: id, report: buildReport({ sha256: checked.sha256, rows: checked.rows }, checked.rows - checked.badRows, checked.badRows, checked.problems) };
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    const { checked } = error;
    return { committed: false, importId: null, report: buildReport({ sha256: checked.sha256, rows: checked.rows }, 0, checked.badRows, checked.problems) };
  }
}

/** Starts the check's thread and writes the spilled rows as they come; returns the check's outcome once every row is written. */
async function writeWhileChecking(
  tx: WriteRepos, input: RegisterImportInput, facts: ProgramFacts, key: ReadyKey, spill: RowSpill, size: number, importId: number, control: ImportControl,
): Promise<CheckRegisterOutcome> {
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  control.signal?.addEventListener('abort', onAbort, { once: true });
  const state = { spilled: 0, total: 0, outcome: null as CheckRegisterOutcome | null, failure: null as unknown, ended: false };
  let wake: (() => void) | null = null;
  const poke = () => {
    wake?.();
    wake = null;
  };
  const job = runJob<CheckRegisterInput, CheckRegisterOutcome, CheckRegisterProgress>('check-register', checkInput(input, facts, key, spill, size), {
    signal: stop.signal,
    onProgress: (p) => {
      state.spilled = p.spilledBytes;
      state.total = p.total;
      poke();
    },
  }).then(
    (outcome) => void (state.outcome = outcome),
    (error: unknown) => void (state.failure = error),
  ).finally(() => {
    state.ended = true;
    poke();
  });
  const tail = new SpillTail(spill.file);
  try {
    let written = 0;
    for (;;) {
      const ended = state.ended;
      if (ended && state.failure !== null) throw asImportError(state.failure);
      const upTo = ended ? (state.outcome?.seal.bytes ?? 0) : state.spilled;
      const rows = tail.take(upTo);
      for (let at = 0; at < rows.length; at += WRITE_CHUNK) {
        checkAbort(control.signal);
        written += await tx.register.insertEntryTexts(input.programId, importId, rows.slice(at, at + WRITE_CHUNK));
        control.onProgress?.({ done: written, total: Math.max(written, state.total), unit: 'rows imported' });
      }
      if (tail.pending(upTo)) continue;
      if (ended) break;
      // Nothing new on disk: wait for the check's next report (each comes within ~1,000 rows) and look at the cancel.
      if (rows.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      checkAbort(control.signal);
      control.onProgress?.({ done: written, total: Math.max(written, state.total), unit: 'rows imported' });
    }
    const outcome = state.outcome!;
    tail.end(outcome.seal);
    const good = outcome.rows - outcome.badRows;
    if (input.goodRowsOnly || outcome.badRows === 0) {
      if (written !== good) throw new Error(`${written} of the ${good} checked rows were written`);
    }
    return outcome;
  } finally {
    tail.close();
    control.signal?.removeEventListener('abort', onAbort);
    // The check's thread is stopped and gone before the spill is removed or the change ends.
    if (!state.ended) stop.abort();
    await job;
  }
}

function checkInput(input: RegisterImportInput, facts: ProgramFacts, key: ReadyKey, spill: RowSpill, size: number): CheckRegisterInput {
  return {
    file: input.file, fileName: input.fileName, spec: input.spec, goodRowsOnly: input.goodRowsOnly, kind: facts.rules.kind, classes: [...facts.rules.classes],
    inBook: [...facts.inBook], size, spill: spill.file, key: { keyId: key.vault.keyId, key: key.vault.exportKey() },
  };
}

/** The check thread's failure as this thread gives it: a file that cannot be read is the file's error again. */
function asImportError(error: unknown): unknown {
  if (error instanceof DeskFailure && error.code === 'INVALID_INPUT') return new RegisterFileError(error.message);
  return error;
}
