/**
 * Reading a whole program's items, in process or off main's thread. Reading and assessing 100k
 * elections takes seconds; inside the desk that runs in a worker (workers/read-program-items.ts)
 * on its own connection, so main's event loop — and with it the window — stays free meanwhile.
 * The services take the reader as a parameter; in process is their default (the service tests,
 * the command line), the desk's handlers pass the worker one.
 */
import type { BookStore, JournalHead } from '../../store/port';
import type { ReadProgramItemsInput, ReadProgramItemsOutput, ReadProgramItemsProgress } from '../../workers/read-program-items';
import { runJob } from '../../workers/run-job';
import { itemKey, readProgramItems, type ProgramItem, type ProgramItems } from './program-items';

/** Every item of the program as of `asOf`, with the journal head of the snapshot it was read in. */
export interface ProgramItemsRead {
  readonly items: ProgramItems;
  readonly head: JournalHead | null;
}

export type ProgramItemsReader = (store: BookStore, programId: number, asOf: Date) => Promise<ProgramItemsRead>;

/** On the calling thread, in one snapshot of the store. */
export const readProgramItemsInProcess: ProgramItemsReader = (store, programId, asOf) =>
  store.read(async (r) => {
    const [items, head] = await Promise.all([readProgramItems(r, programId, asOf), r.journal.head()]);
    return { items, head };
  });

/** In a worker thread on its own connection to the same book, in one snapshot there. */
export const readProgramItemsOffMain: ProgramItemsReader = async (store, programId, asOf) => {
  const items: ProgramItem[] = [];
  const taken = new Int32Array(new SharedArrayBuffer(4));
  const input: ReadProgramItemsInput = { location: store.locationForWorkers(), programId, asOf: asOf.toISOString(), taken: taken.buffer as SharedArrayBuffer };
  const { count, head } = await runJob<ReadProgramItemsInput, ReadProgramItemsOutput, ReadProgramItemsProgress>('read-program-items', input, {
    onProgress: (slice) => {
      for (const item of slice.items) items.push(item);
      // The worker posts its next slice only now: one slice per turn of main's loop.
      Atomics.add(taken, 0, 1);
      Atomics.notify(taken, 0);
    },
  });
  if (items.length !== count) throw new Error(`the reading of program ${programId} arrived with ${items.length} of its ${count} items`);
  return { items: { items, byKey: new Map(items.map((i) => [itemKey(i.ref), i])) }, head };
};

/** Whether two heads name the same journal entry (a snapshot read elsewhere still stands). */
export const sameHead = (a: JournalHead | null, b: JournalHead | null): boolean => (a?.seq ?? 0) === (b?.seq ?? 0) && (a?.hash ?? null) === (b?.hash ?? null);
