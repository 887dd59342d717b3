// The worker's side of run-job.ts: the messages a job posts, and `serveJob`, which every worker
// entry calls once with its body.
import { parentPort, workerData } from 'node:worker_threads';

export type WorkerMessage<O, P> =
  /** The worker's modules (native addons included) are loaded: it may now be terminated safely. */
  | { readonly type: 'ready' }
  | { readonly type: 'progress'; readonly progress: P }
  | { readonly type: 'done'; readonly result: O }
  | { readonly type: 'error'; readonly message: string; readonly code?: string };

/** Runs `body` on the job's input, posts its progress and its result (or its error's message). */
export function serveJob<I, O, P>(body: (input: I, progress: (p: P) => void) => O | Promise<O>): void {
  const port = parentPort;
  if (port === null) throw new Error('serveJob must run inside a worker thread');
  const post = (message: WorkerMessage<O, P>): void => port.postMessage(message);
  post({ type: 'ready' });
  void (async () => {
    try {
      post({ type: 'done', result: await body(workerData as I, (progress) => post({ type: 'progress', progress })) });
    } catch (error) {
      const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
      const message = error instanceof Error ? error.message : String(error);
      post(code === undefined ? { type: 'error', message } : { type: 'error', message, code });
    }
  })();
}
