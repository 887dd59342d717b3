import { sql, type Kysely } from 'kysely';
import type { EscrowMethod, LedgerKind } from '../../../../shared/domain/escrow';
import type { BankFileRecord, BankLayoutRecord, PaymentRecord, PaymentSettlement, PaymentsWriter } from '../port-payments';
import type { BookTables } from '../tables';

/** Ids per IN list: well under both stores' bound-parameter limits. */
const CHUNK = 400;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function paymentsRepo(db: Kysely<BookTables>): PaymentsWriter {
  const payments = () =>
    db
      .selectFrom('payments as p')
      .innerJoin('mail_batches as b', 'b.id', 'p.batch_id')
      .select([
        'p.id', 'p.program_id', 'p.batch_id', 'p.envelope_id', 'p.election_id', 'p.odd_lot_order_id', 'p.method', 'p.amount', 'p.check_number',
        'p.aba_routing', 'p.bank_account', 'p.payer', 'p.reference', 'p.keyed_at', 'p.keyed_by', 'b.receipt_date',
      ]);
  type Row = Awaited<ReturnType<ReturnType<typeof payments>['executeTakeFirstOrThrow']>>;
  const toPayment = (r: Row): PaymentRecord => ({
    id: Number(r.id), programId: Number(r.program_id), batchId: Number(r.batch_id), envelopeId: Number(r.envelope_id),
    electionId: r.election_id === null ? null : Number(r.election_id), oddLotOrderId: r.odd_lot_order_id === null ? null : Number(r.odd_lot_order_id),
    method: r.method as EscrowMethod, amount: r.amount, checkNumber: r.check_number, abaRouting: r.aba_routing, bankAccount: r.bank_account,
    payer: r.payer, reference: r.reference, keyedAt: r.keyed_at, keyedBy: Number(r.keyed_by), receiptDate: r.receipt_date,
  });
  const settledAs = (kind: PaymentSettlement) => sql<boolean>`exists (select 1 from payment_events e where e.payment_id = p.id and e.kind = ${kind})`;
  const unsettled = sql<boolean>`not exists (select 1 from payment_events e where e.payment_id = p.id)`;
  // A payment reversed as keyed wrong (migration 20) is no longer found, deposited or cleared; only the ledger's tie-out reads it.
  const live = sql<boolean>`not exists (select 1 from payment_reversals x where x.payment_id = p.id)`;

  const layouts = () => db.selectFrom('bank_layouts').select(['id', 'bank', 'name', 'version', 'spec', 'saved_at', 'saved_by']);
  const toLayout = (r: { id: number; bank: string; name: string; version: number; spec: string; saved_at: string; saved_by: number }): BankLayoutRecord => ({
    id: Number(r.id), bank: r.bank, name: r.name, version: Number(r.version), spec: JSON.parse(r.spec) as unknown, savedAt: r.saved_at, savedBy: Number(r.saved_by),
  });
  const bankFile = async (id: number): Promise<BankFileRecord | undefined> => {
    const r = await db.selectFrom('bank_files').selectAll().where('id', '=', id).executeTakeFirst();
    return (
      r && {
        id: Number(r.id), programId: Number(r.program_id), bank: r.bank, layout: r.layout, fileName: r.file_name, fileSha256: r.file_sha256,
        lines: Number(r.lines), matched: Number(r.matched), unmatched: Number(r.unmatched), readAt: r.read_at, readBy: Number(r.read_by),
      }
    );
  };
  const bankLayout = async (bank: string, name: string) => {
    const r = await layouts().where('bank', '=', bank).where('name', '=', name).orderBy('version', 'desc').limit(1).executeTakeFirst();
    return r && toLayout(r);
  };

  return {
    async byId(id) {
      const r = await payments().where('p.id', '=', id).executeTakeFirst();
      return r && toPayment(r);
    },
    async find(programId, filter, limit) {
      let q = payments().where('p.program_id', '=', programId).where(live);
      const check = filter.checkNumber?.trim();
      if (check) q = q.where(sql<boolean>`ltrim(p.check_number, '0') = ltrim(${check}, '0')`);
      if (filter.amount) q = q.where('p.amount', '=', filter.amount);
      // Keyed with the item, or applied to it by an allocation (a split's part, or a payment carried to a corrected item).
      const item = filter.electionId;
      if (item !== undefined) q = q.where((eb) => eb.or([eb('p.election_id', '=', item), eb.exists(eb.selectFrom('payment_allocations as a').select('a.id').whereRef('a.payment_id', '=', 'p.id').where('a.election_id', '=', item))]));
      const payer = filter.payer?.trim();
      if (payer) q = q.where(sql<boolean>`lower(p.payer) like ${likePattern(payer)} escape '\\'`);
      if (filter.status === 'received') q = q.where(unsettled);
      if (filter.status === 'cleared' || filter.status === 'returned') q = q.where(settledAs(filter.status));
      return (await q.orderBy('p.id', 'desc').limit(limit).execute()).map(toPayment);
    },
    clearable: async (programId) =>
      (await payments().where('p.program_id', '=', programId).where(live).where((eb) => eb.or([eb('p.check_number', 'is not', null), eb('p.reference', 'is not', null)])).orderBy('p.id').execute()).map(toPayment),
    ofBatch: async (batchId) => (await payments().where('p.batch_id', '=', batchId).where(live).orderBy('p.id').execute()).map(toPayment),
    ofProgram: async (programId) => (await payments().where('p.program_id', '=', programId).orderBy('p.id').execute()).map(toPayment),
    async events(programId, paymentIds) {
      const base = () => db.selectFrom('payment_events as e').innerJoin('payments as p', 'p.id', 'e.payment_id').selectAll('e').where('p.program_id', '=', programId);
      const rows = paymentIds === undefined ? await base().orderBy('e.id').execute() : (await Promise.all(chunks(paymentIds).map((ids) => base().where('e.payment_id', 'in', ids).orderBy('e.id').execute()))).flat();
      return rows.map((r) => ({
        id: Number(r.id), paymentId: Number(r.payment_id), kind: r.kind as PaymentSettlement, businessDate: r.business_date, reason: r.reason,
        bankFileId: r.bank_file_id === null ? null : Number(r.bank_file_id), at: r.at, createdBy: Number(r.created_by),
      }));
    },
    async allocations(programId, paymentIds) {
      const base = () => db.selectFrom('payment_allocations as a').innerJoin('payments as p', 'p.id', 'a.payment_id').selectAll('a').where('p.program_id', '=', programId);
      const rows = paymentIds === undefined ? await base().orderBy('a.id').execute() : (await Promise.all(chunks(paymentIds).map((ids) => base().where('a.payment_id', 'in', ids).orderBy('a.id').execute()))).flat();
      return rows.map((r) => ({ id: Number(r.id), paymentId: Number(r.payment_id), electionId: Number(r.election_id), amount: r.amount, reason: r.reason, allocatedAt: r.allocated_at, allocatedBy: Number(r.allocated_by) }));
    },
    async ledger(programId) {
      const rows = await db.selectFrom('ledger_entries').selectAll().where('program_id', '=', programId).orderBy('id').execute();
      return rows.map((r) => ({
        id: Number(r.id), programId: Number(r.program_id), kind: r.kind as LedgerKind, method: r.method as EscrowMethod, amount: r.amount, businessDate: r.business_date,
        paymentId: r.payment_id === null ? null : Number(r.payment_id), electionId: r.election_id === null ? null : Number(r.election_id), memo: r.memo, at: r.at,
        createdBy: r.created_by === null ? null : Number(r.created_by),
      }));
    },
    async batch(batchId) {
      const r = await db.selectFrom('mail_batches').select(['id', 'program_id', 'receipt_date', 'label']).where('id', '=', batchId).executeTakeFirst();
      return r && { id: Number(r.id), programId: Number(r.program_id), receiptDate: r.receipt_date, label: r.label };
    },
    async election(electionId) {
      const r = await db
        .selectFrom('elections as e')
        .leftJoin('election_reversals as x', 'x.election_id', 'e.id')
        .select(['e.program_id', 'x.id as reversal'])
        .where('e.id', '=', electionId)
        .executeTakeFirst();
      return r && { programId: Number(r.program_id), reversed: r.reversal !== null };
    },
    async bankLayouts() {
      const rows = await layouts().orderBy('bank').orderBy('name').orderBy('version', 'desc').execute();
      const newest = new Map<string, BankLayoutRecord>();
      for (const r of rows) if (!newest.has(`${r.bank}\u0000${r.name}`)) newest.set(`${r.bank}\u0000${r.name}`, toLayout(r));
      return [...newest.values()];
    },
    bankLayout,
    bankFile,
    // --- Payment corrections (migration 20) ---
    async reversals(programId) {
      const rows = await db
        .selectFrom('payment_reversals as x')
        .innerJoin('payments as p', 'p.id', 'x.payment_id')
        .selectAll('x')
        .where('p.program_id', '=', programId)
        .orderBy('x.id')
        .execute();
      return rows.map((r) => ({ id: Number(r.id), paymentId: Number(r.payment_id), replacedBy: r.replaced_by === null ? null : Number(r.replaced_by), reason: r.reason, reversedAt: r.reversed_at, reversedBy: Number(r.reversed_by) }));
    },
  };
}
