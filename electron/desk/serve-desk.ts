import { channels, isChannel, type Access } from '../../shared/ipc/channels';
import { DeskFailure, fail, ok, type DeskResult } from '../../shared/ipc/result';
import { topicsOf, type ChangeNotice } from '../../shared/ipc/topics';
import type { SessionUser } from '../../shared/ipc/types';
import { handlers } from './handlers';
import { describeInvalidInput } from './handlers/input-errors';
import type { DeskHost, HandlerContext } from './handlers/types';
import type { PrefsStore } from './prefs/prefs';
import { currentUser } from './services/accounts';
import { oneReadingAtATime, readProgramItemsOffMain, type ProgramItemsReader } from './services/supervision/items-off-main';
import { witnessHead, witnessOpening, type HeadWarning } from './services/witness';
import { Session } from './session';
import type { Desk, DeskOptions } from './desk';
import { JobRegistry } from './jobs/registry';
import type { BookHandle, BookStore } from './store/port';
import { signInGuardOf } from './security/sign-in-guard';

export const INTERNAL_MESSAGE = 'Something went wrong; the book was not changed. The details are in the log.';

/** What createDesk takes from the outside world besides the options (tests pass fakes). */
export interface DeskDependencies {
  openPrefs: (path: string) => Promise<PrefsStore>;
  /** The registry that already ran the check of the book as it opened (openDesk); a new one otherwise. */
  jobs?: JobRegistry;
  /** How a whole program's items are read (the queue, the reports): off main's thread unless told otherwise. */
  readItems?: ProgramItemsReader;
}

/** The desk's job registry: unexpected failures are logged and shown as the plain message. */
export function createJobRegistry(options: Pick<DeskOptions, 'host' | 'now'>): JobRegistry {
  return new JobRegistry({
    now: options.now ?? (() => new Date()),
    unexpected: (error, kind) => {
      safeLog(options.host, error, `job ${kind}`);
      return INTERNAL_MESSAGE;
    },
  });
}

