import type { Database } from 'better-sqlite3';
import { makeRepos, type ReadRepos, type Repos } from './repos';
import type { JournalActor } from './repos/journal';

export type { JournalActor } from './repos/journal';

/** Who acts when no one is signed in (book creation, migrations, the command line). */
export const SYSTEM_ACTOR: JournalActor = { id: null, username: null };

/** What a change's body returns: the journal payload (before/after) and the caller's result. */
export interface ChangeOutcome<T> {
  /** Plain data only (checked when serialized): what changed, with before/after where something did. */
  readonly payload: object;
  readonly result: T;
}

/**
 * The open book of record. `change` is the only way to mutate it: the body's writes and one
 * journal entry are committed together, or — if the body throws — neither is.
 */
export class BookStore {
  // Private: writing methods are reached only through `change`, which journals.
  private readonly repos: Repos;
  private changing = false;
  private readonly committedListeners = new Set<(entry: { seq: number; action: string }) => void>();

  constructor(
    readonly path: string,
    private readonly db: Database,
    private readonly now: () => Date,
  ) {
    this.repos = makeRepos(db);
  }

  /** Reads within one consistent snapshot. */
  read<T>(body: (repos: ReadRepos) => T): T {
    return this.db.transaction(() => body(this.repos)).deferred();
  }

  /** `body` gets the repositories and the change's instant (ISO UTC), which its journal entry carries too. */
  change<T>(actor: JournalActor, action: string, body: (tx: Repos, at: string) => ChangeOutcome<T>): T {
    if (this.changing) throw new Error('A change may not start inside another change');
    this.changing = true;
    try {
      // IMMEDIATE: take the write lock before reading the journal head, so no other
      // connection can append between our read and our write.
      const { result, entry } = this.db
        .transaction(() => {
          const at = this.now().toISOString();
          const { payload, result } = body(this.repos, at);
          const entry = this.repos.journal.append(actor, action, payload, at);
          return { result, entry };
        })
        .immediate();
      for (const listener of this.committedListeners) listener({ seq: entry.seq, action: entry.action });
      return result;
    } finally {
      this.changing = false;
    }
  }

  /** Hears every committed change (after its commit). Returns an unsubscribe. */
  onCommitted(listener: (entry: { seq: number; action: string }) => void): () => void {
    this.committedListeners.add(listener);
    return () => this.committedListeners.delete(listener);
  }

  /**
   * Copies the write-ahead log into the book and empties it. Worth calling after a bulk job
   * (an import) so that the next clerk's save does not pay for it.
   */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** The connection itself, for the few store-level jobs that need it (backup, verification). */
  get connection(): Database {
    return this.db;
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
