import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, readSync, statSync, unlinkSync, type Stats } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DeskFailure } from '../../../../shared/ipc/result';
import { jobCancelled, runJob } from '../../workers/run-job';
import type { InspectBookInput } from '../../workers/inspect-book';
import type { JobControl, JobProgress } from '../port';
import { APPLICATION_ID, SCHEMA_VERSION } from './schema';

/** What a book file told us when it was checked. */
export interface BookFacts {
  readonly path: string;
  readonly bytes: number;
  readonly schemaVersion: number;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;
/** Problems the integrity check lists at most: enough to count, not to read every page's. */
const MAX_PROBLEMS = 100;

export function bookRefused(file: string, reason: string): DeskFailure {
  return new DeskFailure('BOOK_REFUSED', `The book "${path.basename(file)}" was refused: ${reason}. The file was left as it was.`);
}

/**
 * Checks a book file without writing anything to it or beside it, then runs `use` on a read-only
 * connection to it. Refuses (DeskFailure BOOK_REFUSED) a file that is not SQLite, is not one of
 * our books, comes from a newer version, or fails PRAGMA integrity_check.
 */
export function withCheckedBook<T>(file: string, use: (db: Database.Database, facts: BookFacts) => T): T {
  const facts = checkHeader(file);
  const reader = openReader(file);
  try {
    const schemaVersion = checkContents(reader.db, file);
    return use(reader.db, { ...facts, schemaVersion });
  } finally {
    reader.close();
  }
}

/** As withCheckedBook, for work that takes turns with the event loop. */
export async function withCheckedBookAsync<T>(file: string, use: (db: Database.Database, facts: BookFacts) => Promise<T>): Promise<T> {
  const facts = checkHeader(file);
  const reader = openReader(file);
  try {
    const schemaVersion = checkContents(reader.db, file);
    return await use(reader.db, { ...facts, schemaVersion });
  } finally {
    reader.close();
  }
}

/** Checks a book file as above and returns what it learnt. */
export function inspectBook(file: string): BookFacts {
  return withCheckedBook(file, (_db, facts) => facts);
}

/**
 * As inspectBook, in a worker thread (workers/inspect-book.ts): the integrity check reads the
 * whole file, seconds on a large book, which the main thread must not wait for. Refusals come
 * back as the same DeskFailure BOOK_REFUSED, and the file is left untouched as before.
 */
export async function inspectBookInWorker(file: string, control: JobControl<JobProgress> = {}): Promise<BookFacts> {
  const shm = `${file}-shm`;
  const hadShm = existsSync(shm);
  try {
    const facts = await runJob<InspectBookInput, BookFacts, JobProgress>('inspect-book', { file }, control);
    // The check is one long call that a cancel cannot cut short; it is still a cancel: the book is not opened.
    if (control.signal?.aborted === true) throw jobCancelled();
    return facts;
  } catch (error) {
    // A worker ended mid-check cannot tidy up after itself: remove the -shm its reader made (see openReader).
    if (control.signal?.aborted === true && !hadShm) removeQuietly(shm);
    throw error;
  }
}

function checkHeader(file: string): BookFacts {
  let stat;
  try {
    stat = statSync(file);
  } catch (error) {
    throw bookRefused(file, unreadable(error));
  }
  // Before anything opens it: reading a FIFO waits for a writer, and a device never ends.
  if (!stat.isFile()) throw bookRefused(file, notAFile(stat));
  if (stat.size === 0) throw bookRefused(file, 'the file is empty');
  const header = readHeader(file);
  if (header.length < HEADER_BYTES || !header.subarray(0, 16).equals(SQLITE_MAGIC)) {
    throw bookRefused(file, 'it is not a SQLite database, so not an Offering Desk book');
  }
  const schemaVersion = header.readUInt32BE(60);
  const walPending = existsSync(`${file}-wal`);
  // With a write-ahead log pending, the header on disk can predate the book's own first
  // commits; then the connection (checkContents) is asked instead.
  if (!walPending) checkIdentity(file, header.readInt32BE(68), schemaVersion);
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) throw bookRefused(file, 'it is damaged (its header is not valid)');
  // Without a pending write-ahead log the file alone is the whole book: its size must add up.
  if (!walPending) {
    const headerPagesValid = header.readUInt32BE(92) === header.readUInt32BE(24);
    const headerPages = header.readUInt32BE(28);
    if (stat.size % pageSize !== 0 || (headerPagesValid && headerPages * pageSize > stat.size)) {
      throw bookRefused(file, 'it is damaged (the file is truncated)');
    }
  }
  return { path: file, bytes: stat.size, schemaVersion };
}

