/**
 * Reading a whole program's items, in process or off main's thread. Reading and assessing 100k
 * elections takes seconds; inside the desk that runs in a worker (workers/read-program-items.ts)
 * on its own connection, so main's event loop — and with it the window — stays free meanwhile.
 * The services take the reader as a parameter; in process is their default (the service tests,
 * the command line), the desk's handlers pass the worker one.
 */
import { instantToWallTime } from '../../../../shared/domain/time';
import type { BookStore, JournalHead, ReadRepos } from '../../store/port';
import type { ReadProgramItemsInput, ReadProgramItemsOutput, ReadProgramItemsProgress } from '../../workers/read-program-items';
import { runJob, runWorker, type WorkerLaunch } from '../../workers/run-job';
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

/**
 * In a worker thread on its own connection to the same book, in one snapshot there; `launch`
 * names the worker's file directly (the packaging test runs the bundled one).
 */
export function workerReader(launch?: WorkerLaunch): ProgramItemsReader {
  return async (store, programId, asOf) => {
    const items: ProgramItem[] = [];
    const taken = new Int32Array(new SharedArrayBuffer(4));
    const input: ReadProgramItemsInput = { location: store.locationForWorkers(), programId, asOf: asOf.toISOString(), taken: taken.buffer as SharedArrayBuffer };
    const onProgress = (slice: ReadProgramItemsProgress): void => {
      for (const item of slice.items) items.push(item);
      // The worker posts its next slice only now: one slice per turn of main's loop.
      Atomics.add(taken, 0, 1);
      Atomics.notify(taken, 0);
    };
    type Read = ReadProgramItemsOutput;
    const { count, head } = launch === undefined
      ? await runJob<ReadProgramItemsInput, Read, ReadProgramItemsProgress>('read-program-items', input, { onProgress })
      : await runWorker<ReadProgramItemsInput, Read, ReadProgramItemsProgress>(launch, input, { onProgress });
    if (items.length !== count) throw new Error(`the reading of program ${programId} arrived with ${items.length} of its ${count} items`);
    return { items: { items, byKey: new Map(items.map((i) => [itemKey(i.ref), i])) }, head };
  };
}

/** The desk's reader: the read-program-items worker entry, from sources or from the bundle. */
export const readProgramItemsOffMain: ProgramItemsReader = workerReader();

/** Whether two heads name the same journal entry (a snapshot read elsewhere still stands). */
export const sameHead = (a: JournalHead | null, b: JournalHead | null): boolean => (a?.seq ?? 0) === (b?.seq ?? 0) && (a?.hash ?? null) === (b?.hash ?? null);

/** Times the book may move between the items' snapshot and the body's before the body's own is read in process. */
const MAX_ATTEMPTS = 3;

/**
 * Runs `body` in one snapshot with the program's items as of that snapshot's journal head. The
 * items are read through `read` in a snapshot of their own and serve the body only when both stand
 * at the same journal head; when the book moved in between they are read again, and after a few
 * such races in process, in the body's own snapshot.
 */
export async function withProgramItems<T>(store: BookStore, programId: number, asOf: Date, read: ProgramItemsReader, body: (r: ReadRepos, items: ProgramItems) => Promise<T> | T): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const fresh = await read(store, programId, asOf);
    const drawn = await store.read(async (r) => {
      if (sameHead(fresh.head, await r.journal.head())) return { value: await body(r, fresh.items) };
      return attempt >= MAX_ATTEMPTS ? { value: await body(r, await readProgramItems(r, programId, asOf)) } : null;
    });
    if (drawn) return drawn.value;
  }
}

/**
 * One reading at a time per program, journal head and New York day: the Reports area asks for
 * three reports at once, the queue and the letters' list may ask together, and each would start a
 * worker reading the same program. A caller arriving while a reading of the book as it stands now
 * is under way gets that reading; one arriving after a change starts its own.
 */
export function oneReadingAtATime(read: ProgramItemsReader): ProgramItemsReader {
  const underWay = new WeakMap<BookStore, Map<string, Promise<ProgramItemsRead>>>();
  return async (store, programId, asOf) => {
    const readings = underWay.get(store) ?? new Map<string, Promise<ProgramItemsRead>>();
    underWay.set(store, readings);
    const head = await store.read((r) => r.journal.head());
    const key = `${programId}:${head?.seq ?? 0}:${head?.hash ?? ''}:${instantToWallTime(asOf.getTime()).slice(0, 10)}`;
    let reading = readings.get(key);
    if (!reading) {
      reading = read(store, programId, asOf).finally(() => readings.delete(key));
      readings.set(key, reading);
    }
    return reading;
  };
}
