import type { SessionUser, UserSummary, ProgramSummary } from '../../../shared/ipc/types';
import type { JournalActor, ProgramRecord, UserRecord } from '../store/port';

/** What the renderer may see of a user: never the password hash. */
export const toSessionUser = (u: UserRecord): SessionUser => ({ id: u.id, username: u.username, displayName: u.displayName, role: u.role });

export const toUserSummary = (u: UserRecord): UserSummary => ({ ...toSessionUser(u), active: u.active, createdAt: u.createdAt });

export const toProgramSummary = (p: ProgramRecord): ProgramSummary => ({ ...p });

/** A program's kind in words. */
export const KIND_WORDS: Readonly<Record<ProgramRecord['kind'], string>> = { 'rights-offering': 'rights offering', 'odd-lot': 'odd-lot program' };

export const actorOf = (u: SessionUser): JournalActor => ({ id: u.id, username: u.username });
