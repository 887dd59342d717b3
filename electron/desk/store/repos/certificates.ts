import type { Kysely, Selectable } from 'kysely';
import type { CertificateIssueRecord, CertificateRecord, CertificateSelection, CertificatesWriter, ClassTotals } from '../port';
import type { RowLog } from '../row-digests';
import { bulkInserter } from './bulk-insert';
import type { BookTables, CertificatesTable } from '../tables';

/** Rows per INSERT: well under both stores' bound-parameter limits. */
const INSERT_CHUNK = 500;

export const CERTIFICATE_COLUMNS = ['id', 'program_id', 'issue_id', 'seq', 'number', 'class', 'entry_id', 'account', 'units', 'firm_rights', 'held', 'issued_at'] as const;

type CertificateRow = Selectable<CertificatesTable>;

export const toCertificate = (r: CertificateRow): CertificateRecord => ({
  id: Number(r.id),
  programId: Number(r.program_id),
  issueId: r.issue_id === null ? null : Number(r.issue_id),
  seq: Number(r.seq),
  number: r.number,
  class: r.class,
  entryId: Number(r.entry_id),
  account: r.account,
  units: r.units,
  firmRights: Number(r.firm_rights),
  held: Number(r.held) === 1,
  issuedAt: r.issued_at,
});

export function certificatesRepo(db: Kysely<BookTables>, log: RowLog): CertificatesWriter {
  const bulk = bulkInserter(db);
  const certificates = () => db.selectFrom('certificates').select([...CERTIFICATE_COLUMNS]);
  const selected = (programId: number, s: CertificateSelection) => {
    let q = certificates().where('program_id', '=', programId);
    if (s.class !== undefined) q = q.where('class', '=', s.class);
    if (s.fromSeq !== undefined) q = q.where('seq', '>=', s.fromSeq);
    if (s.toSeq !== undefined) q = q.where('seq', '<=', s.toSeq);
    if (s.heldOnly === true) q = q.where('held', '=', 1);
    return q;
  };
  const issueOf = async (programId: number): Promise<CertificateIssueRecord | undefined> => {
    const r = await db
      .selectFrom('certificate_issues as i')
      .leftJoin('users as u', 'u.id', 'i.issued_by')
      .select(['i.id', 'i.program_id', 'i.issued_at', 'u.username', 'i.certificates', 'i.totals'])
      .where('i.program_id', '=', programId)
      .executeTakeFirst();
    return (
      r && {
        id: Number(r.id),
        programId: Number(r.program_id),
        issuedAt: r.issued_at,
        issuedBy: r.username ?? null,
        certificates: Number(r.certificates),
        totals: JSON.parse(r.totals) as Record<string, ClassTotals>,
      }
    );
  };
  return {
    issueOf,
    async count(programId, selection = {}) {
      const r = await selected(programId, selection).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    list: async (programId, selection, afterSeq, limit) => (await selected(programId, selection).where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute()).map(toCertificate),
    window: async (programId, selection, w) =>
      // The positions are found on the (program_id, seq) key alone; only the window's rows are read whole.
      (
        await certificates()
          .where('id', 'in', selected(programId, selection).clearSelect().select('id').orderBy('seq').limit(w.limit).offset(w.offset))
          .orderBy('seq')
          .execute()
      ).map(toCertificate),
    async byId(id) {
      const r = await certificates().where('id', '=', id).executeTakeFirst();
      return r && toCertificate(r);
    },
    async byNumber(number, programId) {
      let q = certificates().where('number', '=', number);
      if (programId !== undefined) q = q.where('program_id', '=', programId);
      return (await q.orderBy('program_id').execute()).map(toCertificate);
    },
    forAccount: async (programId, account) => (await certificates().where('program_id', '=', programId).where('account', '=', account).orderBy('seq').execute()).map(toCertificate),
    async events(certificateId) {
      const rows = await db
        .selectFrom('certificate_events as e')
        .leftJoin('users as u', 'u.id', 'e.created_by')
        .select(['e.id', 'e.certificate_id', 'e.at', 'e.kind', 'e.detail', 'u.username'])
        .where('e.certificate_id', '=', certificateId)
        .orderBy('e.id')
        .execute();
      return rows.map((r) => ({ id: Number(r.id), certificateId: Number(r.certificate_id), at: r.at, kind: r.kind, detail: JSON.parse(r.detail) as Record<string, unknown>, createdBy: r.username ?? null }));
    },
    async insertIssue(issue) {
      const { id } = await db
        .insertInto('certificate_issues')
        .values({ program_id: issue.programId, issued_at: issue.issuedAt, issued_by: issue.issuedBy, certificates: issue.certificates, totals: JSON.stringify(issue.totals) })
        .returning('id')
        .executeTakeFirstOrThrow();
      log.wrote('certificate_issues', id);
      const stored = await issueOf(issue.programId);
      if (!stored) throw new Error('A certificate issue just written could not be read back');
      return stored;
    },
    async insertMany(programId, issueId, issuedAt, list) {
      if (list.length === 0) return 0;
      await log.lockForBulk();
      for (let i = 0; i < list.length; i += INSERT_CHUNK) {
        const rows = list.slice(i, i + INSERT_CHUNK).map((c) => ({
          program_id: programId,
          issue_id: issueId,
          seq: c.seq,
          number: c.number,
          class: c.class,
          entry_id: c.entryId,
          account: c.account,
          units: c.units,
          firm_rights: c.firmRights,
          held: c.held ? 1 : 0,
          issued_at: issuedAt,
        }));
        const ids = await bulk.insert('certificates', rows, 'id');
        log.wrote('certificates', ...ids.map((r) => Number(r.id)));
      }
      return list.length;
    },
    async insertOne(programId, issuedAt, c) {
      const { id } = await db
        .insertInto('certificates')
        .values({ program_id: programId, issue_id: null, seq: c.seq, number: c.number, class: c.class, entry_id: c.entryId, account: c.account, units: c.units, firm_rights: c.firmRights, held: c.held ? 1 : 0, issued_at: issuedAt })
        .returning('id')
        .executeTakeFirstOrThrow();
      log.wrote('certificates', id);
      return id;
    },
    async addEvent(e) {
      const { id } = await db
        .insertInto('certificate_events')
        .values({ certificate_id: e.certificateId, at: e.at, kind: e.kind, detail: JSON.stringify(e.detail), created_by: e.createdBy })
        .returning('id')
        .executeTakeFirstOrThrow();
      log.wrote('certificate_events', id);
      return id;
    },
  };
}
