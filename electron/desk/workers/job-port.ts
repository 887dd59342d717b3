// The worker's side of run-job.ts: the messages a job posts, and `serveJob`, which every worker
// entry calls once with its body.
import { parentPort, workerData } from 'node:worker_threads';
import { DeskFailure } from '../../../shared/ipc/result';
import { lowerThisThreadPriority } from './thread-priority';

export type WorkerMessage<O, P> =
  /** The worker's modules (native addons included) are loaded. */
  | { readonly type: 'ready' }
  | { readonly type: 'progress'; readonly progress: P }
  | { readonly type: 'done'; readonly result: O }
  | { readonly type: 'error'; readonly message: string; readonly code?: string };

/** What run-job.ts hands a worker: the job's input and the flag main raises to cancel it. */
export interface WorkerEnvelope<I> {
  readonly input: I;
  /** One Int32, set to 1 by main to cancel: shared memory, so it is seen even inside a busy loop. */
  readonly cancel: SharedArrayBuffer;
}

export const CANCELLED_MESSAGE = 'The job was cancelled.';

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
  // The same flag, noticed between awaits as well: main posts 'cancel' after raising it.
  const onMessage = (message: unknown): void => {
    if (message === 'cancel' && !aborter.signal.aborted) aborter.abort();
  };
  port.on('message', onMessage);
  const post = (message: WorkerMessage<O, P>): void => port.postMessage(message);
  post({ type: 'ready' });
  void (async () => {
    try {
      const result = await body(input, (progress) => (throwIfCancelled(), post({ type: 'progress', progress })), aborter.signal);
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
