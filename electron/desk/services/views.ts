import type { SessionUser, UserSummary, ProgramSummary } from '../../../shared/ipc/types';
import type { JournalActor, ProgramRecord, UserRecord } from '../store/port';

/** What the renderer may see of a user: never the password hash. */
export const toSessionUser = (u: UserRecord): SessionUser => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  ...(u.mustChangePassword ? { mustChangePassword: true as const } : {}),
});

export const toUserSummary = (u: UserRecord, lockedAt: string | null = null): UserSummary => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  active: u.active,
  createdAt: u.createdAt,
  lastSignedInAt: u.lastSignedInAt,
  lockedAt,
});

export const toProgramSummary = (p: ProgramRecord): ProgramSummary => ({ ...p });

/** A program's kind in words. */
export const KIND_WORDS: Readonly<Record<ProgramRecord['kind'], string>> = { 'rights-offering': 'rights offering', 'odd-lot': 'odd-lot program' };

export const actorOf = (u: Pick<SessionUser, 'id' | 'username'>): JournalActor => ({ id: u.id, username: u.username });
