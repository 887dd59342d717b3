// Runs a long job (backup, restore, the check of a book, journal verification; later imports and
// bulk print) in a worker thread, so the main process — and with it the window — never waits on
// it (DESIGN rule 7). One job = one
// worker: it gets its input as workerData, may post progress, posts one result or one error, and
// is always gone by the time the returned promise settles.
import { Worker } from 'node:worker_threads';
import { DeskFailure, type DeskErrorCode } from '../../../shared/ipc/result';
import { CANCELLED_MESSAGE, type WorkerEnvelope, type WorkerMessage } from './job-port';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** The jobs that have a worker entry (electron/desk/workers/<name>.ts, bundled as <name>.cjs). */
export type JobName = 'verify-journal' | 'backup-book' | 'restore-book' | 'inspect-book' | 'import-register' | 'check-register' | 'print-certificates' | 'issue-certificates' | 'print-letter' | 'print-intake' | 'print-letters' | 'print-report' | 'import-dtc' | 'read-bank-file' | 'read-program-items';

/** Where a worker's code is and how Node must start it. */
export interface WorkerLaunch {
  readonly file: URL;
  readonly execArgv: readonly string[];
}

export type WorkerLocator = (name: JobName) => WorkerLaunch;

/**
 * From the TypeScript sources (tests, tsx, the command line): the worker thread registers tsx's
 * loader itself, because a worker does not inherit the loaders of the thread that started it.
 */
export const sourceWorkers: WorkerLocator = (name) => ({ file: new URL(`./${name}.ts`, import.meta.url), execArgv: ['--import', tsxLoader()] });

/** tsx's loader found from this file, not from the working folder: a command may run from anywhere. */
const tsxLoader = (): string => pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** From the Electron bundle: `.config/build-electron.ts` writes each entry to <dir>/<name>.cjs. */
export const bundledWorkers =
  (dir: URL): WorkerLocator =>
  (name) => ({ file: new URL(`${name}.cjs`, dir), execArgv: [] });

// Chosen once at startup: the bundled main process switches to bundledWorkers; everything else
// runs from sources. Explicit rather than guessed from the file system, so a wrong setting fails loudly.
// A worker that starts a worker of its own (the register import's check) runs from its bundle,
// where this module's URL is the worker's .cjs file: its fellow workers are beside it.
let locator: WorkerLocator = import.meta.url.endsWith('.cjs') ? bundledWorkers(new URL('./', import.meta.url)) : sourceWorkers;

export function useWorkers(next: WorkerLocator): void {
  locator = next;
}

export interface JobOptions<P, T = never, F = never> {
  readonly onProgress?: (progress: P) => void;
  /**
   * A worker that serves a feed (serveFeed) asks for its inputs one at a time: each ask says what
   * the worker made of the last input (undefined at first) and is answered with the next input,
   * or undefined when there is none left (always, without a feed). A feed that fails fails the job
   * with its error, and the worker is asked to stop.
   */
  readonly feed?: (finished: F | undefined) => Promise<T | undefined>;
  /**
   * Aborting asks the worker to stop (see serveJob); the promise then rejects with DeskFailure
   * 'CANCELLED' — unless the worker had already finished its work, which then resolves as done.
   */
  readonly signal?: AbortSignal;
  /** Caps the worker's heap (MB): a job that makes garbage fast (PDFs) is collected early, keeping memory bounded. */
  readonly maxHeapMb?: number;
  /** With maxHeapMb: the young generation's cap (MB; 16 unless given). A bigger one lets short-lived garbage die young instead of being promoted and collected again. */
  readonly maxYoungMb?: number;
  /** How long a worker may take to end by itself after a cancel or its last message (tests shorten it). */
  readonly graceMs?: number;
}

/** Runs the named job in a new worker thread. */
export function runJob<I, O, P = unknown, T = never, F = never>(name: JobName, input: I, options: JobOptions<P, T, F> = {}): Promise<O> {
  return runWorker<I, O, P, T, F>(locator(name), input, options);
}

/**
 * How long a worker has to end by itself, after a cancel or after its last message, before it is
 * terminated. Every worker reports progress at least every few seconds (each report is where it
 * notices a cancel); a terminate is for a worker stuck beyond that, and risks better-sqlite3#1507.
 */
const GRACE_MS = 30_000;

/** What a cancelled job rejects with, wherever it notices the abort (in a worker or between slices). */
export function jobCancelled(): DeskFailure {
  return new DeskFailure('CANCELLED', CANCELLED_MESSAGE);
}
const DESK_CODES: ReadonlySet<string> = new Set<DeskErrorCode>(['NOT_FOUND', 'BOOK_REFUSED', 'CONFLICT', 'CANCELLED', 'INVALID_INPUT']);

