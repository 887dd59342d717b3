/**
 * A bulk print run: files of at most 1,000 pages, written by a pool of worker threads
 * (workers/print-certificates.ts), each fed one file after another as it finishes the last. A file is
 * written under a `.partial` name and takes its own name only once complete, never replacing a
 * file already there. Cancel (or any failure) stops the workers and removes every file of the run:
 * what was printed is journaled only for a run that finished, so no unrecorded paper remains.
 */
import { linkSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DeskFailure } from '../../../shared/ipc/result';
import { jobCancelled, runJob } from '../workers/run-job';
import type { CertificatesFileWritten, PrintCertificatesInput, PrintCertificatesOutput, PrintCertificatesProgress } from '../workers/print-certificates';
import { PAGES_PER_CERTIFICATE, type CertificateFace } from './certificate-doc';

export const MAX_PAGES_PER_FILE = 1_000;
export const MAX_CERTIFICATES_PER_FILE = MAX_PAGES_PER_FILE / PAGES_PER_CERTIFICATE;

/** A heap cap per print worker (measured: ~120 MB of resident memory a worker): pdfmake's garbage is collected early, so two workers stay well under 500 MB. */
const WORKER_HEAP_MB = 128;
/**
 * Its young generation: pdfmake's layout makes mostly short-lived objects. At 16 MB they were
 * promoted and collected again, and V8's collector threads then took a quarter of the CPU, which two
 * workers on two cores do not have to spare; at 48 MB a run of 2,000 pages on two workers went from
 * 162 to 188 pages/s (and 23.3 to 20.3 s of CPU), the peak resident memory from ~410 to ~454 MB.
 */
const WORKER_YOUNG_MB = 48;

/** One file of the run, as the planner hands it over. */
export interface PlannedFile {
  readonly name: string;
  readonly title: string;
  readonly faces: readonly CertificateFace[];
  /** Carried into the result as given (class, first and last number…). */
  readonly facts: Readonly<Record<string, string | number>>;
}

export interface WrittenFile {
  readonly name: string;
  readonly pages: number;
  readonly certificates: number;
  readonly facts: Readonly<Record<string, string | number>>;
}

export interface BulkControl {
  readonly workers: number;
  readonly signal?: AbortSignal | undefined;
  /** Pages written so far by the whole run. */
  readonly onPages?: ((pages: number) => void) | undefined;
}

/** The file a worker thread is writing, with its place in the run (null between files). */
interface Thread {
  current: { readonly file: PlannedFile; readonly order: number } | null;
}

/** `abc.pdf` → its unfinished name. */
const partialOf = (file: string) => `${file}.partial`;

function publish(folder: string, name: string): void {
  const partial = path.join(folder, partialOf(name));
  try {
    linkSync(partial, path.join(folder, name)); // fails, never replaces, when the name is taken
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new DeskFailure('CONFLICT', `${name} already exists in ${folder}: print into an empty folder (nothing was kept from this run)`);
    throw error;
  } finally {
    rmSync(partial, { force: true });
  }
}

/**
 * Runs the planned files on `control.workers` worker threads, each fed file after file until the
 * plan is done (a thread is started once per run, not once per file: its start — pdfmake, the font
 * and code compiled anew — was about half a second a file). A file is published as soon as its
 * thread asks for the next. On any failure or cancel, removes every file of the run.
 */
export async function printFiles(folder: string, plan: AsyncIterable<PlannedFile>, control: BulkControl): Promise<WrittenFile[]> {
  const written: (WrittenFile & { readonly order: number })[] = [];
  const started: string[] = [];
  const progress = new Map<number, number>();
  const report = () => control.onPages?.([...progress.values()].reduce((a, b) => a + b, 0));
  // One runner failing stops the others too: the run is all or nothing.
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  if (control.signal?.aborted === true) stop.abort();
  control.signal?.addEventListener('abort', onAbort, { once: true });
  const source = plan[Symbol.asyncIterator]();
  // The next file of the plan for a thread, now its current one; undefined when the plan is done.
  const take = async (thread: Thread): Promise<PrintCertificatesInput | undefined> => {
    if (stop.signal.aborted) throw jobCancelled();
    const next = await source.next(); // async generators queue concurrent calls: each file goes to one thread
    if (next.done === true) return undefined;
    thread.current = { file: next.value, order: started.push(next.value.name) };
    return { file: path.join(folder, partialOf(next.value.name)), title: next.value.title, faces: next.value.faces };
  };
  const runner = async (index: number) => {
    const thread: Thread = { current: null };
    // A thread is started only for a file: a run of one file on two workers starts one.
    const first = await take(thread);
    if (first === undefined) return;
    const feed = async (finished: CertificatesFileWritten | undefined): Promise<PrintCertificatesInput | undefined> => {
      if (thread.current !== null && finished !== undefined) {
        publish(folder, thread.current.file.name);
        const { name, faces, facts } = thread.current.file;
        written.push({ name, pages: finished.pages, certificates: faces.length, facts, order: thread.current.order });
        thread.current = null;
      }
      return take(thread);
    };
    await runJob<PrintCertificatesInput | null, PrintCertificatesOutput, PrintCertificatesProgress, PrintCertificatesInput, CertificatesFileWritten>('print-certificates', first, {
      signal: stop.signal,
      maxHeapMb: WORKER_HEAP_MB,
      maxYoungMb: WORKER_YOUNG_MB,
      feed,
      onProgress: (p) => {
        progress.set(index, p.pages);
        report();
      },
    });
  };
  const runs = await Promise.allSettled(
    Array.from({ length: Math.max(1, control.workers) }, (_, index) =>
      runner(index).catch((error: unknown) => {
        stop.abort();
        throw error;
      }),
    ),
  );
  control.signal?.removeEventListener('abort', onAbort);
  const failures = runs.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failures.length > 0) {
    // Every worker is gone by now (a job settles only once its thread has exited).
    for (const name of started) {
      rmSync(path.join(folder, partialOf(name)), { force: true });
      if (written.some((w) => w.name === name)) rmSync(path.join(folder, name), { force: true });
    }
    if (control.signal?.aborted === true) throw jobCancelled();
    throw failures.find((e) => !(e instanceof DeskFailure && e.code === 'CANCELLED')) ?? failures[0];
  }
  return written.sort((a, b) => a.order - b.order).map(({ order: _order, ...file }) => file);
}
