// The lost-certificate repository: one generic insert and read over the four append-only tables
// of migration 18 (their columns from PROVEN_TABLES), plus the stop and numbering reads.
// Written once for both stores.
import { sql, type Kysely } from 'kysely';
import { LOST_JSON_COLUMNS, type LostRecord, type LostTable, type LostWriter } from '../port-lost';
import type { RowLog } from '../row-digests';
import { checkedColumn, columnsOf, recordRows, type Row } from './record-rows';
import type { BookTables } from '../tables';

const LIMIT = 10_000;
const { toRecord: asRecord, toRow } = recordRows(LOST_JSON_COLUMNS);
const toRecord = <T extends LostTable>(table: T, row: Row) => asRecord<LostRecord<T>>(table, row);

export function lostRepo(db: Kysely<BookTables>, log: RowLog): LostWriter {
  const selectAll = (table: LostTable) => sql.raw(Object.keys(columnsOf(table)).join(', '));
  const where = async <T extends LostTable>(table: T, name: string, value: string | number, limit = LIMIT) => {
    // Table and column names come from PROVEN_TABLES, never from input; the value is a parameter.
    const { rows } = await sql<Row>`SELECT ${selectAll(table)} FROM ${sql.table(table)} WHERE ${sql.ref(checkedColumn(table, name))} = ${value} ORDER BY id LIMIT ${limit}`.execute(db);
    return rows.map((r) => toRecord(table, r));
  };
  return {
    async byId(table, id) {
      const [record] = await where(table, 'id', id, 1);
      return record;
    },
    where: (table, column, value) => where(table, column, value),
    async currentSettings(programId) {
      const { rows } = await sql<Row>`SELECT ${selectAll('lost_settings')} FROM lost_settings WHERE program_id = ${programId} ORDER BY version DESC LIMIT 1`.execute(db);
      return rows[0] && toRecord('lost_settings', rows[0]);
    },
    async stoppedAmong(ids) {
      if (ids.length === 0) return new Set();
      const rows = await db.selectFrom('certificate_events').select('certificate_id').distinct().where('kind', '=', 'stopped').where('certificate_id', 'in', [...ids]).execute();
      return new Set(rows.map((r) => Number(r.certificate_id)));
    },
    async highestSeq(programId) {
      const r = await db.selectFrom('certificates').select((eb) => eb.fn.max('seq').as('n')).where('program_id', '=', programId).executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    async insert(table, record) {
      const { rows } = await db.executeQuery<Row>(db.insertInto(table).values(toRow(table, record as Row) as never).returning('id' as never).compile());
      const id = Number(rows[0]?.id);
      log.wrote(table, id);
      return id;
    },
  };
}
