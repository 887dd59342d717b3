import type { ProgramKind, Role } from './schemas';

export interface SessionUser {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
}

export interface SessionStatus {
  /** No user exists yet: the first start asks for the administrator. */
  readonly needsFirstAdmin: boolean;
  readonly user: SessionUser | null;
  readonly locked: boolean;
  /** Minutes without activity after which main locks the session. */
  readonly idleLockMinutes: number;
  readonly bookPath: string;
}

export interface UserSummary extends SessionUser {
  readonly active: boolean;
  readonly createdAt: string; // ISO instant, UTC
}

export interface ProgramSummary {
  readonly id: number;
  readonly kind: ProgramKind;
  readonly name: string;
  readonly issuer: string;
  readonly cusip: string;
  readonly recordDate: string; // YYYY-MM-DD
  readonly createdAt: string; // ISO instant, UTC
  readonly createdBy: string; // username
}

export interface BookInfo {
  readonly path: string;
  readonly schemaVersion: number;
  readonly journalEntries: number;
  readonly sqliteVersion: string;
}

export interface BackupResult {
  readonly path: string;
  readonly bytes: number;
}

export interface JournalVerification {
  readonly ok: boolean;
  readonly entries: number;
  /** The first entry whose hash or link does not hold, when not ok. */
  readonly firstBroken?: { readonly seq: number; readonly reason: string };
}

export interface JournalEntryView {
  readonly seq: number;
  readonly at: string; // ISO instant, UTC
  readonly username: string | null;
  readonly action: string;
  readonly payload: unknown;
  readonly hash: string;
}

export interface Prefs {
  readonly density: 'comfortable' | 'compact';
  readonly printer: string | null;
  readonly recentBooks: readonly string[];
}
