import type { HeadWarning } from './services/witness';
import type { DeskResult } from '../../shared/ipc/result';
import type { ChangeNotice } from '../../shared/ipc/topics';
import type { DeskHost } from './handlers/types';
import { openPrefs } from './prefs/prefs';
import { DeskFailure } from '../../shared/ipc/result';
import type { JobView } from '../../shared/ipc/types';
import { createDesk, createJobRegistry } from './serve-desk';
import path from 'node:path';
import { sweepTemporaries } from './store/files';
import { isPostgresUrl, openStore } from './store/open-store';
import type { BookStore } from './store/port';

export type { DeskHost } from './handlers/types';

export interface DeskOptions {
  /** A book file's path, or an office database's postgres:// URL. */
  bookPath: string;
  /**
   * 'open' (the default): the book must exist — a mistyped path never makes one. 'create': a new,
   * empty book, refused where one exists (File ▸ New book…, tests). 'open-or-create': only for the
   * workstation's default book under user data on its very first start (main decides).
   */
  mode?: 'open' | 'create' | 'open-or-create';
  prefsPath: string;
  host: DeskHost;
  now?: () => Date;
  /**
   * The idle lock's clock: monotonic milliseconds (default performance.now()), never the wall
   * clock, so setting the system clock back does not postpone the lock. Tests move it by hand.
   */
  idleClock?: () => number;
  idleLockMinutes?: number /* default 10 */;
  /**
   * Hears every job from the first one on: the check of an existing book file as it opens (in a
   * worker, seconds on a large book) runs before openDesk returns, so Desk.onJob would miss it.
   */
  onJob?: (job: JobView) => void;
  /** Aborting it while the book is being checked stops openDesk with DeskFailure 'CANCELLED'. */
  signal?: AbortSignal;
}

export interface Desk {
  /** The one entry point for every IPC message: validates, checks the role, calls a service. Never throws. */
  dispatch(channel: unknown, input: unknown): Promise<DeskResult<unknown>>;
  /**
   * Hears every change committed to the open book — by this desk or, where the store can tell,
   * by another desk on the same book — after it is committed. Returns an unsubscribe.
   */
  onChanged(listener: (notice: ChangeNotice) => void): () => void;
  /**
   * Hears every long job's start, progress (at most ~10 a second per job) and end — backup,
   * restore, journal verification — as plain data main can push to the window. Returns an unsubscribe.
   */
  onJob(listener: (job: JobView) => void): () => void;
  /** The job's final record once it has finished, whichever way (a menu command that waits for its job). */
  whenFinished(jobId: number): Promise<JobView>;
  /**
   * Whether the open book's journal is behind (or rewritten from) the head this workstation
   * witnessed before; such a finding is journaled as book.headBehind and logged (services/witness.ts).
   */
  headWarning(): Promise<HeadWarning | null>;
  /** Cancels any job still running, then closes the book. */
  close(): Promise<void>;
}

/**
 * Opens the book (refusing it with DeskFailure 'BOOK_REFUSED' if it is not sound) and serves
 * every channel. Opening is the desk's first job ('book.open'): the check runs in a worker.
 */
export async function openDesk(options: DeskOptions): Promise<Desk> {
  // A restore's or backup's copy a crash left beside the book is removed at the next start (it holds password hashes).
  if (!isPostgresUrl(options.bookPath)) sweepTemporaries(path.dirname(path.resolve(options.bookPath)));
  const jobs = createJobRegistry(options);
  if (options.onJob) jobs.onJob(options.onJob);
  let store: BookStore | null = null;
  let failure: unknown = null;
  const { jobId } = jobs.start('book.open', null, async (job) => {
    try {
      store = await openStore(options.bookPath, { now: options.now ?? (() => new Date()), mode: options.mode ?? 'open', control: job });
    } catch (error) {
      failure = error; // rethrown as it was: the caller tells a refused book from a broken one
      throw error;
    }
    return { path: store.location };
  });
  const cancel = (): void => void jobs.cancel(jobId);
  options.signal?.addEventListener('abort', cancel, { once: true });
  const finished = await jobs.whenFinished(jobId);
  options.signal?.removeEventListener('abort', cancel);
  if (finished.state === 'cancelled' || failure !== null || store === null) {
    if (store !== null) await (store as BookStore).close();
    throw finished.state === 'cancelled' ? new DeskFailure('CANCELLED', 'Opening the book was cancelled; it was left as it was') : failure;
  }
  return createDesk(options, store, { openPrefs, jobs });
}
