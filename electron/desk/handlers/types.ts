import type { Channel, ChannelParsed, ChannelResult } from '../../../shared/ipc/channels';
import type { SessionUser } from '../../../shared/ipc/types';
import type { JobRegistry } from '../jobs/registry';
import type { PrefsStore } from '../prefs/prefs';
import type { Session } from '../session';
import type { ProgramItemsReader } from '../services/supervision/items-off-main';
import type { BookHandle, BookStore } from '../store/port';

/** What the outside world provides (Electron's dialogs and log in main; fakes in tests). */
export interface DeskHost {
  /** Ask the user for a file to write (backup) or read (restore); null = cancelled. Main shows a native dialog; tests return a path. */
  chooseSavePath(options: { title: string; defaultName: string }): Promise<string | null>;
  chooseOpenPath(options: { title: string }): Promise<string | null>;
  /** Ask the user for a folder to write many files into (a print run); null = cancelled. */
  chooseFolder(options: { title: string }): Promise<string | null>;
  /** Unexpected errors: main writes them to its log. */
  logError(error: unknown, context: { channel: string }): void;
  /**
   * Seals a secret with the operating system's keychain (Electron safeStorage) so that only this
   * user on this machine can open it; null where no keychain is available (it is then not kept).
   */
  sealSecret(plain: string): string | null;
  /** Opens what sealSecret sealed; null if it cannot (another machine or user, a changed key). */
  unsealSecret(sealed: string): string | null;
}

/** Everything a handler may use for one call. */
export interface HandlerContext {
  /** The open book now (a restore replaces it). */
  readonly store: BookStore;
  readonly book: BookHandle;
  readonly session: Session;
  /** The caller, already checked against the channel's access; null only on public channels. */
  readonly user: SessionUser | null;
  readonly host: DeskHost;
  readonly now: () => Date;
  readonly prefs: () => Promise<PrefsStore>;
  /** The desk's long jobs: a starting channel hands its work to `jobs.start` and answers { jobId }. */
  readonly jobs: JobRegistry;
  /** What opening the book found against this workstation's witnessed head (services/witness.ts). */
  readonly headWarning: () => Promise<{ readonly message: string } | null>;
  /** How a whole program's items are read for the queue and the reports: off main's thread in the desk. */
  readonly readItems: ProgramItemsReader;
}

export type Handler<C extends Channel> = (input: ChannelParsed<C>, ctx: HandlerContext) => Promise<ChannelResult<C>> | ChannelResult<C>;

export type HandlerTable = { readonly [C in Channel]: Handler<C> };

/** The caller on a channel whose access requires a signed-in user (the dispatcher guarantees it). */
export function signedIn(ctx: HandlerContext): SessionUser {
  if (!ctx.user) throw new Error('A signed-in channel was reached without a user');
  return ctx.user;
}
