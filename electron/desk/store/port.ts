/**
 * The store port: everything a service may ask of the book of record, as plain types. Two stores
 * stand behind it — SQLite (the desk's own file, the default) and PostgreSQL (an office's server) —
 * and no service or handler sees which, nor any driver type.
 */
import type { ProgramKind, Role } from '../../../shared/ipc/schemas';
import type { JsonValue } from './canonical';
import type { ChainReport, VerifyProgress } from './journal-chain';
import type { AmendmentsReader, AmendmentsWriter } from './port-amendments';
import type { CertificatesReader, CertificatesWriter } from './port-certificates';
import type { IntakeReader, IntakeWriter } from './port-intake';
import type { LostReader, LostWriter } from './port-lost';
import type { SupervisionReader, SupervisionWriter } from './port-supervision';
import type { TinsReader } from './port-tins';
import type { PaymentsReader, PaymentsWriter } from './port-payments';
import type { RegisterReader, RegisterWriter } from './port-register';
import type { SignInFailuresReader, SignInFailuresWriter } from './port-sign-in';

export type { ChainReport, VerifyProgress } from './journal-chain';
export type { JsonValue } from './canonical';
export type * from './port-amendments';
export type * from './port-certificates';
export type * from './port-intake';
export type * from './port-lost';
export type * from './port-supervision';
export type * from './port-tins';
export type * from './port-payments';
export type * from './port-register';
export type * from './port-sign-in';

export type StoreKind = 'sqlite' | 'postgres';

/** Who a journal entry names. */
export interface JournalActor {
  readonly id: number | null;
  readonly username: string | null;
}

/** Who acts when no one is signed in (book creation, migrations, the command line). */
export const SYSTEM_ACTOR: JournalActor = { id: null, username: null };

/** Who a program or terms version names when it came from the command line with no user given (never a user name: those have no parentheses). */
export const COMMAND_LINE_NAME = '(command line)';

export interface UserRecord {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly active: boolean;
  readonly passwordHash: string;
  readonly createdAt: string;
  /** Set by an administrator's password reset; cleared when the user chooses their own. */
  readonly mustChangePassword: boolean;
  readonly lastSignedInAt: string | null;
}

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly passwordHash: string;
  readonly createdAt: string;
  readonly createdBy: string | null;
}

