import type { SessionUser } from '../../shared/ipc/types';

/**
 * The one window's session: who is signed in, and whether idle time has locked it.
 * Locking is judged lazily whenever the session is looked at, against an injected monotonic
 * clock (milliseconds, e.g. performance.now()): setting the system clock back never postpones it.
 */
export class Session {
  private user: SessionUser | null = null;
  private locked = false;
  private lastActivity = 0;

  constructor(
    private readonly monotonicMs: () => number,
    readonly idleLockMinutes: number,
  ) {}

  /** The signed-in user, if any; locks first if the idle time has run out. */
  current(): { user: SessionUser | null; locked: boolean } {
    if (this.user && !this.locked && this.monotonicMs() - this.lastActivity >= this.idleLockMinutes * 60_000) {
      this.locked = true;
    }
    return { user: this.user, locked: this.user !== null && this.locked };
  }

  signIn(user: SessionUser): void {
    this.user = user;
    this.locked = false;
    this.touch();
  }

  /**
   * Keeps the lock state: used when the same person's record is re-read (e.g. after a restore).
   * A temporary password binds from the next sign-in on: a re-read may clear the need to change
   * it, never impose it on a session already open (a reset while its user is at work).
   */
  replaceUser(user: SessionUser): void {
    if (user.mustChangePassword && !this.user?.mustChangePassword) {
      const { mustChangePassword: _later, ...now } = user;
      this.user = now;
    } else this.user = user;
  }

  signOut(): void {
    this.user = null;
    this.locked = false;
  }

  lock(): void {
    if (this.user) this.locked = true;
  }

  unlock(): void {
    this.locked = false;
    this.touch();
  }

  /** Something the user did: restarts the idle timer (not while locked). */
  touch(): void {
    if (!this.locked) this.lastActivity = this.monotonicMs();
  }
}
