// Property: whatever a batch holds, its control figures are the sums of the rows keyed into it —
// items per envelope, shares written, payments by method to the cent — and it balances exactly
// when every envelope's stated count equals what was keyed from it.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { formatCents, toUtcIso, wallTimeToInstant } from '../../../../shared/domain';
import type { BookStore, NewIntakeRow } from '../../store/port';
import { xoIntakeBook, type IntakeBook } from '../../testing/intake-rows-fixture';
import { storeKit, type StoreKit } from '../../testing/store-kit';
import { actorOf } from '../views';
import { batchControl } from './batch-control';

const METHODS = ['check', 'certified-check', 'bank-draft', 'money-order', 'wire', 'dtc'] as const;
const ODD_LOT_ACCOUNTS = ['H-1001', 'H-1002', 'H-1003', 'H-1004', 'H-1005'];

const payment = fc.record({ method: fc.constantFrom(...METHODS), cents: fc.integer({ min: 1, max: 99_999_999 }) });
const item = fc.oneof(
  fc.record({ kind: fc.constant('form' as const), basic: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }), oversub: fc.integer({ min: 0, max: 5 }), signed: fc.boolean(), payments: fc.array(payment, { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('dtc' as const), basic: fc.integer({ min: 0, max: 5 }), oversub: fc.integer({ min: 0, max: 3 }), signed: fc.constant(true), payments: fc.array(payment, { maxLength: 2 }) }),
  fc.record({ kind: fc.constant('oddLot' as const), action: fc.constantFrom('sell' as const, 'buy-up' as const), shares: fc.integer({ min: 1, max: 99 }) }),
);
const envelope = fc.record({ items: fc.array(item, { minLength: 1, maxLength: 5 }), statedDelta: fc.constantFrom(0, 0, 0, -1, 1) });
const batch = fc.array(envelope, { minLength: 1, maxLength: 4 });

type Envelope = typeof envelope extends fc.Arbitrary<infer T> ? T : never;

let kit: StoreKit | undefined;
afterEach(async () => {
  await kit?.cleanup();
  kit = undefined;
});

/** At most one odd-lot order per account (the schema's rule): later ones are dropped. */
function oneOrderPerAccount(envelopes: readonly Envelope[]): Envelope[] {
  let orders = 0;
  return envelopes.map((e) => ({ ...e, items: e.items.filter((it) => it.kind !== 'oddLot' || orders++ < ODD_LOT_ACCOUNTS.length) })).filter((e) => e.items.length > 0);
}

/** Writes the generated batch into the book in one change, as rows of the intake tables. */
async function writeBatch(store: BookStore, book: IntakeBook, envelopes: readonly Envelope[]): Promise<number> {
  const entries = await store.read((r) => Promise.all(ODD_LOT_ACCOUNTS.map((a) => r.register.byAccount(book.programId, a))));
  const user = book.supervisor.id;
  return store.change(actorOf(book.supervisor), 'test.batch', async (tx, at) => {
    const batchId = await tx.intake.insert('mail_batches', { programId: book.programId, receiptDate: '2003-11-20', label: 'Random mail', openedAt: at, openedBy: user });
    let oddLots = 0;
    let voi = 0;
    for (const [i, e] of envelopes.entries()) {
      const stated = Math.max(1, e.items.length + e.statedDelta);
      const envelopeId = await tx.intake.insert('envelopes', { batchId, seq: i + 1, source: 'mail', stampedLocal: '2003-11-20T09:15', receivedAt: toUtcIso(wallTimeToInstant('2003-11-20T09:15')), itemCount: stated, createdAt: at, createdBy: user });
      for (const it of e.items) {
        if (it.kind === 'oddLot') {
          const entry = entries[oddLots++]?.[0];
          if (!entry) throw new Error('no register entry for an odd-lot order');
          await tx.intake.insert('odd_lot_orders', { programId: book.programId, batchId, envelopeId, entryId: entry.id, account: entry.account, action: it.action, shares: it.shares, orderedAt: at, orderDate: '2003-11-20', orderPrice: null, keyedAt: at, keyedBy: user });
          continue;
        }
        const dtc = it.kind === 'dtc';
        const row: NewIntakeRow<'elections'> = {
          programId: book.programId, batchId, envelopeId, kind: it.kind, certificateId: book.certificates.get(dtc ? 'RT-000005' : 'RT-000004')!.id,
          basicShares: it.basic, oversubscriptionShares: it.oversub, facts: { signed: it.signed },
          voiNumber: dtc ? `VOI-${++voi}` : null, participantNumber: dtc ? '0352' : null, participantName: dtc ? 'Broker One' : null, rightsSurrendered: dtc ? 5 : null,
          correctsId: null, keyedAt: at, keyedBy: user,
        };
        const electionId = await tx.intake.insert('elections', row);
        for (const p of it.payments) {
          await tx.intake.insert('payments', { programId: book.programId, batchId, envelopeId, electionId, oddLotOrderId: null, method: p.method, amount: formatCents(p.cents), checkNumber: null, abaRouting: null, bankAccount: null, payer: 'Holder', reference: null, keyedAt: at, keyedBy: user });
        }
      }
    }
    return { payload: { batchId }, result: batchId };
  });
}

