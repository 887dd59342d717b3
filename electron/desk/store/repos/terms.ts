import type { Kysely } from 'kysely';
import { COMMAND_LINE_NAME, type TermsRecord, type TermsWriter } from '../port';
import type { RowLog } from '../row-digests';
import type { BookTables } from '../tables';

interface Row {
  program_id: number;
  version: number;
  reason: string;
  recorded_at: string;
  recorded_by: string | null;
  terms: string;
}

const toRecord = (r: Row): TermsRecord => ({
  programId: r.program_id,
  version: r.version,
  reason: r.reason,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by ?? COMMAND_LINE_NAME,
  terms: JSON.parse(r.terms) as unknown,
});

/** Program terms: versions are only ever appended (the table's triggers refuse UPDATE and DELETE). */
export function termsRepo(db: Kysely<BookTables>, log: RowLog): TermsWriter {
  const select = () =>
    db
      .selectFrom('program_terms as t')
      .leftJoin('users as u', 'u.id', 't.recorded_by')
      .select(['t.program_id', 't.version', 't.reason', 't.recorded_at', 'u.username as recorded_by', 't.terms']);
  return {
    history: async (programId) => (await select().where('t.program_id', '=', programId).orderBy('t.version').execute()).map(toRecord),
    async insert(t) {
      const { id } = await db
        .insertInto('program_terms')
        .values({ program_id: t.programId, version: t.version, reason: t.reason, recorded_at: t.recordedAt, recorded_by: t.recordedBy, terms: JSON.stringify(t.terms) })
        .returning('id')
        .executeTakeFirstOrThrow();
      log.wrote('program_terms', id);
      const row = await select().where('t.program_id', '=', t.programId).where('t.version', '=', t.version).executeTakeFirstOrThrow();
      return toRecord(row);
    },
  };
}
