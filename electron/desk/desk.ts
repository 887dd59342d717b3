import type { DeskResult } from '../../shared/ipc/result';
import type { ChangeNotice } from '../../shared/ipc/topics';
import type { DeskHost } from './handlers/types';
import { openPrefs } from './prefs/prefs';
import { createDesk } from './serve-desk';
import { openStore } from './store/open-store';

export type { DeskHost } from './handlers/types';

export interface DeskOptions {
  /** A book file's path, or an office database's postgres:// URL. */
  bookPath: string;
  prefsPath: string;
  host: DeskHost;
  now?: () => Date;
  idleLockMinutes?: number /* default 10 */;
}

export interface Desk {
  /** The one entry point for every IPC message: validates, checks the role, calls a service. Never throws. */
  dispatch(channel: unknown, input: unknown): Promise<DeskResult<unknown>>;
  /**
   * Hears every change committed to the open book — by this desk or, where the store can tell,
   * by another desk on the same book — after it is committed. Returns an unsubscribe.
   */
  onChanged(listener: (notice: ChangeNotice) => void): () => void;
  close(): Promise<void>;
}

/** Opens the book (refusing it with DeskFailure 'BOOK_REFUSED' if it is not sound) and serves every channel. */
export async function openDesk(options: DeskOptions): Promise<Desk> {
  const store = await openStore(options.bookPath, { now: options.now ?? (() => new Date()) });
  return createDesk(options, store, { openPrefs });
}
