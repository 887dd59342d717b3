// The supervisor desk's repository: one generic insert and read over the three append-only tables
// of migration 19, and the whole-program reads of intake rows the queue and the §10 reports need.
// A program's rows are read in keyset pages (never one unbounded result, never OFFSET), so a
// program of a hundred thousand elections costs a few dozen queries. Written once for both stores.
import { sql, type Kysely } from 'kysely';
import { INTAKE_JSON_COLUMNS, type IntakeRecord, type IntakeTable } from '../port-intake';
import { SUPERVISION_JSON_COLUMNS, type AppliedPayment, type SupervisionRecord, type SupervisionTable, type SupervisionWriter } from '../port-supervision';
import type { RowLog } from '../row-digests';
import type { BookTables } from '../tables';
import { carriedOn } from './carried-on';
import { CERTIFICATE_COLUMNS, toCertificate } from './certificates';
import { checkedColumn, columnsOf, recordRows, type Row } from './record-rows';

const LIMIT = 10_000;
const PAGE = 5_000;
/** Ids per IN list: far under both stores' parameter limits. */
const IN_CHUNK = 1_000;
const own = recordRows(SUPERVISION_JSON_COLUMNS);
const intake = recordRows(INTAKE_JSON_COLUMNS);
const ownRecord = <T extends SupervisionTable>(table: T, row: Row) => own.toRecord<SupervisionRecord<T>>(table, row);
const intakeRecord = <T extends IntakeTable>(table: T, row: Row) => intake.toRecord<IntakeRecord<T>>(table, row);

/** `alias.column` for every column of a table, each named `prefix` + column when a prefix is given. */
const columnsAs = (table: IntakeTable | SupervisionTable, alias: string, prefix = '') =>
  sql.raw(Object.keys(columnsOf(table)).map((c) => `${alias}.${c}${prefix ? ` AS ${prefix}${c}` : ''}`).join(', '));

/** The row's columns that carry `prefix`, without it (a joined table's part of a row). */
function unprefixed(row: Row, prefix: string): Row | null {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out.id === null || out.id === undefined ? null : out;
}

/** Reads every row of a keyset-paged query: `page(afterId)` returns rows ordered by `id` ascending. */
async function allPages(page: (afterId: number) => Promise<Row[]>): Promise<Row[]> {
  const all: Row[] = [];
  for (let after = 0; ; ) {
    const rows = await page(after);
    all.push(...rows);
    if (rows.length < PAGE) return all;
    after = Number(rows[rows.length - 1]!.id);
  }
}

