import type { Kysely } from 'kysely';
import type { AmendmentRecord, AmendmentsWriter } from '../port';
import type { RowLog } from '../row-digests';
import type { BookTables } from '../tables';

export function amendmentsRepo(db: Kysely<BookTables>, log: RowLog): AmendmentsWriter {
  const select = () =>
    db
      .selectFrom('terms_amendments as a')
      .innerJoin('users as p', 'p.id', 'a.proposed_by')
      .leftJoin('users as d', 'd.id', 'a.decided_by')
      .select([
        'a.id', 'a.program_id', 'a.base_version', 'a.terms', 'a.reason', 'a.proposed_at', 'a.proposed_by', 'p.username as proposer',
        'a.decision', 'a.decided_at', 'd.username as decider', 'a.decision_note',
      ]);
  type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;
  const toRecord = (r: Row): AmendmentRecord => ({
    id: Number(r.id),
    programId: Number(r.program_id),
    baseVersion: Number(r.base_version),
    terms: JSON.parse(r.terms) as unknown,
    reason: r.reason,
    proposedAt: r.proposed_at,
    proposedBy: r.proposer,
    proposedById: Number(r.proposed_by),
    decision: r.decision,
    decidedAt: r.decided_at,
    decidedBy: r.decider ?? null,
    decisionNote: r.decision_note,
  });
  const byId = async (id: number) => {
    const r = await select().where('a.id', '=', id).executeTakeFirst();
    return r && toRecord(r);
  };
  return {
    byId,
    forProgram: async (programId) => (await select().where('a.program_id', '=', programId).orderBy('a.id', 'desc').execute()).map(toRecord),
    pending: async () => (await select().where('a.decision', 'is', null).orderBy('a.id').execute()).map(toRecord),
    async propose(a) {
      const { id } = await db
        .insertInto('terms_amendments')
        .values({ program_id: a.programId, base_version: a.baseVersion, terms: JSON.stringify(a.terms), reason: a.reason, proposed_at: a.proposedAt, proposed_by: a.proposedBy, decision: null, decided_at: null, decided_by: null, decision_note: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      log.wrote('terms_amendments', id);
      const created = await byId(id);
      if (!created) throw new Error('An amendment just written could not be read back');
      return created;
    },
    async decide(id, d) {
      // Only a pending amendment is decided: on an office database another desk may have decided it
      // since it was read (the row lock makes this wait for that desk, then find it decided).
      const [updated] = await db
        .updateTable('terms_amendments')
        .set({ decision: d.decision, decided_at: d.decidedAt, decided_by: d.decidedBy, decision_note: d.note })
        .where('id', '=', id)
        .where('decision', 'is', null)
        .execute();
      if (Number(updated?.numUpdatedRows ?? 0) > 0) log.wrote('terms_amendments', id);
      const decided = await byId(id);
      if (!decided) throw new Error('An amendment just decided could not be read back');
      return decided;
    },
  };
}
