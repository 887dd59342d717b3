import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { DeskFailure } from '../../../../shared/ipc/result';
import { runJob } from '../../workers/run-job';
import type { VerifyJournalInput } from '../../workers/verify-journal';
import type { ChainReport, VerifyProgress } from '../journal-chain';
import { UniqueViolation, type BackupCopy, type JobControl, type JobProgress, type StoreInfo } from '../port';
import type { JournalRow, StoreEngine } from '../query-store';
import type { BookTables } from '../tables';
import { backupOpenBook } from './backup';
import { cachedSqliteDialect } from './dialect';

/** How long a change waits for another connection's write to finish before it gives up. */
const LOCK_WAIT_MS = 10_000;

const bookBusy = () => new DeskFailure('CONFLICT', 'The book stayed busy with another program\'s change for 10 seconds; nothing was saved, try again');

/** How often a desk looks whether another connection (another desk, the command line) committed. */
const WATCH_EVERY_MS = 250;

/**
 * The SQLite book: one file, one read-write connection. Every read and change is serialized on
 * it (a promise queue), and a change holds SQLite's write lock from its first statement
 * (BEGIN IMMEDIATE), so no other connection can append between our read of the journal head
 * and our write.
 */
export class SqliteEngine implements StoreEngine {
  readonly kind = 'sqlite' as const;
  private readonly db: Kysely<BookTables>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly location: string,
    private readonly connection: Database.Database,
  ) {
    this.db = new Kysely<BookTables>({ dialect: cachedSqliteDialect(connection) });
  }

  /** Runs `job` once every earlier use of the connection has finished. */
  private exclusive<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  readTransaction<T>(body: (db: Kysely<BookTables>) => Promise<T>): Promise<T> {
    return this.exclusive(() => this.transaction('BEGIN DEFERRED', body));
  }

  writeTransaction<T>(body: (db: Kysely<BookTables>) => Promise<T>): Promise<T> {
    return this.exclusive(() => this.transaction('BEGIN IMMEDIATE', body));
  }

  private async transaction<T>(begin: string, body: (db: Kysely<BookTables>) => Promise<T>): Promise<T> {
    await this.begin(begin);
    try {
      const result = await body(this.db);
      this.connection.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.connection.inTransaction) this.connection.exec('ROLLBACK');
      throw error;
    }
  }

  /**
   * Waits for another connection's write lock without blocking the thread: SQLite's own busy
   * wait would sleep the event loop, and with it a second desk in this same process (or the
   * window) that holds the lock and needs the loop to finish its change.
   */
  private async begin(statement: string): Promise<void> {
    const giveUpAt = Date.now() + LOCK_WAIT_MS;
    for (let pause = 1; ; pause = Math.min(pause * 2, 20)) {
      try {
        this.connection.exec(statement);
        return;
      } catch (error) {
        const busy = error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_BUSY');
        if (!busy || Date.now() >= giveUpAt) throw busy ? bookBusy() : error;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }

  async lockChain(): Promise<void> {
    // BEGIN IMMEDIATE took the write lock: this transaction is already the only appender.
  }

  async insertJournalRow(db: Kysely<BookTables>, row: JournalRow): Promise<void> {
    // Other desks on the file notice the commit through PRAGMA data_version (watchOthers).
    await db.insertInto('journal').values(row).execute();
  }

  isRetryable(): boolean {
    return false; // one writer at a time: a body's own checks always see the latest commit
  }

  asUniqueViolation(error: unknown): UniqueViolation | null {
    if (!(error instanceof Error) || !('code' in error) || error.code !== 'SQLITE_CONSTRAINT_UNIQUE') return null;
    const constraint = /UNIQUE constraint failed: (.+)$/.exec(error.message)?.[1] ?? 'unique';
    return new UniqueViolation(constraint, error.message);
  }

  info(journalEntries: number, head: StoreInfo['head']): Promise<StoreInfo> {
    return this.exclusive(async () => ({
      kind: this.kind,
      location: this.location,
      schemaVersion: this.connection.pragma('user_version', { simple: true }) as number,
      engine: `SQLite ${(this.connection.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v}`,
      journalEntries,
      head,
    }));
  }

  /** In a worker thread, on its own read-only connection: WAL lets it read while clerks save. */
  verifyJournal(control: JobControl<VerifyProgress>): Promise<ChainReport> {
    return runJob<VerifyJournalInput, ChainReport, VerifyProgress>('verify-journal', { location: this.location }, control);
  }

  /** In a worker thread, on its own read-only connection (see backupOpenBook). */
  backup(destination: string, options: { overwrite: boolean }, control: JobControl<JobProgress> = {}): Promise<BackupCopy> {
    return backupOpenBook(this.location, destination, options, control);
  }

  checkpoint(): Promise<void> {
    return this.exclusive(async () => {
      this.connection.pragma('wal_checkpoint(TRUNCATE)');
    });
  }

  watchOthers(onOthersCommitted: () => void): () => void {
    let seen = this.connection.pragma('data_version', { simple: true }) as number;
    const timer = setInterval(() => {
      void this.exclusive(async () => {
        if (!this.connection.open) return;
        // data_version changes only when another connection commits.
        const now = this.connection.pragma('data_version', { simple: true }) as number;
        if (now !== seen) {
          seen = now;
          onOthersCommitted();
        }
      }).catch(() => undefined);
    }, WATCH_EVERY_MS);
    timer.unref();
    return () => clearInterval(timer);
  }

  locationForWorkers(): string {
    return this.location;
  }

  get isOpen(): boolean {
    return this.connection.open;
  }

  close(): Promise<void> {
    return this.exclusive(async () => {
      if (this.connection.open) this.connection.close();
    });
  }
}

