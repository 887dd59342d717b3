import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';
import type { DeskFailure } from '../../../shared/ipc/result';
import { makeRepos } from './repos';
import { currentBaseline, digestWrites, RowLog, type RowDigests } from './row-digests';
import type { BookStore, BackupCopy, ChainReport, ChangeOutcome, CommittedEntry, JobControl, JobProgress, JournalActor, ReadRepos, StoreInfo, StoreKind, VerifyProgress, WriteRepos } from './port';
import { UniqueViolation } from './port';
import type { BookTables, JournalTable } from './tables';

/** A journal row as written. */
export type JournalRow = JournalTable;

/** What each store does its own way; the rest of the port is written once, here. */
export interface StoreEngine {
  readonly kind: StoreKind;
  readonly location: string;
  /** The path, or the URL with its password: for a worker's own connection only. */
  locationForWorkers(): string;
  /** Runs `body` in a read-only transaction that sees one snapshot. */
  readTransaction<T>(body: (db: Kysely<BookTables>) => Promise<T>): Promise<T>;
  /** Runs `body` in a read-write transaction, committed if it returns and rolled back if it throws. */
  writeTransaction<T>(body: (db: Kysely<BookTables>) => Promise<T>): Promise<T>;
  /** Inside a write transaction: makes this transaction the journal's only appender until it ends. */
  lockChain(db: Kysely<BookTables>): Promise<void>;
  /**
   * Writes the journal row, inside the change's transaction; PostgreSQL tells the other desks in
   * the same statement (delivered at commit), one round trip fewer while the chain lock is held.
   */
  insertJournalRow(db: Kysely<BookTables>, row: JournalRow): Promise<void>;
  /** A write that lost a race (a uniqueness rule, a serialization failure) and may be tried again. */
  isRetryable(error: unknown): boolean;
  /** The error as the port names it, when it is a uniqueness rule broken. */
  asUniqueViolation(error: unknown): UniqueViolation | null;
  /** The error in words, when the book's server ended the connection under a change (a server store only). */
  asLostConnection?(error: unknown): DeskFailure | null;
  info(journalEntries: number, head: StoreInfo['head']): Promise<StoreInfo>;
  verifyJournal(control: JobControl<VerifyProgress>): Promise<ChainReport>;
  backup(destination: string, options: { overwrite: boolean }, control: JobControl<JobProgress>): Promise<BackupCopy>;
  checkpoint(): Promise<void>;
  /**
   * Starts telling `onOthersCommitted` when another connection may have committed — with the
   * entry's sequence number where the store knows it — and returns a stop.
   */
  watchOthers(onOthersCommitted: (seq?: number) => void): () => void;
  readonly isOpen: boolean;
  close(): Promise<void>;
}

/** How many times a change that lost a race is tried again (its body re-run on the winner's state). */
const RETRIES = 4;
/** Entries read at a time when catching up with other desks' changes. */
const CATCH_UP_SLICE = 1_000;

const insideChange = new AsyncLocalStorage<true>();

/**
 * The port over the query layer: every repository and the journal chain are written once; the
 * engine supplies transactions, the chain lock and the store's own operations.
 */
export class QueryStore implements BookStore {
  private readonly listeners = new Set<(entry: CommittedEntry) => void>();
  private lastAnnounced = 0;
  private catchingUp: Promise<void> = Promise.resolve();
  /** A catch-up is under way; another is wanted once it ends (notices that come meanwhile fold into one). */
  private catchUpRunning = false;
  private catchUpWanted = false;
  private readonly stopWatching: () => void;

  private constructor(
    private readonly engine: StoreEngine,
    private readonly now: () => Date,
    headSeq: number,
  ) {
    this.lastAnnounced = headSeq;
    this.stopWatching = engine.watchOthers((seq) => this.heardOfCommit(seq));
  }

  static async start(engine: StoreEngine, now: () => Date): Promise<QueryStore> {
    const head = await engine.readTransaction((db) => makeRepos(db).journal.head());
    return new QueryStore(engine, now, head?.seq ?? 0);
  }

  get kind(): StoreKind {
    return this.engine.kind;
  }
  get location(): string {
    return this.engine.location;
  }
  get isOpen(): boolean {
    return this.engine.isOpen;
  }

  locationForWorkers(): string {
    return this.engine.locationForWorkers();
  }

  read<T>(body: (repos: ReadRepos) => Promise<T>): Promise<T> {
    return this.engine.readTransaction((db) => body(makeRepos(db)));
  }