/** As runJob, for a worker file given directly (tests use it for fixture workers). */
export function runWorker<I, O, P = unknown, T = never, F = never>(launch: WorkerLaunch, input: I, options: JobOptions<P, T, F> = {}): Promise<O> {
  const { signal, onProgress, feed, maxHeapMb, maxYoungMb = 16, graceMs = GRACE_MS } = options;
  if (signal?.aborted === true) return Promise.reject(jobCancelled());

  return new Promise<O>((resolve, reject) => {
    // A small young generation too: short-lived garbage (a PDF's layout) is what fills it.
    const resourceLimits = maxHeapMb === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: maxYoungMb } };
    const cancel = new SharedArrayBuffer(4);
    const envelope: WorkerEnvelope<I> = { input, cancel };
    const worker = new Worker(launch.file, { workerData: envelope, execArgv: [...launch.execArgv], ...resourceLimits });
    // The outcome is decided by the first of: result, error, cancel, unexpected exit; the promise
    // settles only on 'exit', so a caller never goes on while the thread still holds the book open.
    let outcome: { ok: true; value: O } | { ok: false; error: Error } | null = null;
    const decide = (next: NonNullable<typeof outcome>): void => {
      if (outcome === null) outcome = next;
    };
    // Terminating a thread while it is loading better-sqlite3's addon, or inside one of its calls,
    // aborts the whole process (better-sqlite3 13): the last resort waits for the worker's 'ready'.
    let ready = false;
    let terminateWhenReady = false;
    const terminate = (): void => {
      if (ready) void worker.terminate();
      else terminateWhenReady = true;
    };
    let grace: NodeJS.Timeout | null = null;
    const terminateUnlessGone = (): void => {
      grace ??= setTimeout(terminate, graceMs);
    };
    // A cancel only asks: the worker's own last message decides. One that had already committed
    // its work when the cancel came answers done (the work exists; calling it cancelled would lie).
    const askToStop = (): void => {
      Atomics.store(new Int32Array(cancel), 0, 1);
      worker.postMessage('cancel');
      terminateUnlessGone();
    };
    // The next input, asked for by a fed worker: posted unless the job is already decided.
    const answer = async (finished: unknown): Promise<void> => {
      try {
        // A job given no feed has no more inputs than the one it started with.
        const item = feed === undefined ? undefined : await feed(finished as F | undefined);
        if (outcome === null) worker.postMessage(item === undefined ? { type: 'end' } : { type: 'item', item });
      } catch (error) {
        decide({ ok: false, error: error instanceof Error ? error : new Error(String(error)) });
        askToStop();
      }
    };
    signal?.addEventListener('abort', askToStop, { once: true });

    worker.on('message', (message: WorkerMessage<O, P>) => {
      if (message.type === 'ready') {
        ready = true;
        if (terminateWhenReady) void worker.terminate();
        return;
      }
      // After its last message the worker only winds down: left to end by itself.
      if (outcome !== null) return;
      if (message.type === 'progress') {
        onProgress?.(message.progress);
        return;
      }
      if (message.type === 'next') {
        void answer(message.finished);
        return;
      }
      decide(message.type === 'done' ? { ok: true, value: message.result } : { ok: false, error: plainError(message.message, message.code) });
      terminateUnlessGone();
    });
    // An uncaught error inside the worker (or a worker file that cannot load): keep only its message.
    worker.on('error', (error: unknown) => {
      decide({ ok: false, error: plainError(error instanceof Error ? error.message : String(error)) });
    });
    worker.on('exit', (code) => {
      signal?.removeEventListener('abort', askToStop);
      if (grace !== null) clearTimeout(grace);
      // Ended without a last message: terminated after a cancel, or it died.
      decide({ ok: false, error: signal?.aborted === true ? jobCancelled() : plainError(`the worker stopped unexpectedly (exit code ${code})`) });
      const settled = outcome!;
      if (settled.ok) resolve(settled.value);
      else reject(settled.error);
    });
  });
}

/** An error that carries a message only: a worker's stack trace is for the log, never for the user. */
function plainError(full: string, code?: string): Error {
  // First line only: Node appends e.g. a "Require stack" to some messages.
  const message = full.split('\n')[0] ?? full;
  if (code !== undefined && DESK_CODES.has(code)) return new DeskFailure(code as DeskErrorCode, message);
  const error = new Error(`The background job failed: ${message}`);
  error.stack = error.message;
  return error;
}
