/**
 * Slows down and stops guessing at the sign-in screen:
 * - a growing delay after failed sign-ins, per user name (counted in the book, so every desk of
 *   an office database sees it) and per desk (counted here, whatever names are tried);
 * - a lockout after LOCKOUT_AFTER consecutive failures of one user, lifted only by an administrator;
 * - failures journaled as counts per user and minute (unknown names as one count, never the name
 *   typed: it may be a password), so that nobody signed out can flood the journal.
 * A refused-too-soon attempt is answered before any password is hashed and counts as nothing.
 */
import { DeskFailure } from '../../../shared/ipc/result';
import { SYSTEM_ACTOR, type BookStore, type SignInFailureRecord, type UserRecord } from '../store/port';

export const LOCKOUT_AFTER = 10;
/** Failures allowed before any delay: of one user, and at one desk (where several people sign in). */
export const FREE_USER_ATTEMPTS = 2;
export const FREE_DESK_ATTEMPTS = 5;
const MAX_DELAY_MS = 60_000;

/** The wait before the next attempt after `failures` consecutive ones beyond `free`: 1 s, 2 s, 4 s … up to a minute. */
export function delayAfter(failures: number, free: number): number {
  if (failures <= free) return 0;
  return Math.min(1000 * 2 ** (failures - free - 1), MAX_DELAY_MS);
}

const UNKNOWN = 'unknown';

interface Pending {
  /** The minute these failures fell in, e.g. 2026-12-01T11:40Z. */
  minute: string;
  count: number;
  lastAt: number;
  user: UserRecord | null;
}

const minuteOf = (ms: number): string => `${new Date(ms).toISOString().slice(0, 16)}Z`;

export class SignInGuard {
  private readonly pending = new Map<string, Pending>();
  private desk = { failures: 0, lastAt: 0 };
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: BookStore,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * Refuses in words when this desk or this user must still wait, or the user is locked out.
   * `user` is the record of the name typed, when it is a known user.
   */
  async check(user: UserRecord | undefined): Promise<void> {
    const now = this.clock();
    await this.flushEnded(now);
    const deskWait = this.desk.lastAt + delayAfter(this.desk.failures, FREE_DESK_ATTEMPTS) - now;
    const stored = user ? await this.stored(user.id) : undefined;
    if (stored?.lockedAt) throw new DeskFailure('BAD_CREDENTIALS', `This account is locked after ${LOCKOUT_AFTER} failed sign-ins; an administrator can unlock it`);
    const pending = this.pending.get(user ? String(user.id) : UNKNOWN);
    const userFailures = (stored?.failures ?? 0) + (user ? (pending?.count ?? 0) : 0);
    const userLast = Math.max(stored?.lastFailedAt ? Date.parse(stored.lastFailedAt) : 0, user ? (pending?.lastAt ?? 0) : 0);
    const userWait = user ? userLast + delayAfter(userFailures, FREE_USER_ATTEMPTS) - now : 0;
    const wait = Math.max(deskWait, userWait);
    if (wait > 0) throw new DeskFailure('BAD_CREDENTIALS', `Too many failed sign-ins: wait ${Math.ceil(wait / 1000)} seconds before trying again`);
  }

  /** Counts a failure; the tenth consecutive one of a user locks the account at once. */
  async failed(user: UserRecord | undefined): Promise<void> {
    const now = this.clock();
    this.desk = { failures: this.desk.failures + 1, lastAt: now };
    const key = user ? String(user.id) : UNKNOWN;
    const minute = minuteOf(now);
    const current = this.pending.get(key);
    if (current && current.minute !== minute) await this.flush(key);
    const entry = this.pending.get(key) ?? { minute, count: 0, lastAt: now, user: user ?? null };
    entry.count += 1;
    entry.lastAt = now;
    this.pending.set(key, entry);
    if (user && ((await this.stored(user.id))?.failures ?? 0) + entry.count >= LOCKOUT_AFTER) await this.flush(key);
    else this.schedule();
  }

  /** A right password: this desk's count starts again; the user's is cleared in the sign-in's own change. */
  async succeeded(user: UserRecord): Promise<void> {
    this.desk = { failures: 0, lastAt: 0 };
    await this.flush(String(user.id));
  }

  /** Journals every count still held (the desk is closing). */
  async flushAll(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const key of [...this.pending.keys()]) await this.flush(key);
  }

  /** Journals the counts of every minute that has ended. */
  private async flushEnded(now: number): Promise<void> {
    const minute = minuteOf(now);
    for (const [key, entry] of [...this.pending]) if (entry.minute !== minute) await this.flush(key);
  }

  private stored(userId: number): Promise<SignInFailureRecord | undefined> {
    return this.store.read((r) => r.signInFailures.ofUser(userId));
  }

  /** One journal entry for one user's (or the unknown names') failures of one minute. */
  private flush(key: string): Promise<void> {
    this.flushing = this.flushing.then(() => this.write(key));
    return this.flushing;
  }

  private async write(key: string): Promise<void> {
    const entry = this.pending.get(key);
    if (!entry || !this.store.isOpen) return;
    this.pending.delete(key);
    const at = new Date(entry.lastAt).toISOString();
    const user = entry.user;
    await this.store.change(SYSTEM_ACTOR, 'session.signInFailed', async (tx) => {
      if (!user) return { payload: { reason: 'unknown user', minute: entry.minute, failures: entry.count }, result: null };
      const before = await tx.signInFailures.ofUser(user.id);
      const consecutive = (before?.failures ?? 0) + entry.count;
      const locks = consecutive >= LOCKOUT_AFTER && !before?.lockedAt;
      const after: SignInFailureRecord = { userId: user.id, failures: consecutive, lastFailedAt: at, lockedAt: before?.lockedAt ?? (locks ? at : null) };
      await tx.signInFailures.put(after);
      return { payload: { userId: user.id, username: user.username, minute: entry.minute, failures: entry.count, consecutive, ...(locks ? { lockedOut: true } : {}) }, result: null };
    });
  }

  /** Journals each minute's counts soon after the minute ends, even if nobody tries again. */
  private schedule(): void {
    if (this.timer) return;
    const now = this.clock();
    const nextMinute = Math.floor(now / 60_000) * 60_000 + 60_000;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flushEnded(this.clock())
        .then(() => {
          if (this.pending.size > 0) this.schedule();
        })
        .catch(() => undefined); // a closed book: the counts go with it
    }, nextMinute - now + 1000);
    this.timer.unref?.();
  }
}

const guards = new WeakMap<BookStore, SignInGuard>();

/** The guard of one open book (a restore that replaces the store starts a new one). */
export function signInGuardOf(store: BookStore, clock?: () => number): SignInGuard {
  let guard = guards.get(store);
  if (!guard) guards.set(store, (guard = new SignInGuard(store, clock)));
  return guard;
}