function checkIdentity(file: string, applicationId: number, schemaVersion: number): void {
  if (applicationId !== APPLICATION_ID) throw bookRefused(file, 'it is a SQLite database made by another program, not an Offering Desk book');
  if (schemaVersion > SCHEMA_VERSION) {
    throw bookRefused(file, `it was written by a newer version of Offering Desk (book version ${schemaVersion}; this program reads up to ${SCHEMA_VERSION})`);
  }
}

/** Why a path that is there is no book file, in words. */
function notAFile(stat: Stats): string {
  if (stat.isDirectory()) return 'it is a directory, not a file';
  if (stat.isFIFO()) return 'it is a named pipe (FIFO), not a file';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'it is a device, not a file';
  if (stat.isSocket()) return 'it is a socket, not a file';
  return 'it is not a file';
}

function unreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'the file cannot be read (permission denied)';
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'the file cannot be found';
  return 'the file cannot be found or read';
}

function readHeader(file: string): Buffer {
  let fd: number;
  try {
    // Non-blocking: should the path have become a FIFO since it was looked at, this does not wait.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw bookRefused(file, unreadable(error));
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw bookRefused(file, notAFile(stat));
    const buffer = Buffer.alloc(HEADER_BYTES);
    const n = readSync(fd, buffer, 0, HEADER_BYTES, 0);
    return buffer.subarray(0, n);
  } catch (error) {
    if (error instanceof DeskFailure) throw error;
    throw bookRefused(file, unreadable(error));
  } finally {
    closeSync(fd);
  }
}

interface Reader {
  readonly db: Database.Database;
  close(): void;
}

/**
 * A read-only connection that leaves no trace. SQLite opens a WAL-mode file read-only only by
 * creating -wal and -shm files beside it, so when no write-ahead log is pending we read the
 * file into memory instead (marked as a rollback-journal file so SQLite accepts the image).
 * When a log is pending (the book is open elsewhere, or a crash left it) we must read through
 * it; then we remove afterwards only what we ourselves created.
 */
function openReader(file: string): Reader {
  const wal = `${file}-wal`;
  const shm = `${file}-shm`;
  try {
    if (!existsSync(wal)) {
      const image = readFileSync(file);
      if (image[18] === 2 && image[19] === 2) {
        image[18] = 1;
        image[19] = 1;
      }
      const db = new Database(image, { readonly: true });
      return { db, close: () => db.close() };
    }
    const hadShm = existsSync(shm);
    const db = new Database(file, { readonly: true, fileMustExist: true });
    return {
      db,
      close: () => {
        db.close();
        if (!hadShm) removeQuietly(shm);
      },
    };
  } catch (error) {
    throw bookRefused(file, `it is damaged (${sqliteProblem(error)})`);
  }
}

/** Returns the schema version as the connection sees it. */
function checkContents(db: Database.Database, file: string): number {
  let problems: string[];
  try {
    problems = (db.pragma(`integrity_check(${MAX_PROBLEMS})`) as { integrity_check: string }[]).flatMap((r) => r.integrity_check.split('\n')).filter((p) => p.trim() !== '');
  } catch (error) {
    throw bookRefused(file, `it is damaged (${sqliteProblem(error)})`);
  }
  if (problems.length !== 1 || problems[0] !== 'ok') {
    // SQLite lists one problem a line; the message stays one line: the first, and how many.
    const more = problems.length > 1 ? `; ${problems.length >= MAX_PROBLEMS ? `${MAX_PROBLEMS} or more` : problems.length} problems in all` : '';
    throw bookRefused(file, `it is damaged (integrity check: ${problems[0] ?? 'no answer'}${more})`);
  }
  // The header can be stale while a log is pending: ask the connection too.
  const version = db.pragma('user_version', { simple: true }) as number;
  checkIdentity(file, db.pragma('application_id', { simple: true }) as number, version);
  const recorded = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get();
  const latest = recorded ? (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0 : 0;
  if (latest !== version) throw bookRefused(file, 'it is damaged (its record of schema versions does not match)');
  return version;
}

function sqliteProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? 'unreadable';
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}
