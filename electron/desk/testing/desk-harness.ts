import { expect } from 'vitest';
import type { Channel, ChannelInput, ChannelResult } from '../../../shared/ipc/channels';
import type { DeskErrorCode, DeskResult } from '../../../shared/ipc/result';
import type { Role } from '../../../shared/ipc/schemas';
import type { SessionUser } from '../../../shared/ipc/types';
import { openDesk, type Desk, type DeskHost } from '../desk';
import { fakeClock, tempDir } from './temp';
import { freshBookLocation } from './test-store';
import { redactUrl } from '../store/open-store';

export const PASSWORD = 'correct horse battery';

/** A host whose dialogs answer what the test queued, and whose log the test can read. */
export function fakeHost() {
  const savePaths: (string | null)[] = [];
  const openPaths: (string | null)[] = [];
  const folders: (string | null)[] = [];
  const logged: { error: unknown; channel: string }[] = [];
  const host: DeskHost = {
    chooseSavePath: async () => savePaths.shift() ?? null,
    chooseOpenPath: async () => openPaths.shift() ?? null,
    chooseFolder: async () => folders.shift() ?? null,
    // A stand-in for the operating system's keychain: reversible and marked, for tests only.
    sealSecret: (plain) => `test-sealed:${Buffer.from(plain, 'utf8').toString('base64')}`,
    unsealSecret: (sealed) => (sealed.startsWith('test-sealed:') ? Buffer.from(sealed.slice('test-sealed:'.length), 'base64').toString('utf8') : null),
    logError: (error, context) => {
      logged.push({ error, channel: context.channel });
    },
  };
  return { host, savePaths, openPaths, folders, logged };
}

/**
 * A desk on a fresh book — a file in a temporary folder, or a fresh database on the test
 * PostgreSQL server when the suite runs against that store — with a hand-moved clock.
 */
export async function deskFixture(options: { idleLockMinutes?: number } = {}) {
  const dir = tempDir('desk-test-');
  const clock = fakeClock();
  const fake = fakeHost();
  const book = await freshBookLocation(dir.file('office.book'));
  const bookPath = book.location;
  const desk: Desk = await openDesk({ bookPath, prefsPath: dir.file('prefs.json'), host: fake.host, now: clock.now, idleClock: clock.monotonic, mode: 'create', ...options });

  async function call<C extends Channel>(channel: C, input?: ChannelInput<C>): Promise<DeskResult<ChannelResult<C>>> {
    return (await desk.dispatch(channel, input)) as DeskResult<ChannelResult<C>>;
  }
  /** Calls and expects success; returns the value. */
  async function value<C extends Channel>(channel: C, input?: ChannelInput<C>): Promise<ChannelResult<C>> {
    const result = await call(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  }
  /** Calls and expects the given failure; returns the error. */
  async function refused(channel: Channel | string, input: unknown, code: DeskErrorCode, field?: string) {
    const result = await desk.dispatch(channel, input);
    expect(result.ok, `${channel} should have been refused with ${code}`).toBe(false);
    if (result.ok) throw new Error('unreachable');
    expect(result.error.code).toBe(code);
    if (field !== undefined) expect(result.error.field).toBe(field);
    return result.error;
  }

  /** Creates the first admin "ada" (signed in afterwards). */
  const firstAdmin = () => value('session.createFirstAdmin', { username: 'ada', displayName: 'Ada Admin', password: PASSWORD });
  /** As the signed-in admin, creates a user; stays signed in as the admin. */
  const addUser = (username: string, role: Role) => value('users.create', { username, displayName: `${username} (${role})`, password: PASSWORD, role });
  const signInAs = (username: string): Promise<SessionUser> => value('session.signIn', { username, password: PASSWORD });
  /** The newest journal entry, read straight from the book. */
  const journalCount = () => value('book.info').then((i) => i.journalEntries);

  return {
    desk,
    dir,
    clock,
    ...fake,
    bookPath,
    call,
    value,
    refused,
    firstAdmin,
    addUser,
    /** The answer main's save dialog will give next; returns the (empty) input of book.backup. */
    chooseSave: (file: string) => {
      fake.savePaths.push(file);
      return {};
    },
    /** The answer main's open dialog will give next; returns the (empty) input of book.restore. */
    chooseOpen: (file: string) => {
      fake.openPaths.push(file);
      return {};
    },
    /** The answer main's folder dialog will give next (a print run's output folder). */
    chooseFolder: (folder: string) => {
      fake.folders.push(folder);
    },
    signInAs,
    journalCount,
    /** Which store this run's book is on. */
    storeKind: book.kind,
    /** The book as the desk names it on screen (a database's address without its password). */
    shownLocation: redactUrl(bookPath),
    close: async () => {
      await desk.close();
      await book.drop();
      dir.cleanup();
    },
  };
}
export type DeskFixture = Awaited<ReturnType<typeof deskFixture>>;

/** A fresh desk staffed for a test: ada (admin, signed in), sue (supervisor) and carl (clerk). */
export async function staffedDesk(): Promise<DeskFixture> {
  const f = await deskFixture();
  await f.firstAdmin();
  await f.addUser('sue', 'supervisor');
  await f.addUser('carl', 'clerk');
  return f;
}
