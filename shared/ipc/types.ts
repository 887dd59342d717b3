import type { ProgramTerms } from '../domain/terms';
import type { JobKind, JobState } from './jobs';
import type { ProgramKind, Role } from './schemas';
import type { TermsChange } from './terms-diff';

export interface SessionUser {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  /** Present after an administrator's password reset: the user chooses a new password before anything else. */
  readonly mustChangePassword?: true;
}

export interface SessionStatus {
  /** No user exists yet: the first start asks for the administrator. */
  readonly needsFirstAdmin: boolean;
  readonly user: SessionUser | null;
  readonly locked: boolean;
  /** Minutes without activity after which main locks the session. */
  readonly idleLockMinutes: number;
  readonly bookPath: string;
  /**
   * The book's journal is behind (or differs from) what this workstation witnessed of it: shown
   * on every screen until the desk is restarted, in words for a supervisor. Null when all is well.
   */
  readonly bookWarning: string | null;
}

export interface UserSummary extends SessionUser {
  readonly active: boolean;
  readonly createdAt: string; // ISO instant, UTC
  readonly lastSignedInAt: string | null; // ISO instant, UTC; null before the first sign-in
  /** When failed sign-ins locked the account out (an administrator unlocks it); null when not locked. */
  readonly lockedAt: string | null;
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
  /** The copy's journal head: what to keep to check the backup (or the book) against later. */
  readonly head: { readonly seq: number; readonly hash: string } | null;
}

/** What a starting channel (book.backup, book.restore, journal.verify) answers at once; the job goes on in the background. */
export interface JobStarted {
  readonly jobId: number;
}

/** How far a job has got: `done` of `total` `unit`s (e.g. pages, journal entries). */
export interface JobProgress {
  readonly done: number;
  readonly total: number;
  readonly unit?: string;
}

/** A long job as the status bar shows it (jobs.list, and main's job pushes). */
export interface JobView {
  readonly jobId: number;
  readonly kind: JobKind;
  /** In words, for a clerk: "Backing up the book". */
  readonly label: string;
  readonly state: JobState;
  readonly progress: JobProgress | null;
  /** When done: what the job's channel used to answer (BackupResult, BookInfo, JournalVerification). */
  readonly result?: unknown;
  /** When failed or cancelled: a plain message, never a stack trace. */
  readonly error?: { readonly code: string; readonly message: string };
  readonly startedAt: string; // ISO instant, UTC
  readonly finishedAt: string | null;
  /** The user name of whoever started it; null for the desk itself (checking the book as it opens). */
  readonly startedBy: string | null;
}

/** What each kind of job's `result` is once it is done. */
export interface JobResults {
  'book.open': { readonly path: string };
  'book.backup': BackupResult;
  'book.restore': BookInfo;
  'journal.verify': JournalVerification;
  'register.import': import('./register-import').RegisterImportResult;
  'certificates.issue': import('./certificates').CertificateIssueSummary;
  'certificates.print': import('./certificates').CertificatesPrintResult;
  'certificates.reprint': import('./certificates').CertificateReprintResult;
  'payments.bankFile': { readonly bankFileId: number; readonly cleared: number; readonly returned: number; readonly unmatched: number };
  'letters.print': import('./letters').LettersPrintedView;
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

/** One thing `find` found: enough to show it in a list and open it. */
export interface FoundItem {
  readonly kind: 'program' | 'user' | 'holder' | 'certificate';
  /** A program's, user's or certificate's id; for a holder, its register entry's. */
  readonly id: number;
  /** For a holder: where its page is (program and account). */
  readonly programId?: number;
  readonly account?: string;
  /** The program's or user's name. */
  readonly title: string;
  /** A line under it: issuer and CUSIP, or user name and role. */
  readonly detail: string;
}

export type AmendmentStatus = 'pending' | 'approved' | 'rejected';

/** An amendment of a program's terms once its certificates are out: proposed by one supervisor, decided by another. */
export interface AmendmentView {
  readonly id: number;
  readonly programId: number;
  readonly status: AmendmentStatus;
  /** The version the amendment was written against, and its terms (shown beside the proposal). */
  readonly baseVersion: number;
  readonly baseTerms: ProgramTerms;
  readonly terms: ProgramTerms;
  readonly derived: DerivedTermsDates;
  /** Field by field, what the proposal changes from the base version. */
  readonly changes: readonly TermsChange[];
  readonly reason: string;
  readonly proposedAt: string;
  readonly proposedBy: string;
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
  readonly decisionNote: string | null;
}

export interface AmendmentsView {
  readonly programId: number;
  /** Certificates are issued: terms change only by an approved amendment. */
  readonly locked: boolean;
  readonly issuedAt: string | null;
  /** The current version's number (0 before the original terms). */
  readonly currentVersion: number;
  /** Newest first. */
  readonly amendments: readonly AmendmentView[];
}
