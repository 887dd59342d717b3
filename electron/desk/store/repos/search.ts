import type { Kysely } from 'kysely';
import type { FoundRecord, SearchKind, SearchWriter } from '../port';
import { prefixEnd, searchTerms, wordsOf } from '../search-terms';
import type { BookTables } from '../tables';

/** Rows per INSERT of terms. */
const CHUNK = 500;

/**
 * The book's search index: the words of each program and user (holders when the register
 * arrives), kept in the same change that writes the record. A query's words are prefixes, all of
 * which must match, in any order.
 */
export function searchRepo(db: Kysely<BookTables>): SearchWriter {
  const index = async (kind: SearchKind, refId: number, texts: readonly string[]): Promise<void> => {
    await db.deleteFrom('search_terms').where('kind', '=', kind).where('ref_id', '=', refId).execute();
    const rows = searchTerms(...texts).map((term) => ({ kind, ref_id: refId, term }));
    for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto('search_terms').values(rows.slice(i, i + CHUNK)).execute();
  };
  return {
    index,
    async find(words, kinds, limit) {
      if (words.length === 0 || kinds.length === 0) return [];
      // One range scan per word on the (term, kind, ref_id) key; a record must match every word.
      let q = db
        .selectFrom('search_terms')
        .select(['kind', 'ref_id'])
        .where('kind', 'in', kinds)
        .where((eb) => eb.or(words.map((w) => eb.and([eb('term', '>=', w), eb('term', '<', prefixEnd(w))]))))
        .groupBy(['kind', 'ref_id']);
      if (words.length > 1) {
        q = q.having((eb) =>
          eb.and(words.map((w) => eb(eb.fn.max(eb.case().when(eb.and([eb('term', '>=', w), eb('term', '<', prefixEnd(w))])).then(1).else(0).end()), '=', 1))),
        );
      }
      const rows = await q.orderBy('kind').orderBy('ref_id', 'desc').limit(limit).execute();
      return rows.map((r): FoundRecord => ({ kind: r.kind, refId: Number(r.ref_id) }));
    },
    async rebuild() {
      await db.deleteFrom('search_terms').execute();
      for (const p of await db.selectFrom('programs').select(['id', 'name', 'issuer', 'cusip']).execute()) await index('program', p.id, [p.name, p.issuer, p.cusip]);
      for (const u of await db.selectFrom('users').select(['id', 'username', 'display_name']).execute()) await index('user', u.id, [u.username, u.display_name]);
      await rebuildRegisterWords(db);
    },
  };
}

/** The register's name words, derived from its entries a slice at a time (a million-row register stays bounded). */
async function rebuildRegisterWords(db: Kysely<BookTables>): Promise<void> {
  await db.deleteFrom('register_words').execute();
  for (let after = 0; ; ) {
    const slice = await db
      .selectFrom('register_entries')
      .select(['id', 'registration1', 'registration2', 'registration3', 'registration4'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(CHUNK)
      .execute();
    if (slice.length === 0) return;
    const words = slice.flatMap((e) => wordsOf(e.registration1, e.registration2, e.registration3, e.registration4).map((word) => ({ word, entry_id: Number(e.id) })));
    for (let i = 0; i < words.length; i += CHUNK) await db.insertInto('register_words').values(words.slice(i, i + CHUNK)).execute();
    after = Number(slice[slice.length - 1]?.id);
  }
}
