/**
 * A register import on SQLite, written while it is checked: the check pass runs in a thread of
 * its own (workers/check-register.ts), appending each good row to the spill, and this thread —
 * inside the one change, which holds the book's write lock from its start — writes the rows as
 * they reach the spill. The import's record needs the counts, known only at the end: the change
 * defers its foreign keys until commit (deferImportRecord), writes the entries under the key the
 * record will have, and the record last. Everything else is as in register-import.ts: one change,
 * one journal entry; a cancel, a file that cannot be read, or spilled bytes that are not those
 * the check wrote roll the change back, and the book is exactly as it was. What is written is
 * exactly what was checked.
 *
 * The check starts before the change, so it goes on while the change waits for another desk's
 * save. An all-or-nothing file stops being written at its first bad row: the change rolls back
 * at once, giving the book back to the other desks, and the rest of the file is checked outside
 * it, for the report.
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

/** Thrown inside the change to roll it back when an all-or-nothing file has a bad row. */
class Refused extends Error {
  constructor() {
    super('The register file was refused');
  }
}

/** The check's thread, as this thread follows it: how far the spill is written, and its end. */
class CheckThread {
  spilled = 0;
  total = 0;
  badRows = 0;
  outcome: CheckRegisterOutcome | null = null;
  failure: unknown = null;
  ended = false;
  readonly done: Promise<void>;
  private wake: (() => void) | null = null;
  private readonly stopper = new AbortController();

  constructor(input: CheckRegisterInput) {
    this.done = runJob<CheckRegisterInput, CheckRegisterOutcome, CheckRegisterProgress>('check-register', input, {
      signal: this.stopper.signal,
      onProgress: (p) => {
        this.spilled = p.spilledBytes;
        this.total = p.total;
        this.badRows = p.badRows;
        this.poke();
      },
    }).then(
      (outcome) => void (this.outcome = outcome),
      (error: unknown) => void (this.failure = error),
    ).finally(() => {
      this.ended = true;
      this.poke();
    });
  }

  /** Until the check's next report (each comes within ~1,000 rows) or its end. */
  next(): Promise<void> {
    return this.ended ? Promise.resolve() : new Promise<void>((resolve) => (this.wake = resolve));
  }

  /** The whole file's outcome; the check's failure as this thread gives it. */
  async result(): Promise<CheckRegisterOutcome> {
    await this.done;
    if (this.failure !== null) throw asImportError(this.failure);
    return this.outcome!;
  }

  stop(): void {
    if (!this.ended) this.stopper.abort();
  }

  private poke(): void {
    this.wake?.();
    this.wake = null;
  }
}

export async function importPipelined(
  store: BookStore, actor: JournalActor, input: RegisterImportInput, facts: ProgramFacts, key: ReadyKey, spill: RowSpill, size: number, control: ImportControl,
): Promise<RegisterImportOutcome> {
  const check = new CheckThread(checkInput(input, facts, key, spill, size));
  const onAbort = () => check.stop();
  control.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const { id, checked } = await store.change(actor, 'register.imported', async (tx, at) => {
      await prepareWrite(tx, actor, input, facts, key);
      const importId = await tx.register.deferImportRecord();
      if (importId === null) throw new Error('This store cannot write a register before its import record');
      // How many rows the file holds is known only at its end: its size says roughly.
      const checked = await tx.register.withIndexesBuiltAfter(Math.floor(size / BYTES_PER_ROW), () => writeWhileChecking(tx, input, check, spill, importId, control));
      const record = await tx.register.insertImport(importRecord(input, checked, at, actor, importId));
      return { payload: importPayload(input, record.id, checked, key), result: { id: record.id, checked } };
    });
    return { committed: true, importId: id, report: buildReport({ sha256: checked.sha256, rows: checked.rows }, checked.rows - checked.badRows, checked.badRows, checked.problems) };
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    // Rolled back and the book free again: the rest of the file is checked for the report.
    const checked = await check.result();
    checkAbort(control.signal);
    return { committed: false, importId: null, report: buildReport({ sha256: checked.sha256, rows: checked.rows }, 0, checked.badRows, checked.problems) };
  } finally {
    control.signal?.removeEventListener('abort', onAbort);
    // The check's thread is stopped and gone before the spill is removed.
    check.stop();
    await check.done;
  }
}

/** Writes the spilled rows as they come; returns the check's outcome once every row is written. */
async function writeWhileChecking(tx: WriteRepos, input: RegisterImportInput, check: CheckThread, spill: RowSpill, importId: number, control: ImportControl): Promise<CheckRegisterOutcome> {
  const refused = () => !input.goodRowsOnly && check.badRows > 0;
  const tail = new SpillTail(spill.file);
  try {
    let written = 0;
    for (;;) {
      if (refused()) throw new Refused();
      const ended = check.ended;
      if (ended && check.failure !== null) throw asImportError(check.failure);
      if (ended && !input.goodRowsOnly && (check.outcome?.badRows ?? 0) > 0) throw new Refused();
      const upTo = ended ? (check.outcome?.seal.bytes ?? 0) : check.spilled;
      const rows = tail.take(upTo);
      for (let at = 0; at < rows.length; at += WRITE_CHUNK) {
        checkAbort(control.signal);
        written += await tx.register.insertEntryTexts(input.programId, importId, rows.slice(at, at + WRITE_CHUNK));
        control.onProgress?.({ done: written, total: Math.max(written, check.total), unit: 'rows imported' });
      }
      if (tail.pending(upTo)) continue;
      if (ended) break;
      // Nothing new on disk: wait for the check's next report and look at the cancel.
      if (rows.length === 0) await check.next();
      checkAbort(control.signal);
      control.onProgress?.({ done: written, total: Math.max(written, check.total), unit: 'rows imported' });
    }
    const outcome = check.outcome!;
    tail.end(outcome.seal);
    const good = outcome.rows - outcome.badRows;
    if (written !== good) throw new Error(`${written} of the ${good} checked rows were written`);
    return outcome;
  } finally {
    tail.close();
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