  /** `internal.beginRowDigests`: this entry starts the book's row digests (its creation, or its upgrade to them). */
  async change<T>(
    actor: JournalActor,
    action: string,
    body: (tx: WriteRepos, at: string) => Promise<ChangeOutcome<T>>,
    internal: { readonly beginRowDigests?: boolean } = {},
  ): Promise<T> {
    if (insideChange.getStore()) throw new Error('A change may not start inside another change');
    for (let attempt = 1; ; attempt += 1) {
      try {
        const { result, entry } = await insideChange.run(true, () =>
          this.engine.writeTransaction(async (db) => {
            const at = this.now().toISOString();
            const log = new RowLog(() => this.engine.lockChain(db));
            const repos = makeRepos(db, log);
            const { payload, result } = await body(repos, at);
            await this.engine.lockChain(db);
            // Read back as stored, in this transaction: the digests are of exactly what commits.
            const rows: RowDigests = { rows: await digestWrites(db, log), ...(internal.beginRowDigests === true ? { baseline: await currentBaseline(db) } : {}) };
            const entry = await repos.journal.append(actor, action, payload, at, (row) => this.engine.insertJournalRow(db, row), rows);
            return { result, entry };
          }),
        );
        this.announceOwn({ seq: entry.seq, action: entry.action });
        return result;
      } catch (error) {
        if (attempt < RETRIES && this.engine.isRetryable(error)) continue;
        throw this.engine.asUniqueViolation(error) ?? this.engine.asLostConnection?.(error) ?? error;
      }
    }
  }

  onCommitted(listener: (entry: CommittedEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async info(): Promise<StoreInfo> {
    const { count, head } = await this.read(async (r) => ({ count: await r.journal.count(), head: await r.journal.head() }));
    return this.engine.info(count, head);
  }

  verifyJournal(control: JobControl<VerifyProgress> = {}): Promise<ChainReport> {
    return this.engine.verifyJournal(control);
  }

  backup(destination: string, options: { overwrite: boolean }, control: JobControl<JobProgress> = {}): Promise<BackupCopy> {
    return this.engine.backup(destination, options, control);
  }

  checkpoint(): Promise<void> {
    return this.engine.checkpoint();
  }

  async close(): Promise<void> {
    this.stopWatching();
    this.listeners.clear();
    await this.catchingUp.catch(() => undefined);
    await this.engine.close();
  }

  private announceOwn(entry: CommittedEntry): void {
    if (entry.seq === this.lastAnnounced + 1 || this.listeners.size === 0) {
      this.lastAnnounced = Math.max(this.lastAnnounced, entry.seq);
      this.emit(entry);
    } else if (entry.seq > this.lastAnnounced) {
      this.catchUp(); // others committed in between: announce theirs and ours in order
    }
  }

  /** Another desk committed (up to `seq`, where the store says): read what is new, unless nobody listens or it is known. */
  private heardOfCommit(seq: number | undefined): void {
    if (seq !== undefined && seq <= this.lastAnnounced) return; // our own, or already announced
    if (this.listeners.size === 0) {
      // Nobody to tell: move on without reading (a desk of the command line, a bench client).
      if (seq !== undefined) this.lastAnnounced = seq;
      return;
    }
    this.catchUp();
  }

  /** Announces, in order, every entry committed since the last one announced; calls meanwhile fold into one more pass. */
  private catchUp(): void {
    this.catchUpWanted = true;
    if (this.catchUpRunning) return;
    this.catchUpRunning = true;
    this.catchingUp = (async () => {
      try {
        while (this.catchUpWanted && this.engine.isOpen) {
          this.catchUpWanted = false;
          await this.readNewEntries();
        }
      } catch {
        // a book closing underneath: the next change catches up again
      } finally {
        this.catchUpRunning = false;
      }
    })();
  }

  private async readNewEntries(): Promise<void> {
    for (;;) {
      const fresh = await this.engine.readTransaction((db) => makeRepos(db).journal.since(this.lastAnnounced, CATCH_UP_SLICE));
      for (const entry of fresh) {
        if (entry.seq <= this.lastAnnounced) continue;
        this.lastAnnounced = entry.seq;
        this.emit(entry);
      }
      if (fresh.length < CATCH_UP_SLICE) return;
    }
  }

  private emit(entry: CommittedEntry): void {
    for (const listener of this.listeners) {
      try {
        listener(entry);
      } catch {
        // a listener's own failure must not undo or hide a committed change
      }
    }
  }
}
