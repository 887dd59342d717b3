import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DeskFailure } from '../../../../shared/ipc/result';
import { runJob } from '../../workers/run-job';
import type { VerifyJournalInput } from '../../workers/verify-journal';
import type { ChainReport, VerifyProgress } from '../journal-chain';
import { UniqueViolation, type BackupCopy, type BookStore, type JobControl, type JobProgress, type StoreInfo } from '../port';
import { recordOpening } from '../opening';
import { QueryStore, type JournalRow, type StoreEngine } from '../query-store';
import type { BookTables } from '../tables';
import { exportToBookFile } from './export';
import { connectClient, isLostConnection, lostDuringChange, newClient, newPool, redactUrl } from './connect';
import { inspectPostgresBook, migratePostgres } from './migrate';

/** Held by the one transaction appending to the journal ('ODK1'); released at its commit. */
const CHAIN_LOCK = 0x4f444b31;
/** Where a committed change is announced to every desk on the database. */
export const NOTIFY_CHANNEL = 'offering_desk_journal';
const RETRYABLE = new Set(['23505', '40001', '40P01']); // unique violation, serialization failure, deadlock
const RECONNECT_MS = 2_000;

/**
 * An office's book on PostgreSQL. Changes run at READ COMMITTED; each takes a transaction-level
 * advisory lock just before appending, so the journal stays one linear chain whatever the number
 * of clerks, and appends commit in chain order. Rules that span rows are constraints; a change that
 * loses a race is run again on the winner's state. Reads see one snapshot (REPEATABLE READ).
 */
export class PostgresEngine implements StoreEngine {
  readonly kind = 'postgres' as const;
  readonly location: string;
  private readonly db: Kysely<BookTables>;
  private open = true;

  constructor(private readonly url: string) {
    this.location = redactUrl(url);
    this.db = new Kysely<BookTables>({ dialect: new PostgresDialect({ pool: newPool(url) }) });
  }

  readTransaction<T>(body: (db: Kysely<BookTables>) => Promise<T>): Promise<T> {
    return this.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(body);
  }

  writeTransaction<T>(body: (db: Kysely<BookTables>) => Promise<T>): Promise<T> {
    return this.db.transaction().setIsolationLevel('read committed').execute(body);
  }

  async lockChain(db: Kysely<BookTables>): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(db);
  }

  async insertJournalRow(db: Kysely<BookTables>, row: JournalRow): Promise<void> {
    // One statement: the row, and the notice other desks get when this transaction commits.
    await db
      .with('appended', (w) => w.insertInto('journal').values(row).returning('seq'))
      .selectNoFrom(() => sql<string>`pg_notify(${NOTIFY_CHANNEL}, (SELECT seq::text FROM appended))`.as('notified'))
      .execute();
  }

  isRetryable(error: unknown): boolean {
    return RETRYABLE.has(pgCode(error));
  }

  asUniqueViolation(error: unknown): UniqueViolation | null {
    if (pgCode(error) !== '23505') return null;
    const e = error as { constraint?: string; detail?: string };
    return new UniqueViolation(e.constraint ?? 'unique', e.detail ?? 'a unique value was used twice');
  }

  asLostConnection(error: unknown): DeskFailure | null {
    return isLostConnection(error) ? lostDuringChange(this.url) : null;
  }

  async info(journalEntries: number, head: StoreInfo['head']): Promise<StoreInfo> {
    const { rows } = await sql<{ server_version: string; version: number | null }>`
      SELECT current_setting('server_version') AS server_version, (SELECT max(version) FROM schema_migrations) AS version`.execute(this.db);
    const row = rows[0];
    return { kind: this.kind, location: this.location, schemaVersion: row?.version ?? 0, engine: `PostgreSQL ${row?.server_version ?? '?'}`, journalEntries, head };
  }

  /** In a worker thread with its own connection: hashing a long journal is CPU work the window must not wait for. */
  verifyJournal(control: JobControl<VerifyProgress>): Promise<ChainReport> {
    return runJob<VerifyJournalInput, ChainReport, VerifyProgress>('verify-journal', { location: this.url }, control);
  }

  /** The export runs here (it waits on the network), in slices; the copy is checked in a worker. */
  backup(destination: string, options: { overwrite: boolean }, control: JobControl<JobProgress> = {}): Promise<BackupCopy> {
    return exportToBookFile(this.db, destination, options, control);
  }

  async checkpoint(): Promise<void> {
    // The server manages its own write-ahead log.
  }

  watchOthers(onOthersCommitted: (seq?: number) => void): () => void {
    let stopped = false;
    let client: pg.Client | null = null;
    let retry: NodeJS.Timeout | null = null;
    const listen = async (): Promise<void> => {
      const c = newClient(this.url);
      client = c;
      c.on('notification', (message) => {
        const seq = Number(message.payload);
        onOthersCommitted(Number.isSafeInteger(seq) && seq > 0 ? seq : undefined);
      });
      c.on('error', () => reconnect());
      try {
        await c.connect();
        await c.query(`LISTEN ${NOTIFY_CHANNEL}`);
        if (stopped) await c.end();
        else onOthersCommitted(); // anything committed while we were not listening
      } catch {
        reconnect();
      }
    };
    const reconnect = (): void => {
      if (stopped || retry) return;
      client?.end().catch(() => undefined);
      client = null;
      retry = setTimeout(() => {
        retry = null;
        void listen();
      }, RECONNECT_MS);
      retry.unref();
    };
    void listen();
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      client?.end().catch(() => undefined);
    };
  }

  locationForWorkers(): string {
    return this.url;
  }

  get isOpen(): boolean {
    return this.open;
  }

  async close(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    await this.db.destroy();
  }
}

const pgCode = (error: unknown): string => (error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '');

export interface OpenDatabaseOptions {
  readonly now: () => Date;
  /** 'create' refuses a database that already holds a book; 'open' one that holds none. */
  readonly mode?: 'open-or-create' | 'create' | 'open';
  /** Only checks the book (no migration, no journal entry): for the command line's backup. */
  readonly readOnly?: boolean;
}

/**
 * Connects to an office's book: checks that the database is ours (or empty) and of a version we
 * read, migrates it when this user may, and journals its creation or upgrade.
 */
export async function openPostgresBook(url: string, options: OpenDatabaseOptions): Promise<BookStore> {
  const mode = options.mode ?? 'open-or-create';
  if (options.readOnly === true) {
    await inspectPostgresBook(url);
    return QueryStore.start(new PostgresEngine(url), options.now);
  }
  const client = await connectClient(url);
  let outcome: { from: number; to: number };
  try {
    outcome = await migratePostgres(client, url, options.now, mode);
  } finally {
    await client.end().catch(() => undefined);
  }
  const store = await QueryStore.start(new PostgresEngine(url), options.now);
  try {
    const { from, to } = outcome;
    await recordOpening(store, from, to);
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}
