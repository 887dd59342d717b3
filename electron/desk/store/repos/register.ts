import { PostgresAdapter, sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import type { LayoutRecord, NewRegisterEntry, RegisterEntryRecord, RegisterWriter, RowWindow } from '../port';
import { PROVEN_TABLES, type RowLog } from '../row-digests';
import { bulkInserter } from './bulk-insert';
import { withIndexesBuiltAfter } from './indexes-built-after';
import { registerRowText, registerRowValues, REGISTER_ROW_TEXT_COLUMNS, type RegisterRowText } from '../register-row-text';
import { prefixEnd, wordsOf } from '../search-terms';
import type { BookTables, RegisterEntriesTable } from '../tables';

/** Rows per INSERT: 22 columns × 400 rows stays under both stores' bound-parameter limits. */
const INSERT_CHUNK = 400;
/** Word rows per INSERT (a power of two: see insertWords). */
const WORDS_CHUNK = 512;

// The ciphertext is selected only by encryptedTin: screens never receive it.
const ENTRY_COLUMNS = [
  'id', 'program_id', 'import_id', 'line', 'account', 'class', 'registration1', 'registration2', 'registration3', 'registration4',
  'address1', 'address2', 'city', 'state', 'postal_code', 'country', 'tin_type', 'tin_last4', 'units', 'nominee', 'plan_shares',
] as const;

type EntryRow = Omit<Selectable<RegisterEntriesTable>, 'tin_encrypted'> & { has_tin: number | string | boolean };

const toEntry = (r: EntryRow): RegisterEntryRecord => ({
  id: Number(r.id),
  programId: Number(r.program_id),
  importId: Number(r.import_id),
  line: Number(r.line),
  account: r.account,
  class: r.class,
  registration: [r.registration1, r.registration2, r.registration3, r.registration4],
  address1: r.address1,
  address2: r.address2,
  city: r.city,
  state: r.state,
  postalCode: r.postal_code,
  country: r.country,
  tinType: r.tin_type,
  tinLast4: r.tin_last4,
  hasTin: r.has_tin === true || Number(r.has_tin) === 1,
  units: r.units,
  nominee: r.nominee,
  planShares: r.plan_shares,
});

export function registerRepo(db: Kysely<BookTables>, log: RowLog): RegisterWriter {
  const bulk = bulkInserter(db);
  const entries = () =>
    db
      .selectFrom('register_entries as e')
      .select(ENTRY_COLUMNS.map((c) => `e.${c}` as const))
      .select(sql<number>`CASE WHEN e.tin_encrypted IS NULL THEN 0 ELSE 1 END`.as('has_tin'));
  const layouts = () =>
    db
      .selectFrom('import_layouts as l')
      .leftJoin('users as u', 'u.id', 'l.saved_by')
      .select(['l.id', 'l.issuer', 'l.name', 'l.version', 'l.format', 'l.spec', 'l.saved_at', 'u.username']);
  const toLayout = (r: Awaited<ReturnType<ReturnType<typeof layouts>['executeTakeFirstOrThrow']>>): LayoutRecord => ({
    id: Number(r.id),
    issuer: r.issuer,
    name: r.name,
    version: Number(r.version),
    format: r.format,
    spec: JSON.parse(r.spec) as unknown,
    savedAt: r.saved_at,
    savedBy: r.username ?? null,
  });
  const layout = async (issuer: string, name: string) => {
    const r = await layouts().where('l.issuer', '=', issuer).where('l.name', '=', name).orderBy('l.version', 'desc').limit(1).executeTakeFirst();
    return r && toLayout(r);
  };
  const importById = async (id: number) => {
    const r = await db
      .selectFrom('register_imports as i')
      .leftJoin('users as u', 'u.id', 'i.imported_by')
      .selectAll('i')
      .select('u.username')
      .where('i.id', '=', id)
      .executeTakeFirstOrThrow();
    return toImport(r);
  };
  return {
    async tinKey() {
      const r = await db.selectFrom('tin_keys').select(['key_id', 'key_check', 'created_at']).orderBy('id').limit(1).executeTakeFirst();
      return r && { keyId: r.key_id, keyCheck: r.key_check, createdAt: r.created_at };
    },
    async layouts(issuer) {
      const all = (await layouts().where('l.issuer', '=', issuer).orderBy('l.name').orderBy('l.version', 'desc').execute()).map(toLayout);
      return all.filter((l, i) => i === 0 || all[i - 1]?.name !== l.name);
    },
    layout,
    async imports(programId) {
      const rows = await db
        .selectFrom('register_imports as i')
        .leftJoin('users as u', 'u.id', 'i.imported_by')
        .selectAll('i')
        .select('u.username')
        .where('i.program_id', '=', programId)
        .orderBy('i.id')
        .execute();
      return rows.map(toImport);
    },
    count: async (programId) =>
      Number((await db.selectFrom('register_entries').where('program_id', '=', programId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    async entryById(id) {
      const r = await entries().where('e.id', '=', id).executeTakeFirst();
      return r && toEntry(r);
    },
    entries: async (programId, window: RowWindow) => {
      // The window's positions are counted on the (program_id, account, class) key alone; only its rows are read whole.
      const ids = db.selectFrom('register_entries').select('id').where('program_id', '=', programId).orderBy('account').orderBy('class').limit(window.limit).offset(window.offset);
      return (await entries().where('e.id', 'in', ids).orderBy('e.account').orderBy('e.class').execute()).map(toEntry);
    },
    entriesByIds: async (ids) => (ids.length === 0 ? [] : (await entries().where('e.id', 'in', [...ids]).execute()).map(toEntry)),
    // Walks the primary key (`+program_id` keeps the planners off the program's other indexes):
    // through (program_id, postal_code) every page re-read and re-sorted the whole rest of the
    // register, so streaming a million entries was quadratic. A program's entries are contiguous
    // runs of ids (an import writes its rows in one block): the walk passes over other programs'
    // rows at most once, before the first page and after the last.
    entriesAfter: async (programId, afterId, limit) =>
      (await entries().where(sql<number>`+e.program_id`, '=', programId).where('e.id', '>', afterId).orderBy('e.id').limit(limit).execute()).map(toEntry),
    byAccount: async (programId, account) =>
      (await entries().where('e.program_id', '=', programId).where('e.account', '=', account).orderBy('e.class').execute()).map(toEntry),
    async find(query, limit) {
      const words = query.nameWords ?? [];
      const narrowed = (q: ReturnType<typeof entries>) => {
        if (query.account !== undefined) q = q.where('e.account', '=', query.account);
        if (query.tinLast4 !== undefined) q = q.where('e.tin_last4', '=', query.tinLast4);
        const code = query.postalCode;
        // A 5-digit code finds itself and its ZIP+4s: one range on the (program_id, postal_code) key
        // that holds them in any collation, then checked exactly. Any other code finds only itself.
        if (code !== undefined && /^\d{5}$/.test(code)) {
          q = q
            .where('e.postal_code', '>=', code)
            .where('e.postal_code', '<=', `${code}-9999`)
            .where((eb) => eb.or([eb('e.postal_code', '=', code), eb('e.postal_code', 'like', `${code}-____`)]));
        } else if (code !== undefined) q = q.where('e.postal_code', '=', code);
        return q;
      };
      if (words.length === 0) {
        // Without a program, the (program_id, …) keys are still used: one seek per program.
        const inPrograms = entries().where('e.program_id', 'in', query.programId !== undefined ? [query.programId] : db.selectFrom('programs').select('id'));
        return (await narrowed(inPrograms).orderBy('e.account').orderBy('e.class').limit(limit).execute()).map(toEntry);
      }
      let q = narrowed(entries());
      if (query.programId !== undefined) q = q.where('e.program_id', '=', query.programId);
      // Names: candidates come from the words index, then the other criteria narrow them. The
      // first `limit` matches found are answered (sorted by account), not the first by account:
      // the clerk types more to narrow.
      const found: RegisterEntryRecord[] = [];
      const page = Math.max(limit * 4, 100);
      for (let offset = 0; found.length < limit; offset += page) {
        const ids = await nameCandidates(db, words, page, offset);
        if (ids.length === 0) break;
        const rows = await q.where('e.id', 'in', ids).execute();
        found.push(...rows.map(toEntry).slice(0, limit - found.length));
        if (ids.length < page) break;
      }
      return found.sort((x, y) => (x.account < y.account ? -1 : x.account > y.account ? 1 : x.class < y.class ? -1 : x.class > y.class ? 1 : x.programId - y.programId));
    },
    async encryptedTin(entryId) {
      const r = await db.selectFrom('register_entries').select('tin_encrypted').where('id', '=', entryId).executeTakeFirst();
      return r?.tin_encrypted ? new Uint8Array(r.tin_encrypted) : null;
    },
    async insertTinKey(key) {
      const { id } = await db.insertInto('tin_keys').values({ key_id: key.keyId, key_check: key.keyCheck, created_at: key.createdAt, created_by: key.createdBy }).returning('id').executeTakeFirstOrThrow();
      log.wrote('tin_keys', id);
    },
    async saveLayout(l) {
      const previous = await layout(l.issuer, l.name);
      const { id } = await db
        .insertInto('import_layouts')
        .values({ issuer: l.issuer, name: l.name, version: (previous?.version ?? 0) + 1, format: l.format, spec: JSON.stringify(l.spec), saved_at: l.savedAt, saved_by: l.savedBy })
        .returning('id')
        .executeTakeFirstOrThrow();
      log.wrote('import_layouts', id);
      const saved = await layout(l.issuer, l.name);
      if (!saved || saved.id !== id) throw new Error('A layout just saved could not be read back');
      return saved;
    },
    async deferImportRecord() {
      // PostgreSQL checks a reference at once (the book's foreign keys are not deferrable there).
      if (db.getExecutor().adapter instanceof PostgresAdapter) return null;
      // Until this transaction commits: entries may name their import before its record is written.
      await sql`PRAGMA defer_foreign_keys = ON`.execute(db);
      const { rows } = await sql<{ next: number }>`SELECT coalesce(max(id), 0) + 1 AS next FROM register_imports`.execute(db);
      return Number(rows[0]?.next);
    },
    async insertImport(i) {
      const { id } = await db
        .insertInto('register_imports')
        .values({
          ...(i.id === undefined ? {} : { id: i.id }),
          program_id: i.programId, file_name: i.fileName, file_sha256: i.fileSha256, layout: i.layout, row_count: i.rowCount, imported: i.imported,
          rejected: i.rejected, good_rows_only: i.goodRowsOnly ? 1 : 0, imported_at: i.importedAt, imported_by: i.importedBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (i.id !== undefined && Number(id) !== i.id) throw new Error(`The register import was recorded as ${id}, not ${i.id}`);
      log.wrote('register_imports', id);
      return importById(id);
    },
    insertEntries: (programId, importId, list: readonly NewRegisterEntry[]) => insertTexts(programId, importId, list.map((e) => registerRowText(e, e.tinEncrypted))),
    insertEntryTexts: (programId, importId, texts) => insertTexts(programId, importId, texts),
    withIndexesBuiltAfter: (rows, write) => withIndexesBuiltAfter(db, rows, write),
  };

  async function insertTexts(programId: number, importId: number, texts: readonly RegisterRowText[]): Promise<number> {
    if (texts.length === 0) return 0;
    await log.lockForBulk();
    const words: WordRow[] = [];
    const head = `${programId},${importId}`;
    for (let i = 0; i < texts.length; i += INSERT_CHUNK) {
      const chunk = texts.slice(i, i + INSERT_CHUNK);
      const rows = registerRowValues(chunk);
      const values = new Array<unknown>(rows.length * INSERT_COLUMNS.length);
      let n = 0;
      for (const row of rows) {
        values[n++] = programId;
        values[n++] = importId;
        for (const value of row) values[n++] = value;
      }
      const ids = (await bulk.insertValues('register_entries', INSERT_COLUMNS, rows.length, values, 'id')).map((r) => Number(r.id));
      if (ids.length !== rows.length) throw new Error(`${ids.length} of ${rows.length} register entries were given keys`);
      for (let k = 0; k < rows.length; k += 1) {
        const id = ids[k]!;
        // Digested from the text the values were just bound from, under the key the store gave: nothing is read back.
        log.wroteBoundJson('register_entries', id, `${head},${chunk[k]!}`);
        const row = rows[k]!;
        for (const word of wordsOf(row[REGISTRATION_AT] as string, row[REGISTRATION_AT + 1] as string, row[REGISTRATION_AT + 2] as string, row[REGISTRATION_AT + 3] as string)) words.push({ word, id });
      }
    }
    await insertWords(bulk, words);
    return texts.length;
  }
}

/**
 * The words index rows of a batch of entries, in index order (so that each lands next to the one
 * before it), in statements of a few fixed sizes (each compiled and prepared once, then reused).
 */
async function insertWords(bulk: ReturnType<typeof bulkInserter>, words: WordRow[]): Promise<void> {
  words.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : a.id - b.id));
  const put = (from: number, count: number) => {
    const values = new Array<unknown>(count * 2);
    for (let k = 0; k < count; k += 1) {
      values[2 * k] = words[from + k]!.word;
      values[2 * k + 1] = words[from + k]!.id;
    }
    return bulk.insertValues('register_words', WORD_COLUMNS, count, values);
  };
  let at = 0;
  for (; at + WORDS_CHUNK <= words.length; at += WORDS_CHUNK) await put(at, WORDS_CHUNK);
  // The rest in power-of-two pieces: at most a handful of statement sizes, whatever the count.
  for (let size = WORDS_CHUNK / 2; size >= 1; size = Math.floor(size / 2)) {
    if (words.length - at >= size) {
      await put(at, size);
      at += size;
    }
  }
}

interface WordRow {
  readonly word: string;
  readonly id: number;
}
const WORD_COLUMNS = ['word', 'entry_id'] as const;

/** How many words a prefix covers is counted up to this bound: enough to tell rare prefixes from common ones. */
const RANGE_PROBE = 200_000;
/** Below this, checking each candidate of the rarest word is cheaper than intersecting ranges. */
const FEW_CANDIDATES = 3_000;

/**
 * Entries each of whose `words` is the start of a word of their registration. Each word's range
 * of the words index is sized first (up to a bound). A rare word drives: each of its entries is
 * checked with one seek on (entry_id, word) per other word, stopping at `limit`. When every word
 * is fairly common, the ranges of the bounded ones are intersected (a scan of each, no seeks), so
 * that a combination nobody has is answered quickly too.
 */
async function nameCandidates(db: Kysely<BookTables>, words: readonly string[], limit: number, offset: number): Promise<number[]> {
  const sized = await bySize(db, words);
  const rarest = sized[0];
  if (rarest === undefined) return [];
  const range = (word: string) => db.selectFrom('register_words').select('entry_id').where('word', '>=', word).where('word', '<', prefixEnd(word));
  const alsoHas = (word: string) => (eb: ExpressionBuilder<BookTables & { d: { entry_id: number } }, 'd'>) =>
    eb.exists(eb.selectFrom('register_words as w').select('w.entry_id').whereRef('w.entry_id', '=', 'd.entry_id').where('w.word', '>=', word).where('w.word', '<', prefixEnd(word)));
  const bounded = sized.filter((s) => s.n < RANGE_PROBE);
  if (offset === 0 && sized.length > 1 && rarest.n >= FEW_CANDIDATES) {
    // Where the words often go together, the first few thousand candidates already fill the answer.
    let first = db.selectFrom(range(rarest.word).limit(FEW_CANDIDATES).as('d')).select('d.entry_id').distinct();
    for (const { word } of sized.slice(1)) first = first.where(alsoHas(word));
    const found = (await first.limit(limit).execute()).map((r) => Number(r.entry_id));
    if (found.length === limit) return found;
  }
  if (rarest.n < FEW_CANDIDATES || bounded.length < 2) {
    let q = db.selectFrom(range(rarest.word).as('d')).select('d.entry_id').distinct();
    for (const { word } of sized.slice(1)) q = q.where(alsoHas(word));
    return (await q.limit(limit).offset(offset).execute()).map((r) => Number(r.entry_id));
  }
  const [first, ...rest] = bounded.map((s) => range(s.word));
  const both = rest.reduce((acc, r) => acc.intersect(r), first!);
  let q = db.selectFrom(both.as('d')).select('d.entry_id');
  for (const { word } of sized.filter((s) => s.n >= RANGE_PROBE)) q = q.where(alsoHas(word));
  return (await q.limit(limit).offset(offset).execute()).map((r) => Number(r.entry_id));
}

/** The words with how many index entries each covers (up to the bound), rarest first. */
async function bySize(db: Kysely<BookTables>, words: readonly string[]): Promise<{ word: string; n: number }[]> {
  if (words.length === 1) return [{ word: words[0]!, n: 0 }];
  const counted = await Promise.all(
    words.map(async (word) => {
      const inner = db.selectFrom('register_words').select('entry_id').where('word', '>=', word).where('word', '<', prefixEnd(word)).limit(RANGE_PROBE);
      const r = await db.selectFrom(inner.as('probe')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return { word, n: Number(r.n) };
    }),
  );
  return counted.sort((a, b) => a.n - b.n || b.word.length - a.word.length);
}

/** The columns a new entry is inserted with: those of PROVEN_TABLES.register_entries after its key, in that order. */
const INSERT_COLUMNS = [
  'program_id', 'import_id', 'line', 'account', 'class', 'registration1', 'registration2', 'registration3', 'registration4',
  'address1', 'address2', 'city', 'state', 'postal_code', 'country', 'tin_type', 'tin_last4', 'tin_encrypted', 'units', 'nominee', 'plan_shares',
] as const;

// The values are digested positionally (RowLog.wroteBoundJson): the orders must be one.
if (Object.keys(PROVEN_TABLES.register_entries).slice(1).join() !== INSERT_COLUMNS.join()) throw new Error('INSERT_COLUMNS is not the digest order of register_entries');
if (INSERT_COLUMNS.slice(2).join() !== REGISTER_ROW_TEXT_COLUMNS.join()) throw new Error('REGISTER_ROW_TEXT_COLUMNS is not the digest order of register_entries');
const REGISTRATION_AT = REGISTER_ROW_TEXT_COLUMNS.indexOf('registration1');

function toImport(r: Selectable<BookTables['register_imports']> & { username: string | null }) {
  return {
    id: Number(r.id),
    programId: Number(r.program_id),
    fileName: r.file_name,
    fileSha256: r.file_sha256,
    layout: r.layout,
    rowCount: Number(r.row_count),
    imported: Number(r.imported),
    rejected: Number(r.rejected),
    goodRowsOnly: Number(r.good_rows_only) === 1,
    importedAt: r.imported_at,
    importedBy: r.username,
  };
}
