/**
 * Printing letters to holders: the letters of a run (letter-picks.ts) go to the worker a file at
 * a time (each file at most LETTERS_PER_FILE letters, well under 1,000 pages), each into a
 * `.partial` that takes its name only once complete. When every file is written, one change
 * records a `letters` row per letter (kind, item or certificate, decision, the file's SHA-256)
 * with the journal entry `letters.printed`. A cancelled or failed run leaves no file and no row;
 * so does a bulk run that finds, at the end, a letter printed meanwhile by another desk.
 */
import { linkSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { instantToWallTime } from '../../../../shared/domain';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { BookStore, WriteRepos } from '../../store/port';
import type { PrintLettersInput, PrintLettersOutput, PrintLettersProgress } from '../../workers/print-letters';
import { runJob } from '../../workers/run-job';
import type { Printer, PrintControl } from '../intake/intake-print';
import type { LetterKind, LetterRun, PreparedLetter } from './letter-picks';

/** Letters per file: a letter is one or two pages, so a file stays far under 1,000 pages. */
export const LETTERS_PER_FILE = 250;

export interface PrintedLetterFile {
  readonly fileName: string;
  readonly letters: number;
  readonly pages: number;
  readonly sha256: string;
}

export interface LettersPrinted {
  readonly letters: number;
  readonly pages: number;
  readonly files: readonly PrintedLetterFile[];
}

const KIND_WORDS: Readonly<Record<LetterKind, string>> = { deficiency: 'deficiency', cure: 'cure', rejection: 'rejection', 'foreign-holder': 'foreign-holder' };

/** Where a run goes: one file main's save dialog chose (may replace what is there), or new files in a folder. */
export type LetterTarget = { readonly file: string } | { readonly folder: string; readonly kind: LetterKind };

/** The files' paths: the one chosen, or `<cusip>-<kind>-letters-<NY date and time>[-i-of-n].pdf` in the folder. */
function filesFor(target: LetterTarget, run: LetterRun, chunks: number, now: Date): string[] {
  if ('file' in target) return [target.file];
  const stamp = instantToWallTime(now.getTime()).slice(0, 16).replace('T', '-').replace(':', '');
  const base = `${run.cusip}-${KIND_WORDS[target.kind]}-letters-${stamp}`;
  return Array.from({ length: chunks }, (_, i) => path.join(target.folder, `${base}${chunks > 1 ? `-${i + 1}-of-${chunks}` : ''}.pdf`));
}

async function writeOne(file: string, letters: readonly PreparedLetter[], replace: boolean, control: PrintControl, done: number, total: number): Promise<PrintLettersOutput> {
  const partial = `${file}.partial`;
  try {
    const out = await runJob<PrintLettersInput, PrintLettersOutput, PrintLettersProgress>('print-letters', { file: partial, title: letters[0]!.content.title, letters: letters.map((l) => l.content) }, {
      ...(control.signal ? { signal: control.signal } : {}),
      maxHeapMb: 128,
      onProgress: (p) => control.onProgress?.({ done: done + p.letters, total, unit: 'letters printed' }),
    });
    try {
      if (replace) renameSync(partial, file);
      else linkSync(partial, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new DeskFailure('CONFLICT', `${path.basename(file)} already exists: choose another place (nothing was printed or recorded)`);
      throw error;
    }
    return out;
  } finally {
    rmSync(partial, { force: true });
  }
}

/** Refuses a bulk run whose letters another desk printed while this one was writing. */
async function checkStillDue(tx: WriteRepos, run: LetterRun): Promise<void> {
  const printed = await tx.supervision.ofProgram('letters', run.programId);
  const key = (l: { kind: string; decisionId: number | null; certificateId: number | null }) => `${l.kind}:${l.decisionId ?? ''}:${l.certificateId ?? ''}`;
  const seen = new Set(printed.map(key));
  const twice = run.letters.filter((l) => seen.has(key(l)));
  if (twice.length > 0) throw new DeskFailure('CONFLICT', `${twice.length} of these letters were printed meanwhile on another desk: print the run again (nothing was recorded, and these files were removed)`);
}

/** Prints `run` to `target` and records each letter; all or nothing. */
export async function printLetters(store: BookStore, by: Printer, run: LetterRun, target: LetterTarget, control: PrintControl & { readonly bulk?: boolean }): Promise<LettersPrinted> {
  const total = run.letters.length;
  if (total === 0) throw new DeskFailure('CONFLICT', 'There are no letters to print: nothing was printed or recorded');
  const chunks = Math.ceil(total / LETTERS_PER_FILE);
  const names = filesFor(target, run, chunks, control.now());
  const written: string[] = [];
  const files: PrintedLetterFile[] = [];
  try {
    for (let i = 0; i < chunks; i++) {
      const part = run.letters.slice(i * LETTERS_PER_FILE, (i + 1) * LETTERS_PER_FILE);
      const file = names[i]!;
      const out = await writeOne(file, part, 'file' in target, control, i * LETTERS_PER_FILE, total);
      written.push(file);
      files.push({ fileName: path.basename(file), letters: part.length, pages: out.pages, sha256: out.sha256 });
    }
    await store.change(by, 'letters.printed', async (tx, at) => {
      if (control.bulk === true) await checkStillDue(tx, run);
      for (let i = 0; i < chunks; i++) {
        for (const l of run.letters.slice(i * LETTERS_PER_FILE, (i + 1) * LETTERS_PER_FILE)) {
          await tx.supervision.insert('letters', { programId: run.programId, kind: l.kind, electionId: l.electionId, oddLotOrderId: l.oddLotOrderId, certificateId: l.certificateId, decisionId: l.decisionId, fileSha256: files[i]!.sha256, printedAt: at, printedBy: by.id });
        }
      }
      const kinds = [...new Set(run.letters.map((l) => l.kind))];
      const items = run.letters.map((l) => ({ electionId: l.electionId, oddLotOrderId: l.oddLotOrderId, certificateId: l.certificateId, decisionId: l.decisionId }));
      return { payload: { programId: run.programId, kinds, letters: total, bulk: control.bulk === true, files: files.map((f) => ({ ...f })), items }, result: null };
    });
  } catch (error) {
    for (const f of written) rmSync(f, { force: true }); // paper the journal does not know of must not remain
    throw error;
  }
  return { letters: total, pages: files.reduce((n, f) => n + f.pages, 0), files };
}
