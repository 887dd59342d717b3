import { DeskFailure } from '../../../shared/ipc/result';
import type { BookInfo, SessionUser } from '../../../shared/ipc/types';
import type { LastBook, PrefsStore } from '../prefs/prefs';
import type { Session } from '../session';
import { openStore, redactUrl } from '../store/open-store';
import type { BookHandle, BookStore } from '../store/port';
import { officeDatabaseUrl, type OfficeDatabase } from '../store/postgres/connect';
import { recordSignOut } from './accounts';
import { bookInfo } from './book';
import { signInGuardOf } from '../security/sign-in-guard';

export interface BookSwitch {
  readonly book: BookHandle;
  readonly session: Session;
  readonly user: SessionUser | null;
  readonly now: () => Date;
  readonly prefs: () => Promise<PrefsStore>;
}

/**
 * Opens another book in this desk's place: the new one is opened (and checked) first, so a
 * refusal leaves the desk exactly as it was; then whoever is signed in is signed out of the old
 * book (journaled there), the old book is closed, and the workstation remembers the new one.
 */
export async function switchBook(ctx: BookSwitch, location: string, remember: LastBook, options: { mode: 'open' | 'create' | 'open-or-create' }): Promise<BookInfo> {
  if (ctx.session.current().locked) throw new DeskFailure('LOCKED', 'The desk is locked; unlock it or sign out before opening another book');
  const next: BookStore = await openStore(location, { now: ctx.now, mode: options.mode });
  const previous = ctx.book.current;
  try {
    if (ctx.user) await recordSignOut(previous, ctx.user);
  } finally {
    ctx.session.signOut();
    ctx.book.current = next;
    await signInGuardOf(previous).flushAll().catch(() => undefined); // the counts must not keep the old book open
    await previous.close();
  }
  const prefs = await ctx.prefs();
  await prefs.setLastBook(remember);
  await prefs.addRecentBook(redactUrl(location));
  return bookInfo(next);
}

/** The office database to connect to, with what the workstation keeps of it (the password only sealed, and only if asked). */
export function officeChoice(input: OfficeDatabase & { password: string; remember: boolean }, seal: (plain: string) => string | null): { url: string; remember: LastBook } {
  const { password, remember, ...db } = input;
  const sealedPassword = remember && password !== '' ? seal(password) : null;
  return { url: officeDatabaseUrl(db, password), remember: { kind: 'postgres', ...db, sealedPassword } };
}

/**
 * Where a workstation opens at start when no book is named on the command line: the last book it
 * had, if any. An office database whose password was not kept (or cannot be opened here) is
 * tried without one, which the server refuses in words unless it trusts this machine.
 */
export function lastBookLocation(last: LastBook | null, unseal: (sealed: string) => string | null): string | null {
  if (last === null) return null;
  if (last.kind === 'sqlite') return last.path;
  const password = last.sealedPassword === null ? '' : (unseal(last.sealedPassword) ?? '');
  return officeDatabaseUrl(last, password);
}