export interface ProgramRecord {
  readonly id: number;
  readonly kind: ProgramKind;
  readonly name: string;
  readonly issuer: string;
  readonly cusip: string;
  readonly recordDate: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

export interface NewProgramRow {
  readonly kind: ProgramKind;
  readonly name: string;
  readonly issuer: string;
  readonly cusip: string;
  readonly recordDate: string;
  readonly createdAt: string;
  /** null: from the command line, no one signed in. */
  readonly createdBy: number | null;
}

export interface HolderRecord {
  readonly id: number;
  readonly programId: number;
  readonly account: string;
  readonly name: string;
  readonly address: string;
  readonly country: string;
  readonly shares: number;
}

export interface NewHolder {
  readonly programId: number;
  readonly account: string;
  readonly name: string;
  readonly address: string;
  readonly country: string;
  readonly tinEncrypted: Uint8Array | null;
  readonly shares: number;
}

export interface HolderEvent {
  readonly holderId: number;
  readonly at: string;
  readonly kind: string;
  readonly note: string;
  readonly createdBy: number | null;
}

/** One stored version of a program's terms; `terms` is the JSON document as recorded. */
export interface TermsRecord {
  readonly programId: number;
  readonly version: number;
  readonly reason: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly terms: unknown;
}

export interface NewTermsRow {
  readonly programId: number;
  readonly version: number;
  readonly reason: string;
  readonly recordedAt: string;
  /** null: from the command line, no one signed in. */
  readonly recordedBy: number | null;
  readonly terms: unknown;
}

export interface JournalEntry {
  readonly seq: number;
  readonly at: string;
  readonly userId: number | null;
  readonly username: string | null;
  readonly action: string;
  readonly payload: JsonValue;
  readonly hash: string;
}

/** The newest entry of the journal: what a witness keeps. */
export interface JournalHead {
  readonly seq: number;
  readonly hash: string;
}

export interface UsersReader {
  count(): Promise<number>;
  activeAdminCount(): Promise<number>;
  byId(id: number): Promise<UserRecord | undefined>;
  byUsername(username: string): Promise<UserRecord | undefined>;
  /** By user name; `offset`/`limit` take a window of the list. */
  list(window?: RowWindow): Promise<UserRecord[]>;
}
export interface UsersWriter extends UsersReader {
  insert(user: NewUser): Promise<UserRecord>;
  setActive(id: number, active: boolean): Promise<void>;
  setRole(id: number, role: Role): Promise<void>;
  /** A new password hash; `mustChange` when an administrator set it (a temporary password). */
  setPassword(id: number, passwordHash: string, mustChange: boolean): Promise<void>;
  recordSignIn(id: number, at: string): Promise<void>;
}

export interface ProgramsReader {
  byId(id: number): Promise<ProgramRecord | undefined>;
  byCusip(cusip: string): Promise<ProgramRecord | undefined>;
  count(): Promise<number>;
  /** Newest record date first; `offset`/`limit` take a window of the list. */
  list(window?: RowWindow): Promise<ProgramRecord[]>;
}
export interface ProgramsWriter extends ProgramsReader {
  insert(program: NewProgramRow): Promise<ProgramRecord>;
}

export interface HoldersReader {
  byAccount(programId: number, account: string): Promise<HolderRecord | undefined>;
  count(programId: number): Promise<number>;
}
export interface HoldersWriter extends HoldersReader {
  /** Many rows at once, inside the caller's change. Returns how many were written. */
  insertMany(holders: readonly NewHolder[]): Promise<number>;
  addEvent(event: HolderEvent): Promise<number>;
}

export interface TermsReader {
  /** Every version of a program's terms, oldest first (empty when none is recorded yet). */
  history(programId: number): Promise<TermsRecord[]>;
}
export interface TermsWriter extends TermsReader {
  insert(terms: NewTermsRow): Promise<TermsRecord>;
}

export interface JournalReader {
  count(): Promise<number>;
  head(): Promise<JournalHead | null>;
  /** Newest first; `beforeSeq` pages back through older entries. */
  list(options: { beforeSeq?: number | undefined; limit: number }): Promise<JournalEntry[]>;
  /** How many entries the filter keeps. */
  countWhere(filter: JournalFilter): Promise<number>;
  /** A window of the entries the filter keeps, newest first, by position. */
  window(filter: JournalFilter, offset: number, limit: number): Promise<JournalEntry[]>;
  /** The actions the journal holds, with how many entries each. */
  actions(): Promise<{ action: string; entries: number }[]>;
}

/** What the audit trail is filtered by; every part is optional and they all must hold. */
export interface JournalFilter {
  readonly username?: string | undefined;
  /** The entry's payload names this program (`"programId": n`). */
  readonly programId?: number | undefined;
  /** Text the payload contains, whatever its case: a certificate number, an account, a file name. */
  readonly text?: string | undefined;
  readonly action?: string | undefined;
  /** ISO instants: at ≥ from, at < to. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** Only entries older than this one (an export pages back by it). */
  readonly beforeSeq?: number | undefined;
}

export type SearchKind = 'program' | 'user' | 'holder';

/** A record a search found: what it is and its id; the service reads it for display. */
export interface FoundRecord {
  readonly kind: SearchKind;
  readonly refId: number;
}

export interface SearchReader {
  /** Records matching every word (each a prefix of one of their terms), newest first within a kind. */
  find(words: readonly string[], kinds: readonly SearchKind[], limit: number): Promise<FoundRecord[]>;
}
export interface SearchWriter extends SearchReader {
  /** Replaces the terms a record is found by with those of `texts`. */
  index(kind: SearchKind, refId: number, texts: readonly string[]): Promise<void>;
  /** Rebuilds the whole index from the records (a book upgraded to having one). */
  rebuild(): Promise<void>;
}

export interface RowWindow {
  readonly offset: number;
  readonly limit: number;
}

/** What a read may call. */
export interface ReadRepos {
  readonly users: UsersReader;
  readonly programs: ProgramsReader;
  readonly holders: HoldersReader;
  readonly terms: TermsReader;
  readonly journal: JournalReader;
  readonly search: SearchReader;
  readonly signInFailures: SignInFailuresReader;
  readonly register: RegisterReader;
  readonly certificates: CertificatesReader;
  readonly amendments: AmendmentsReader;
  readonly intake: IntakeReader;
  readonly lost: LostReader;
  readonly supervision: SupervisionReader;
  readonly tins: TinsReader;
  readonly payments: PaymentsReader;
}

/** What a change's body may call: the same, with the writing methods. The journal is written by the store alone. */
export interface WriteRepos {
  readonly users: UsersWriter;
  readonly programs: ProgramsWriter;
  readonly holders: HoldersWriter;
  readonly terms: TermsWriter;
  readonly journal: JournalReader;
  readonly search: SearchWriter;
  readonly signInFailures: SignInFailuresWriter;
  readonly register: RegisterWriter;
  readonly certificates: CertificatesWriter;
  readonly amendments: AmendmentsWriter;
  readonly intake: IntakeWriter;
  readonly lost: LostWriter;
  readonly supervision: SupervisionWriter;
  readonly tins: TinsReader;
  readonly payments: PaymentsWriter;
}

/** What a change's body returns: the journal payload (before/after) and the caller's result. */
export interface ChangeOutcome<T> {
  /** Plain data only (checked when serialized): what changed, with before/after where something did. */
  readonly payload: object;
  readonly result: T;
}

/** A committed change, as listeners hear of it. */
export interface CommittedEntry {
  readonly seq: number;
  readonly action: string;
}

/** What the store says of itself (Audit → Book). */
export interface StoreInfo {
  readonly kind: StoreKind;
  /** The file's path, or the server's URL without its password. */
  readonly location: string;
  readonly schemaVersion: number;
  /** E.g. "SQLite 3.50.4" or "PostgreSQL 18.0". */
  readonly engine: string;
  readonly journalEntries: number;
  readonly head: JournalHead | null;
}

/** A finished backup: a complete book file that passed the same checks as any book being opened. */
export interface BackupCopy {
  readonly path: string;
  readonly bytes: number;
  /** What the copy's own journal chain walk found. */
  readonly journal: ChainReport;
  /** The copy's head (its last sound entry): what a witness of the backup keeps. */
  readonly head: JournalHead | null;
}

/** How far a long store operation has got: `done` of `total` `unit`s (pages, rows, entries). */
export interface JobProgress {
  readonly done: number;
  readonly total: number;
  readonly unit?: string;
}

export interface JobControl<P> {
  readonly onProgress?: (progress: P) => void;
  readonly signal?: AbortSignal;
}

/**
 * The open book of record. `change` is the only way to write: the body's writes and one journal
 * entry commit together, or — if the body throws — neither does. `read` sees one consistent snapshot.
 */
export interface BookStore {
  readonly kind: StoreKind;
  /** The file's path, or the server's URL without its password: what the desk shows and names backups after. */
  readonly location: string;
  /**
   * Where a worker thread opens its own connection to this very book: the file's path, or the
   * database's URL WITH its password — for a worker's workerData only, never shown or logged.
   */
  locationForWorkers(): string;
  read<T>(body: (repos: ReadRepos) => Promise<T>): Promise<T>;
  /** `body` gets the repositories and the change's instant (ISO UTC), which its journal entry carries too. */
  change<T>(actor: JournalActor, action: string, body: (tx: WriteRepos, at: string) => Promise<ChangeOutcome<T>>): Promise<T>;
  /** Hears every change committed to this book — here, or by another desk where the store can tell — after its commit. */
  onCommitted(listener: (entry: CommittedEntry) => void): () => void;
  info(): Promise<StoreInfo>;
  /** Walks the whole journal chain (off the main thread where the work is CPU-bound). */
  verifyJournal(control?: JobControl<VerifyProgress>): Promise<ChainReport>;
  /**
   * A consistent copy as a book file; never overwrites `destination` unless told to. Reports its
   * progress; aborting `control.signal` stops it with DeskFailure 'CANCELLED', leaving no file behind.
   */
  backup(destination: string, options: { overwrite: boolean }, control?: JobControl<JobProgress>): Promise<BackupCopy>;
  /** Housekeeping after a bulk job (SQLite folds its write-ahead log back into the file). */
  checkpoint(): Promise<void>;
  readonly isOpen: boolean;
  close(): Promise<void>;
}

/** The open book, replaceable as a whole (a restore swaps the store underneath). */
export interface BookHandle {
  current: BookStore;
}

/**
 * A write that broke a uniqueness rule of the book (two clerks claimed the same thing). The
 * store retries the change once its competitor has committed, so the body's own check usually
 * names the clash in words; this is what is left when it does not.
 */
export class UniqueViolation extends Error {
  constructor(
    readonly constraint: string,
    detail: string,
  ) {
    super(`Another change already used this value (${constraint}): ${detail}`);
    this.name = 'UniqueViolation';
  }
}
