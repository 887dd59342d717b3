import type { Database } from 'better-sqlite3';
import { canonicalJson, type JsonValue } from '../canonical';
import { entryHash, GENESIS_HASH } from '../journal-chain';

export interface JournalActor {
  readonly id: number | null;
  readonly username: string | null;
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

interface Row {
  seq: number;
  at: string;
  user_id: number | null;
  username: string | null;
  action: string;
  payload: string;
  hash: string;
}

const toEntry = (r: Row): JournalEntry => ({
  seq: r.seq,
  at: r.at,
  userId: r.user_id,
  username: r.username,
  action: r.action,
  payload: JSON.parse(r.payload) as JsonValue,
  hash: r.hash,
});

export function journalRepo(db: Database) {
  const head = db.prepare('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(
    'INSERT INTO journal (seq, at, user_id, username, action, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const count = db.prepare('SELECT count(*) AS n FROM journal');
  const newest = db.prepare('SELECT seq, at, user_id, username, action, payload, hash FROM journal ORDER BY seq DESC LIMIT ?');
  const before = db.prepare('SELECT seq, at, user_id, username, action, payload, hash FROM journal WHERE seq < ? ORDER BY seq DESC LIMIT ?');

  return {
    /** Appends one entry chained to the current head. Call only inside the change's transaction. */
    append(actor: JournalActor, action: string, payload: unknown, at: string): JournalEntry {
      const last = head.get() as { seq: number; hash: string } | undefined;
      const seq = (last?.seq ?? 0) + 1;
      const prevHash = last?.hash ?? GENESIS_HASH;
      const text = canonicalJson(payload);
      // Hash what will be read back, so verification recomputes exactly this.
      const stored = JSON.parse(text) as JsonValue;
      const hash = entryHash(prevHash, { seq, at, username: actor.username, action, payload: stored });
      insert.run(seq, at, actor.id, actor.username, action, text, prevHash, hash);
      return { seq, at, userId: actor.id, username: actor.username, action, payload: stored, hash };
    },
    count(): number {
      return (count.get() as { n: number }).n;
    },
    /** Newest first; `beforeSeq` pages back through older entries. */
    list(options: { beforeSeq?: number | undefined; limit: number }): JournalEntry[] {
      const rows = (options.beforeSeq === undefined ? newest.all(options.limit) : before.all(options.beforeSeq, options.limit)) as Row[];
      return rows.map(toEntry);
    },
  };
}
export type JournalRepo = ReturnType<typeof journalRepo>;