describe('batch control figures, for any batch', () => {
  it('equal the sums of the rows keyed, and balance exactly when every envelope does', async () => {
    await fc.assert(
      fc.asyncProperty(batch, async (generated) => {
        const envelopes = oneOrderPerAccount(generated);
        kit = await storeKit();
        const store = await kit.open();
        try {
          const book = await xoIntakeBook(store);
          const batchId = await writeBatch(store, book, envelopes);
          const f = (await store.read((r) => batchControl(r, batchId))).figures;
          const items = envelopes.flatMap((e) => e.items);
          const elections = items.filter((it) => it.kind !== 'oddLot');
          const payments = elections.flatMap((it) => it.payments);
          expect(f.envelopes.map((e) => e.keyed.total)).toEqual(envelopes.map((e) => e.items.length));
          expect(f.items).toMatchObject({ forms: items.filter((it) => it.kind === 'form').length, dtc: items.filter((it) => it.kind === 'dtc').length, oddLots: items.filter((it) => it.kind === 'oddLot').length, total: items.length });
          expect(f.shares.basicWritten).toBe(elections.reduce((n, it) => n + (it.basic ?? 0), 0));
          expect(f.shares.basicNotIndicated).toBe(elections.filter((it) => it.basic === null).length);
          expect(f.shares.oversubscriptionWritten).toBe(elections.reduce((n, it) => n + it.oversub, 0));
          const oddLotSum = (action: string) => items.reduce((n, it) => n + (it.kind === 'oddLot' && it.action === action ? it.shares : 0), 0);
          expect([f.shares.oddLotSell, f.shares.oddLotBuyUp]).toEqual([oddLotSum('sell'), oddLotSum('buy-up')]);
          for (const method of METHODS) {
            const of = payments.filter((p) => p.method === method);
            const line = f.methods.find((m) => m.method === method);
            if (of.length === 0) expect(line).toBeUndefined();
            else expect(line).toEqual({ method, payments: of.length, amount: formatCents(of.reduce((n, p) => n + BigInt(p.cents), 0n)) });
          }
          expect(f.amountTotal).toEqual({ method: 'total', payments: payments.length, amount: formatCents(payments.reduce((n, p) => n + BigInt(p.cents), 0n)) });
          const unsigned = elections.filter((it) => !it.signed).length;
          expect(f.deficiencies.find((d) => d.code === 'UNSIGNED')?.items ?? 0).toBe(unsigned);
          expect(f.balanced).toBe(envelopes.every((e) => Math.max(1, e.items.length + e.statedDelta) === e.items.length));
        } finally {
          await store.close();
          await kit.cleanup();
          kit = undefined;
        }
      }),
      { numRuns: 12 },
    );
  });
});