/** Serves every channel of the open book through one dispatcher; see openDesk. */
export function createDesk(options: DeskOptions, store: BookStore, deps: DeskDependencies): Desk {
  const now = options.now ?? (() => new Date());
  const readItems = deps.readItems ?? oneReadingAtATime(readProgramItemsOffMain);
  const changeListeners = new Set<(notice: ChangeNotice) => void>();
  const announce = (entry: { seq: number; action: string }): void => {
    const notice: ChangeNotice = { seq: entry.seq, action: entry.action, topics: topicsOf(entry.action) };
    for (const listener of changeListeners) {
      try {
        listener(notice);
      } catch (error) {
        safeLog(options.host, error, 'desk.onChanged');
      }
    }
  };
  const book: BookHandle = { current: store };
  // A restore replaces the store: listen to whichever one is current.
  let watched = book.current;
  let unwatch = watched.onCommitted(announce);
  const followCurrentBook = (restored = false): void => {
    if (book.current === watched) return;
    unwatch();
    watched = book.current;
    unwatch = watched.onCommitted(announce);
    announce({ seq: 0, action: 'book.replaced' });
    // A restore done here lowers the head on purpose (journaled as book.restored); another book is compared.
    headWarning = restored ? witnessQuietly((p) => witnessHead(book.current, p, { replace: true }).then(() => null)) : witnessQuietly((p) => witnessOpening(book.current, p));
  };
  const session = new Session(options.idleClock ?? (() => performance.now()), options.idleLockMinutes ?? 10);

  // openDesk is synchronous; preferences are a file of their own, opened on first use.
  let prefs: Promise<PrefsStore> | null = null;
  const getPrefs = (): Promise<PrefsStore> => {
    prefs ??= deps.openPrefs(options.prefsPath).catch((error: unknown) => {
      prefs = null; // try again next time
      throw error;
    });
    return prefs;
  };
  getPrefs()
    .then((p) => p.addRecentBook(book.current.location))
    .catch((error: unknown) => safeLog(options.host, error, 'prefs.addRecentBook'));
  /** Compares the book with this workstation's witnessed head (services/witness.ts); a warning is also logged. */
  const witnessQuietly = (check: (prefs: PrefsStore) => Promise<HeadWarning | null>): Promise<HeadWarning | null> =>
    getPrefs()
      // Preferences that cannot be opened are logged once, by addRecentBook above; no witness then.
      .then(check, () => null)
      .then((warning) => {
        if (warning) safeLog(options.host, new Error(warning.message), 'book.headBehind');
        return warning;
      })
      .catch((error: unknown) => {
        safeLog(options.host, error, 'prefs.witnessHead');
        return null;
      });
  let headWarning = witnessQuietly((p) => witnessOpening(book.current, p));

  const jobs = deps.jobs ?? createJobRegistry(options);
  // A restore replaces the store when its job ends, after its channel has answered.
  const unfollowJobs = jobs.onJob((job) => {
    if (job.state !== 'running') followCurrentBook(job.kind === 'book.restore');
  });

  async function dispatch(channel: unknown, input: unknown): Promise<DeskResult<unknown>> {
    try {
      if (!isChannel(channel)) return fail('UNKNOWN_CHANNEL', 'There is no such request');
      // Access before validation: a caller who may not use a channel learns nothing about its input.
      const user = await resolveUser();
      const refusal = checkAccess(channels[channel].access, user, channel);
      if (refusal) return refusal;

      // An absent input means "no fields"; anything else must match the schema exactly.
      const given = input === undefined ? {} : input;
      const parsed = channels[channel].input.safeParse(given);
      if (!parsed.success) {
        const { field, message } = describeInvalidInput(parsed.error, given, channels[channel].input);
        return fail('INVALID_INPUT', message, field);
      }

      // Polling the status is not the user doing something: it must not keep the session awake.
      if (channel !== 'session.status') session.touch();
      const ctx: HandlerContext = { store: book.current, book, session, user: user.user, host: options.host, now, prefs: getPrefs, jobs, headWarning: () => headWarning, readItems };
      const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => unknown;
      try {
        return ok(await handler(parsed.data, ctx));
      } finally {
        followCurrentBook();
      }
    } catch (error) {
      if (error instanceof DeskFailure) return fail(error.code, error.message, error.field);
      safeLog(options.host, error, typeof channel === 'string' ? channel.slice(0, 100) : typeof channel);
      return fail('INTERNAL', INTERNAL_MESSAGE);
    }
  }

  /** The session's user as the book has them now: a deactivated or vanished user is signed out. */
  async function resolveUser(): Promise<{ user: SessionUser | null; locked: boolean }> {
    const state = session.current();
    if (!state.user) return state;
    const fresh = await currentUser(book.current, state.user.id);
    if (!fresh || fresh.username !== state.user.username) {
      session.signOut();
      return { user: null, locked: false };
    }
    session.replaceUser(fresh);
    return { user: session.current().user, locked: state.locked };
  }

  return {
    dispatch,
    onChanged(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    onJob: (listener) => jobs.onJob(listener),
    whenFinished: (jobId) => jobs.whenFinished(jobId),
    headWarning: () => headWarning,
    close: async () => {
      // A job still running is cancelled (it leaves everything as it was) before the book closes.
      await jobs.cancelAll();
      unfollowJobs();
      unwatch();
      changeListeners.clear();
      await headWarning;
      // The head this workstation saw last: a journal later cut back below it is found at the next opening.
      if (book.current.isOpen) await witnessQuietly((p) => witnessHead(book.current, p).then(() => null));
      // Failed sign-ins not yet journaled (a minute's count in progress) are journaled now.
      if (book.current.isOpen) await signInGuardOf(book.current).flushAll();
      await book.current.close();
    },
  };
}

/** What a user with a temporary password may still do: change it, lock the desk, keep the session awake. */
const WITH_TEMPORARY_PASSWORD: ReadonlySet<string> = new Set(['session.changePassword', 'session.lock', 'session.touch']);

function checkAccess(access: Access, state: { user: SessionUser | null; locked: boolean }, channel: string): DeskResult<never> | null {
  if (access === 'public') return null;
  if (!state.user) return fail('NOT_SIGNED_IN', 'Please sign in first');
  if (state.locked) return fail('LOCKED', 'The desk is locked after a pause; enter your password to unlock it');
  if (state.user.mustChangePassword && !WITH_TEMPORARY_PASSWORD.has(channel)) return fail('FORBIDDEN', 'Choose your own password first: an administrator set a temporary one');
  if (access !== 'signed-in' && !access.includes(state.user.role)) return fail('FORBIDDEN', `Your role (${state.user.role}) may not do this`);
  return null;
}

function safeLog(host: DeskHost, error: unknown, channel: string): void {
  try {
    host.logError(error, { channel });
  } catch {
    // the log itself failed; nothing more we can do without throwing
  }
}

