import type { DeskResult } from '../../shared/ipc/result';
import type { ChangeNotice } from '../../shared/ipc/topics';
import type { DeskHost } from './handlers/types';
import { openPrefs } from './prefs/prefs';
import { createDesk } from './serve-desk';

export type { DeskHost } from './handlers/types';

export interface DeskOptions {
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
  close(): void;
}

/** Opens the book (refusing it with DeskFailure 'BOOK_REFUSED' if it is not sound) and serves every channel. */
export function openDesk(options: DeskOptions): Desk {
  return createDesk(options, { openPrefs });
}