export function supervisionRepo(db: Kysely<BookTables>, log: RowLog): SupervisionWriter {
  const selectAll = (table: SupervisionTable) => sql.raw(Object.keys(columnsOf(table)).join(', '));
  const where = async <T extends SupervisionTable>(table: T, name: string, value: string | number, limit = LIMIT) => {
    // Table and column names come from PROVEN_TABLES, never from input; the value is a parameter.
    const { rows } = await sql<Row>`SELECT ${selectAll(table)} FROM ${sql.table(table)} WHERE ${sql.ref(checkedColumn(table, name))} = ${value} ORDER BY id LIMIT ${limit}`.execute(db);
    return rows.map((r) => ownRecord(table, r));
  };
  const events = async (programId: number) => {
    const rows = await allPages(async (after) => (await sql<Row>`
      SELECT ${columnsAs('payment_events', 'v')} FROM payment_events v JOIN payments p ON p.id = v.payment_id
      WHERE p.program_id = ${programId} AND v.id > ${after} ORDER BY v.id LIMIT ${PAGE}`.execute(db)).rows);
    const byPayment = new Map<number, IntakeRecord<'payment_events'>[]>();
    for (const r of rows) {
      const e = intakeRecord('payment_events', r);
      byPayment.set(e.paymentId, [...(byPayment.get(e.paymentId) ?? []), e]);
    }
    return byPayment;
  };
  return {
    async byId(table, id) {
      const [record] = await where(table, 'id', id, 1);
      return record;
    },
    where: (table, column, value) => where(table, column, value),
    async ofProgram(table, programId) {
      const rows = await allPages(async (after) => (await sql<Row>`SELECT ${selectAll(table)} FROM ${sql.table(table)} WHERE program_id = ${programId} AND id > ${after} ORDER BY id LIMIT ${PAGE}`.execute(db)).rows);
      return rows.map((r) => ownRecord(table, r));
    },
    async programElections(programId) {
      const rows = await allPages(async (after) => (await sql<Row>`
        SELECT ${columnsAs('elections', 'e')}, ${columnsAs('election_reversals', 'r', 'r_')} FROM elections e
        LEFT JOIN election_reversals r ON r.election_id = e.id
        WHERE e.program_id = ${programId} AND e.id > ${after} ORDER BY e.id LIMIT ${PAGE}`.execute(db)).rows);
      return rows.map((row) => {
        const reversal = unprefixed(row, 'r_');
        return { election: intakeRecord('elections', row), reversal: reversal && intakeRecord('election_reversals', reversal) };
      });
    },
    async programPayments(programId) {
      const byPayment = await events(programId);
      const allocationRows = await allPages(async (after) => (await sql<Row>`
        SELECT ${columnsAs('payment_allocations', 'a')} FROM payment_allocations a JOIN payments p ON p.id = a.payment_id
        WHERE p.program_id = ${programId} AND a.id > ${after} AND NOT ${carriedOn} ORDER BY a.id LIMIT ${PAGE}`.execute(db)).rows);
      const allocations = new Map<number, IntakeRecord<'payment_allocations'>[]>();
      for (const r of allocationRows) {
        const a = intakeRecord('payment_allocations', r);
        allocations.set(a.paymentId, [...(allocations.get(a.paymentId) ?? []), a]);
      }
      // A payment reversed as keyed wrong (migration 20) applies to nothing: its replacement does.
      const rows = await allPages(async (after) => (await sql<Row>`
        SELECT ${columnsAs('payments', 'p')} FROM payments p WHERE p.program_id = ${programId} AND p.id > ${after}
          AND NOT EXISTS (SELECT 1 FROM payment_reversals x WHERE x.payment_id = p.id) ORDER BY p.id LIMIT ${PAGE}`.execute(db)).rows);
      const out: AppliedPayment[] = [];
      for (const row of rows) {
        const payment = intakeRecord('payments', row);
        const events = byPayment.get(payment.id) ?? [];
        const split = allocations.get(payment.id);
        // A split payment applies through its allocations only (those carried on by a further correction
        // left out); an unsplit one through its own election or order.
        if (split) for (const allocation of split) out.push({ payment, allocation, electionId: allocation.electionId, oddLotOrderId: null, applied: allocation.amount, events });
        else out.push({ payment, allocation: null, electionId: payment.electionId, oddLotOrderId: payment.oddLotOrderId, applied: payment.amount, events });
      }
      return out;
    },
    async programEnvelopes(programId) {
      const rows = await allPages(async (after) => (await sql<Row>`
        SELECT ${columnsAs('envelopes', 'v')} FROM envelopes v JOIN mail_batches b ON b.id = v.batch_id
        WHERE b.program_id = ${programId} AND v.id > ${after} ORDER BY v.id LIMIT ${PAGE}`.execute(db)).rows);
      return rows.map((r) => intakeRecord('envelopes', r));
    },
    async programOddLotOrders(programId) {
      const rows = await allPages(async (after) => (await sql<Row>`
        SELECT ${columnsAs('odd_lot_orders', 'o')} FROM odd_lot_orders o WHERE o.program_id = ${programId} AND o.id > ${after} ORDER BY o.id LIMIT ${PAGE}`.execute(db)).rows);
      return rows.map((r) => intakeRecord('odd_lot_orders', r));
    },
    async programStops(programId) {
      const rows = await db.selectFrom('certificate_events as v').innerJoin('certificates as c', 'c.id', 'v.certificate_id')
        .select(['v.certificate_id', (eb) => eb.fn.min('v.at').as('first')]).where('c.program_id', '=', programId).where('v.kind', '=', 'stopped')
        .groupBy('v.certificate_id').execute();
      return new Map(rows.map((r) => [Number(r.certificate_id), String(r.first)]));
    },
    async certificatesByIds(ids) {
      const unique = [...new Set(ids)];
      const out = [];
      for (let i = 0; i < unique.length; i += IN_CHUNK) {
        const rows = await db.selectFrom('certificates').select([...CERTIFICATE_COLUMNS]).where('id', 'in', unique.slice(i, i + IN_CHUNK)).execute();
        out.push(...rows.map(toCertificate));
      }
      return out;
    },
    async insert(table, record) {
      const { rows } = await db.executeQuery<Row>(db.insertInto(table).values(own.toRow(table, record as Row) as never).returning('id' as never).compile());
      const id = Number(rows[0]?.id);
      log.wrote(table, id);
      return id;
    },
  };
}
