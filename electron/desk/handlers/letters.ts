// Letters to holders: one letter or a bulk run, each a job writing where main's own dialog chose
// (a file for one letter, a folder for a run that may fill several files), never a path from the
// renderer. Clerks may print as well as supervisors: a letter only tells the holder what the book
// already holds (the engine's deficiencies, a supervisor's decision), decides nothing, and
// mailing it is a clerk's work; every print is journaled with who printed it.
import { DeskFailure } from '../../../shared/ipc/result';
import type { SessionUser } from '../../../shared/ipc/types';
import type { Printer } from '../services/intake/intake-print';
import { letterProgram } from '../services/letters/letter-facts';
import { bulkLetters, oneLetter } from '../services/letters/letter-picks';
import { withProgramItems } from '../services/supervision/items-off-main';
import { lettersList } from '../services/letters/letters-list';
import { printLetters } from '../services/letters/print-letters';
import type { BookStore } from '../store/port';
import { signedIn, type HandlerTable } from './types';

const printer = (u: SessionUser): Printer => ({ id: u.id, username: u.username, displayName: u.displayName });
const KIND_WORDS = { deficiency: 'deficiency', cure: 'cure', rejection: 'rejection', 'foreign-holder': 'foreign-holder' } as const;

/** Refused in words before any dialog, and before the program's items are read. */
async function programMustExist(store: BookStore, programId: number): Promise<void> {
  if (!(await store.read((r) => r.programs.byId(programId)))) throw new DeskFailure('NOT_FOUND', `Program: there is no program ${programId} in this book`, 'programId');
}

export const lettersHandlers = {
  'letters.list': async (input, ctx) => {
    const now = ctx.now();
    await programMustExist(ctx.store, input.programId);
    return withProgramItems(ctx.store, input.programId, now, ctx.readItems, (r, items) => lettersList(r, input.programId, now, items));
  },
  'letters.print': async (input, ctx) => {
    const user = signedIn(ctx);
    const store = ctx.store;
    if (input.bulk === undefined) {
      const item = input.item!;
      const letter = input.letter!;
      // Refused in words (not called for, no such item) before the dialog opens.
      const now = ctx.now();
      await store.read((r) => letterProgram(r, input.programId, now));
      const run = await withProgramItems(store, input.programId, now, ctx.readItems, (r, items) => oneLetter(r, input.programId, item, letter, now, items));
      const name = `${item.kind}-${item.id}-${KIND_WORDS[letter]}-letter.pdf`;
      const file = await ctx.host.chooseSavePath({ title: `Print the ${KIND_WORDS[letter]} letter`, defaultName: name });
      if (file === null) throw new DeskFailure('CANCELLED', 'Printing cancelled; nothing was printed or recorded');
      return ctx.jobs.start('letters.print', user, (job) => printLetters(store, printer(user), run, { file }, { signal: job.signal, onProgress: job.onProgress, now: ctx.now }));
    }
    const bulk = input.bulk;
    await programMustExist(store, input.programId);
    const folder = await ctx.host.chooseFolder({ title: `Print every ${KIND_WORDS[bulk]} letter not yet printed into a folder` });
    if (folder === null) throw new DeskFailure('CANCELLED', 'Printing cancelled; nothing was printed or recorded');
    // The whole program is read inside the job, by the items worker off main's thread.
    return ctx.jobs.start('letters.print', user, async (job) => {
      const now = ctx.now();
      const run = bulk === 'foreign-holder' ? await store.read((r) => bulkLetters(r, input.programId, bulk, now)) : await withProgramItems(store, input.programId, now, ctx.readItems, (r, items) => bulkLetters(r, input.programId, bulk, now, items));
      if (run.letters.length === 0) throw new DeskFailure('CONFLICT', `No ${KIND_WORDS[bulk]} letter is due: every one was printed already (nothing was printed or recorded)`);
      return printLetters(store, printer(user), run, { folder, kind: bulk }, { signal: job.signal, onProgress: job.onProgress, now: ctx.now, bulk: true });
    });
  },
} satisfies Partial<HandlerTable>;
