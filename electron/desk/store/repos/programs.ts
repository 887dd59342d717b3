import type { Kysely } from 'kysely';
import type { ProgramKind } from '../../../../shared/ipc/schemas';
import { COMMAND_LINE_NAME, type ProgramRecord, type ProgramsWriter, type RowWindow } from '../port';
import type { RowLog } from '../row-digests';
import type { BookTables } from '../tables';
import { searchRepo } from './search';

interface Row {
  id: number;
  kind: ProgramKind;
  name: string;
  issuer: string;
  cusip: string;
  record_date: string;
  created_at: string;
  created_by: string | null;
}

const toProgram = (r: Row): ProgramRecord => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  issuer: r.issuer,
  cusip: r.cusip,
  recordDate: r.record_date,
  createdAt: r.created_at,
  createdBy: r.created_by ?? COMMAND_LINE_NAME,
});

export function programsRepo(db: Kysely<BookTables>, log: RowLog): ProgramsWriter {
  const select = () =>
    db
      .selectFrom('programs as p')
      .leftJoin('users as u', 'u.id', 'p.created_by')
      .select(['p.id', 'p.kind', 'p.name', 'p.issuer', 'p.cusip', 'p.record_date', 'p.created_at', 'u.username as created_by']);
  const one = async (row: Promise<Row | undefined>) => {
    const r = await row;
    return r && toProgram(r);
  };
  const byId = (id: number) => one(select().where('p.id', '=', id).executeTakeFirst());
  return {
    byId,
    byCusip: (cusip) => one(select().where('p.cusip', '=', cusip).executeTakeFirst()),
    count: async () => Number((await db.selectFrom('programs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    list: async (window?: RowWindow) => {
      let q = select().orderBy('p.record_date', 'desc').orderBy('p.id', 'desc');
      if (window) q = q.limit(window.limit).offset(window.offset);
      return (await q.execute()).map(toProgram);
    },
    async insert(p) {
      const { id } = await db
        .insertInto('programs')
        .values({ kind: p.kind, name: p.name, issuer: p.issuer, cusip: p.cusip, record_date: p.recordDate, created_at: p.createdAt, created_by: p.createdBy })
        .returning('id')
        .executeTakeFirstOrThrow();
      log.wrote('programs', id);
      const created = await byId(id);
      if (!created) throw new Error('A program just written could not be read back');
      await searchRepo(db).index('program', id, [p.name, p.issuer, p.cusip]);
      return created;
    },
  };
}
