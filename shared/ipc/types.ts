import type { ProgramTerms } from '../domain/terms';
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
  /** 'sqlite': a book file; 'postgres': an office's database. */
  readonly kind: 'sqlite' | 'postgres';
  /** The file's path, or the database's address without its password. */
  readonly path: string;
  readonly schemaVersion: number;
  readonly journalEntries: number;
  /** E.g. "SQLite 3.50.4" or "PostgreSQL 18.0". */
  readonly engine: string;
  /** The newest journal entry: what a witness compares. */
  readonly head: { readonly seq: number; readonly hash: string } | null;
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

/** Dates the engine derives from a version of the terms: wall times `YYYY-MM-DDTHH:mm` (New York), dates `YYYY-MM-DD`. */
export interface DerivedTermsDates {
  /** Subscription rights (or the odd-lot offer) expire: New York wall time. */
  readonly expiresAt: string;
  /** The same moment as a UTC instant. */
  readonly expiresAtInstant: string;
  /** Whether `expiresAt` follows the recitals' rule (first business day after the 29th day after issue) or was entered. */
  readonly expirationBasis: 'derived' | 'entered';
  /** Rights offerings only. */
  readonly transferableExpiresAt?: string;
  readonly splitRequestCutoff?: string;
  readonly proceedsDue?: string;
  readonly finalReportDue?: string;
  readonly guaranteedDeliveryCutoff?: string | null;
}

export interface TermsVersionView {
  readonly programId: number;
  readonly version: number;
  readonly reason: string;
  readonly recordedAt: string; // ISO instant, UTC
  readonly recordedBy: string; // username
  readonly terms: ProgramTerms;
  readonly derived: DerivedTermsDates;
}

export interface TermsHistoryView {
  readonly programId: number;
  readonly kind: ProgramKind;
  /** Oldest first; empty until the original terms are recorded. */
  readonly versions: readonly TermsVersionView[];
}
