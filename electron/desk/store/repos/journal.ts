import type { Kysely } from 'kysely';
import { canonicalJson, type JsonValue } from '../canonical';
import { entryHash, GENESIS_HASH, type StoredEntry } from '../journal-chain';
import type { JournalActor, JournalEntry, JournalReader } from '../port';
import type { RowDigests } from '../row-digests';
import type { BookTables, JournalTable } from '../tables';

const ENTRY_COLUMNS = ['seq', 'at', 'user_id', 'username', 'action', 'payload', 'hash'] as const;

const toEntry = (r: { seq: number; at: string; user_id: number | null; username: string | null; action: string; payload: string; hash: string }): JournalEntry => ({
  seq: Number(r.seq),
  at: r.at,
  userId: r.user_id,
  username: r.username,
  action: r.action,
  payload: JSON.parse(r.payload) as JsonValue,
  hash: r.hash,
});

export interface JournalRepo extends JournalReader {
  /**
   * Appends one entry chained to the current head. Only the store calls this, inside the
   * change's transaction and after it has made itself the only appender (see each store).
   */
  append(actor: JournalActor, action: string, payload: unknown, at: string, insert?: (row: JournalTable) => Promise<void>, rows?: RowDigests): Promise<JournalEntry>;
  /** Entries after `afterSeq` in order, as stored: what a chain walk reads, a slice at a time. */
  chainSlice(afterSeq: number, limit: number): Promise<StoredEntry[]>;
  /** Entries after `afterSeq`, oldest first: how a desk learns what others committed. */
  since(afterSeq: number, limit: number): Promise<{ seq: number; action: string }[]>;
}

export function journalRepo(db: Kysely<BookTables>): JournalRepo {
  const head = async () => {
    const r = await db.selectFrom('journal').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return r ? { seq: Number(r.seq), hash: r.hash } : null;
  };
  return {
    head,
    count: async () => Number((await db.selectFrom('journal').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    async list(options) {
      let q = db.selectFrom('journal').select(ENTRY_COLUMNS).orderBy('seq', 'desc').limit(options.limit);
      if (options.beforeSeq !== undefined) q = q.where('seq', '<', options.beforeSeq);
      return (await q.execute()).map(toEntry);
    },
    async append(actor, action, payload, at, insert, rows) {
      const last = await head();
      const seq = (last?.seq ?? 0) + 1;
      const prevHash = last?.hash ?? GENESIS_HASH;
      const text = canonicalJson(payload);
      // Hash what will be read back, so verification recomputes exactly this.
      const stored = JSON.parse(text) as JsonValue;
      const rowText = rows === undefined ? null : canonicalJson(rows);
      const storedRows = rowText === null ? undefined : (JSON.parse(rowText) as JsonValue);
      const hash = entryHash(prevHash, { seq, at, username: actor.username, action, payload: stored, rows: storedRows });
      const row: JournalTable = { seq, at, user_id: actor.id, username: actor.username, action, payload: text, prev_hash: prevHash, hash, row_digests: rowText };
      if (insert) await insert(row);
      else await db.insertInto('journal').values(row).execute();
      return { seq, at, userId: actor.id, username: actor.username, action, payload: stored, hash };
    },
    async chainSlice(afterSeq, limit) {
      const rows = await db
        .selectFrom('journal')
        .select(['seq', 'at', 'username', 'action', 'payload', 'prev_hash', 'hash', 'row_digests'])
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
    },
    async since(afterSeq, limit) {
      const rows = await db.selectFrom('journal').select(['seq', 'action']).where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
      return rows.map((r) => ({ seq: Number(r.seq), action: r.action }));
    },
  };
}
