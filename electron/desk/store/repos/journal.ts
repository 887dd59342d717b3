import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { canonicalJson, type JsonValue } from '../canonical';
import { entryHash, GENESIS_HASH, type StoredEntry } from '../journal-chain';
import type { JournalActor, JournalEntry, JournalFilter, JournalReader } from '../port';
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

/** A LIKE pattern matching `text` literally anywhere (its %, _ and \\ escaped). */
const containing = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The filter as WHERE clauses, the same SQL on both stores: payloads are canonical JSON (sorted
 * keys, no spaces), so a program is `"programId":5` followed by a comma or a closing brace.
 * (A program's id in a JSON key anywhere is enough: an entry naming two programs is kept for both.)
 */
function filtered<O>(q: SelectQueryBuilder<BookTables, 'journal', O>, f: JournalFilter): SelectQueryBuilder<BookTables, 'journal', O> {
  if (f.username !== undefined) q = q.where('username', '=', f.username);
  if (f.action !== undefined) q = q.where('action', '=', f.action);
  if (f.from !== undefined) q = q.where('at', '>=', f.from);
  if (f.to !== undefined) q = q.where('at', '<', f.to);
  if (f.beforeSeq !== undefined) q = q.where('seq', '<', f.beforeSeq);
  if (f.programId !== undefined) {
    // Entries about a program name it as programId; the program's own entries carry it as its id.
    const key = `%"programId":${f.programId}`;
    const own = `%"id":${f.programId}`;
    q = q.where((eb) =>
      eb.or([
        eb('payload', 'like', `${key},%`),
        eb('payload', 'like', `${key}}%`),
        eb.and([eb('action', 'like', 'program.%'), eb.or([eb('payload', 'like', `${own},%`), eb('payload', 'like', `${own}}%`)])]),
      ]),
    );
  }
  if (f.text !== undefined && f.text !== '') q = q.where(sql<boolean>`lower(payload) LIKE ${containing(f.text)} ESCAPE '\\'`);
  return q;
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
    async countWhere(filter) {
      const r = await filtered(db.selectFrom('journal'), filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async window(filter, offset, limit) {
      return (await filtered(db.selectFrom('journal').select(ENTRY_COLUMNS), filter).orderBy('seq', 'desc').limit(limit).offset(offset).execute()).map(toEntry);
    },
    async actions() {
      const rows = await db.selectFrom('journal').select(['action', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('action').orderBy('action').execute();
      return rows.map((r) => ({ action: r.action, entries: Number(r.n) }));
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
