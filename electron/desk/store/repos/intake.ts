// The intake repository: one generic insert and read over the 15 append-only intake tables
// (their columns from PROVEN_TABLES, which the schema test keeps equal to both schemas), plus
// the few reads that need a join. Written once for both stores.
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { INTAKE_JSON_COLUMNS, type IntakeRecord, type IntakeTable, type IntakeWriter, type NewIntakeRow, type PaymentWithEvents } from '../port-intake';
import type { RowLog } from '../row-digests';
import type { BookTables } from '../tables';
import { bulkInserter } from './bulk-insert';
import { carriedOn } from './carried-on';
import { checkedColumn, columnsOf, recordRows, type Row } from './record-rows';

/** Rows per multi-row INSERT: the widest intake table (16 columns) stays far under both stores' parameter limits. */
const INSERT_CHUNK = 500;
const DEFAULT_LIMIT = 10_000;
/** The first key of a batch's transaction lock (PostgreSQL's two-key advisory locks): "ODBT". */
const BATCH_LOCK = 0x4f444254;
const { toRecord: asRecord, toRow } = recordRows(INTAKE_JSON_COLUMNS);
const toRecord = <T extends IntakeTable>(table: T, row: Row) => asRecord<IntakeRecord<T>>(table, row);

export function intakeRepo(db: Kysely<BookTables>, log: RowLog): IntakeWriter {
  const bulk = bulkInserter(db);
  const selectAll = (table: IntakeTable) => sql.raw(Object.keys(columnsOf(table)).join(', '));
  const where = async <T extends IntakeTable>(table: T, name: string, value: string | number, limit = DEFAULT_LIMIT) => {
    const column = sql.ref(checkedColumn(table, name));
    // Table and column names come from PROVEN_TABLES, never from input; the value is a parameter.
    const { rows } = await sql<Row>`SELECT ${selectAll(table)} FROM ${sql.table(table)} WHERE ${column} = ${value} ORDER BY id LIMIT ${limit}`.execute(db);
    return rows.map((r) => toRecord(table, r));
  };
  const unreversedSum = async (column: 'basic_shares' | 'rights_surrendered', certificateId: number, kind?: 'dtc') => {
    const { rows } = await sql<{ n: number | string | null }>`
      SELECT coalesce(sum(e.${sql.ref(column)}), 0) AS n FROM elections e
      WHERE e.certificate_id = ${certificateId} ${kind ? sql`AND e.kind = ${kind}` : sql``}
        AND NOT EXISTS (SELECT 1 FROM election_reversals r WHERE r.election_id = e.id)`.execute(db);
    return Number(rows[0]?.n ?? 0);
  };
  return {
    async byId(table, id) {
      const [record] = await where(table, 'id', id, 1);
      return record;
    },
    where,
    async count(table, name, value) {
      const filter = name === undefined ? sql`` : sql`WHERE ${sql.ref(checkedColumn(table, name))} = ${value ?? null}`;
      const { rows } = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(table)} ${filter}`.execute(db);
      return Number(rows[0]?.n ?? 0);
    },
    basicExercised: (certificateId) => unreversedSum('basic_shares', certificateId),
    rightsSurrendered: (certificateId) => unreversedSum('rights_surrendered', certificateId, 'dtc'),
    async paymentsOf(electionId) {
      // A split payment applies through its allocations only; an unsplit one through its election_id;
      // a payment carried on by a further correction no longer applies to the item it left.
      const { rows } = await sql<Row & { applied: string }>`
        SELECT p.*, p.amount AS applied FROM payments p
        WHERE p.election_id = ${electionId} AND NOT EXISTS (SELECT 1 FROM payment_allocations a WHERE a.payment_id = p.id)
          AND NOT EXISTS (SELECT 1 FROM payment_reversals x WHERE x.payment_id = p.id)
        UNION ALL
        SELECT p.*, a.amount AS applied FROM payments p JOIN payment_allocations a ON a.payment_id = p.id
        WHERE a.election_id = ${electionId} AND NOT EXISTS (SELECT 1 FROM payment_reversals x WHERE x.payment_id = p.id)
          AND NOT ${carriedOn}
        ORDER BY id`.execute(db);
      const out: PaymentWithEvents[] = [];
      for (const r of rows) {
        const payment = toRecord('payments', r);
        out.push({ payment, applied: r.applied, events: await where('payment_events', 'paymentId', payment.id) });
      }
      return out;
    },
    // --- The mail log and the election form ---------------------------------------------
    async paymentsByCheck(programId, checkNumber) {
      // payments_by_check (program_id, check_number) answers this without a scan.
      const { rows } = await sql<Row>`SELECT ${selectAll('payments')} FROM payments p WHERE program_id = ${programId} AND check_number = ${checkNumber}
        AND NOT EXISTS (SELECT 1 FROM payment_reversals x WHERE x.payment_id = p.id) ORDER BY id`.execute(db);
      return rows.map((r) => toRecord('payments', r));
    },
    async unreversedElections(certificateId) {
      const { rows } = await sql<Row>`
        SELECT ${sql.raw(Object.keys(columnsOf('elections')).map((c) => `e.${c}`).join(', '))} FROM elections e
        WHERE e.certificate_id = ${certificateId} AND NOT EXISTS (SELECT 1 FROM election_reversals r WHERE r.election_id = e.id)
        ORDER BY e.id`.execute(db);
      return rows.map((r) => toRecord('elections', r));
    },
    // The journal's own lock, taken early: on SQLite changes are one at a time already.
    serializeWriters: () => log.lockForBulk(),
    async insert(table, record) {
      const [written] = await bulk.insert(table, [toRow(table, record as Row)], 'id');
      const id = Number(written?.id);
      log.wrote(table, id);
      return id;
    },
    async insertMany<T extends IntakeTable>(table: T, records: readonly NewIntakeRow<T>[]) {
      if (records.length === 0) return [];
      await log.lockForBulk();
      const ids: number[] = [];
      for (let i = 0; i < records.length; i += INSERT_CHUNK) {
        const rows = records.slice(i, i + INSERT_CHUNK).map((r) => toRow(table, r as Row));
        const chunk = (await bulk.insert(table, rows, 'id')).map((r) => Number(r.id));
        log.wrote(table, ...chunk);
        ids.push(...chunk);
      }
      return ids;
    },

    // --- Batch control (closing a batch) ---
    async holdBatch(batchId) {
      if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return; // SQLite: changes are serial already
      await sql`SELECT pg_advisory_xact_lock(${BATCH_LOCK}, ${batchId})`.execute(db);
    },
    // --- Intake corrections (migration 20) ---
    async reversedPaymentIds(batchId) {
      const { rows } = await sql<{ payment_id: number | string }>`
        SELECT x.payment_id FROM payment_reversals x JOIN payments p ON p.id = x.payment_id WHERE p.batch_id = ${batchId} ORDER BY x.payment_id`.execute(db);
      return rows.map((r) => Number(r.payment_id));
    },
    // -- DTC instructions, guaranteed deliveries, odd-lot orders --------------------------------
    async electionByVoi(programId, voiNumber) {
      const { rows } = await sql<Row>`SELECT ${selectAll('elections')} FROM elections WHERE program_id = ${programId} AND voi_number = ${voiNumber} ORDER BY id DESC LIMIT 1`.execute(db);
      return rows[0] ? toRecord('elections', rows[0]) : undefined;
    },
  };
}
