// Worker entry: reads and assesses every item of a program (services/supervision/program-items.ts)
// on the worker's own connection to the same book, in one snapshot with the journal head it was
// read at, so the seconds a large program takes never hold up the window. It only reads: a cancel
// or a failure leaves the book as it was.
import { openStore } from '../store/open-store';
import type { JournalHead } from '../store/port';
import { readProgramItems, type ProgramItem } from '../services/supervision/program-items';
import { serveJob } from './job-port';

export interface ReadProgramItemsInput {
  /** The book's path, or its database URL with the password (BookStore.locationForWorkers). */
  readonly location: string;
  readonly programId: number;
  /** The moment the items are judged at, ISO. */
  readonly asOf: string;
  /** Int32 [0]: how many progress messages main has taken in (it counts them; this worker waits on it). */
  readonly taken: SharedArrayBuffer;
}

/**
 * The items are posted as progress, a slice at a time: main turns each message back into objects
 * on its own thread, and one message of 100k items would hold it up for as long as reading them
 * in process. Node hands a port's waiting messages over in one go, so a slice is posted only once
 * main has taken in every one before it: each then costs main one short turn of its loop. A slice
 * arrives as a structured clone (its Maps and Sets as Maps and Sets).
 */
export interface ReadProgramItemsProgress {
  readonly items: readonly ProgramItem[];
}

/** How many items the slices held, and the journal head of the snapshot they were read in. */
export interface ReadProgramItemsOutput {
  readonly count: number;
  readonly head: JournalHead | null;
}

/** Small enough that main takes each slice in well under 10 ms. */
export const ITEMS_PER_SLICE = 250;
/** Main takes a slice within milliseconds; this long without it, main is gone or stuck. */
const MAIN_SILENT_MS = 60_000;

/** Blocks this worker (never main) until main has taken in `count` progress messages. */
function untilTaken(taken: Int32Array, count: number): void {
  const since = Date.now();
  for (let seen = Atomics.load(taken, 0); seen < count; seen = Atomics.load(taken, 0)) {
    if (Date.now() - since > MAIN_SILENT_MS) throw new Error('the window did not take in the items read');
    Atomics.wait(taken, 0, seen, 100);
  }
}

serveJob<ReadProgramItemsInput, ReadProgramItemsOutput, ReadProgramItemsProgress>(async (input, progress) => {
  progress({ items: [] });
  // The book is open (and was checked as it opened) in main: this connection only joins it.
  const store = await openStore(input.location, { now: () => new Date(), mode: 'open', alreadyChecked: true });
  try {
    const { items, head } = await store.read(async (r) => {
      const [all, journalHead] = await Promise.all([readProgramItems(r, input.programId, new Date(input.asOf)), r.journal.head()]);
      return { items: all.items, head: journalHead };
    });
    const taken = new Int32Array(input.taken);
    let posted = 1;
    for (let at = 0; at < items.length; at += ITEMS_PER_SLICE, posted += 1) {
      untilTaken(taken, posted);
      progress({ items: items.slice(at, at + ITEMS_PER_SLICE) });
    }
    return { count: items.length, head };
  } finally {
    await store.close();
  }
});
