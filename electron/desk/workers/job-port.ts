// The worker's side of run-job.ts: the messages a job posts, and `serveJob`, which every worker
// entry calls once with its body.
import { parentPort, workerData } from 'node:worker_threads';
import { DeskFailure } from '../../../shared/ipc/result';
import { lowerThisThreadPriority } from './thread-priority';

export type WorkerMessage<O, P> =
  /** The worker's modules (native addons included) are loaded. */
  | { readonly type: 'ready' }
  | { readonly type: 'progress'; readonly progress: P }
  /** A worker fed its inputs one at a time (serveFeed) asks for the next, saying what it made of the last. */
  | { readonly type: 'next'; readonly finished: unknown }
  | { readonly type: 'done'; readonly result: O }
  | { readonly type: 'error'; readonly message: string; readonly code?: string };

/** What run-job.ts hands a worker: the job's input and the flag main raises to cancel it. */
export interface WorkerEnvelope<I> {
  readonly input: I;
  /** One Int32, set to 1 by main to cancel: shared memory, so it is seen even inside a busy loop. */
  readonly cancel: SharedArrayBuffer;
}

export const CANCELLED_MESSAGE = 'The job was cancelled.';

/** Main's answer to a fed worker's 'next': the next input, or none left. */
export type FeedAnswer<T> = { readonly type: 'item'; readonly item: T } | { readonly type: 'end' };

/**
 * Runs `body` on the job's input, posts its progress and its result (or its error's message).
 *
 * Cancel is cooperative: each progress report first looks at main's flag and, when it is raised,
 * throws CANCELLED, so the body unwinds through its own `finally` blocks — a change rolls back,
 * connections and files close — and the thread then ends by itself. Main terminates a thread
 * only as a last resort: terminating one inside a better-sqlite3 call aborts the whole process
 * (WiseLibs/better-sqlite3#1507). `signal` also aborts, for bodies that check it between awaits.
 */
export function serveJob<I, O, P>(body: (input: I, progress: (p: P) => void, signal: AbortSignal) => O | Promise<O>): void {
  serve<I, O, P, never, never>((input, tools) => body(input, tools.progress, tools.signal));
}

/**
 * As serveJob, for a worker that takes its inputs one after another from main (runJob's `feed`):
 * one thread, started once, does a whole run — a bulk print's files — instead of a new thread, with
 * its modules loaded and its code compiled again, for each. `next(finished)` tells main what the
 * last input became and waits for the next one (undefined: none left); a cancel rejects it.
 */
export function serveFeed<I, T, F, O, P>(body: (input: I, next: (finished: F | undefined) => Promise<T | undefined>, progress: (p: P) => void, signal: AbortSignal) => O | Promise<O>): void {
  serve<I, O, P, T, F>((input, tools) => body(input, tools.next, tools.progress, tools.signal));
}

interface JobTools<P, T, F> {
  readonly progress: (p: P) => void;
  readonly signal: AbortSignal;
  readonly next: (finished: F | undefined) => Promise<T | undefined>;
}

function serve<I, O, P, T, F>(body: (input: I, tools: JobTools<P, T, F>) => O | Promise<O>): void {
  const port = parentPort;
  if (port === null) throw new Error('serveJob must run inside a worker thread');
  lowerThisThreadPriority();
  const { input, cancel } = workerData as WorkerEnvelope<I>;
  const flag = new Int32Array(cancel);
  const aborter = new AbortController();
  const throwIfCancelled = (): void => {
    if (Atomics.load(flag, 0) === 0) return;
    if (!aborter.signal.aborted) aborter.abort();
    throw new DeskFailure('CANCELLED', CANCELLED_MESSAGE);
  };
  // The answer to the one 'next' asked for, if any is awaited.
  let awaiting: ((answer: FeedAnswer<T>) => void) | null = null;
  // The same flag, noticed between awaits as well: main posts 'cancel' after raising it.
  const onMessage = (message: unknown): void => {
    if (message === 'cancel' && !aborter.signal.aborted) aborter.abort();
    else if (awaiting !== null && typeof message === 'object' && message !== null) awaiting(message as FeedAnswer<T>);
  };
  port.on('message', onMessage);
  const post = (message: WorkerMessage<O, P>): void => port.postMessage(message);
  const next = (finished: F | undefined): Promise<T | undefined> => {
    throwIfCancelled();
    if (awaiting !== null) throw new Error('next() asked again before its answer came');
    return new Promise<T | undefined>((resolve, reject) => {
      const onAbort = (): void => {
        awaiting = null;
        reject(new DeskFailure('CANCELLED', CANCELLED_MESSAGE));
      };
      aborter.signal.addEventListener('abort', onAbort, { once: true });
      awaiting = (answer) => {
        awaiting = null;
        aborter.signal.removeEventListener('abort', onAbort);
        resolve(answer.type === 'item' ? answer.item : undefined);
      };
      post({ type: 'next', finished });
    });
  };
  post({ type: 'ready' });
  void (async () => {
    try {
      const result = await body(input, { progress: (progress) => (throwIfCancelled(), post({ type: 'progress', progress })), signal: aborter.signal, next });
      post({ type: 'done', result });
    } catch (error) {
      const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
      const message = error instanceof Error ? error.message : String(error);
      post(code === undefined ? { type: 'error', message } : { type: 'error', message, code });
    } finally {
      // Nothing more to hear: without a listener the port no longer keeps the thread alive.
      port.off('message', onMessage);
    }
  })();
}
