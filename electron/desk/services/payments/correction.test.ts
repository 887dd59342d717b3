import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PaymentKeyed } from '../../../../shared/ipc/intake-forms';
import type { BookStore } from '../../store/port';
import { keyElection, keyPayment, openBatch, paymentsBook, type PaymentsBook } from '../../testing/payments-fixture';
import { storeKit, type StoreKit } from '../../testing/store-kit';
import { batchControl } from '../intake/batch-control';
import { applyBankFile } from './bank-clearance';
import { FIXTURE_BANK, FIXTURE_BANK_LAYOUT, FIXTURE_HEADER, FIXTURE_LAYOUT } from './bank-fixture';
import { saveBankLayout } from './bank-layouts';
import { clearPayment, getPayment, returnPayment } from './clearance';
import { correctPayment } from './correction';
import { depositSlip } from './deposit-slip';
import { findPayments } from './find';
import { escrowLedger } from './ledger';

let kit: StoreKit;
let store: BookStore;
let book: PaymentsBook;
let where: { batchId: number; envelopeId: number };
let electionId: number;

const journal = () => store.read(async (r) => ({ count: await r.journal.count(), last: (await r.journal.list({ limit: 1 }))[0] }));
const rows = (table: string) => kit.raw(`SELECT * FROM ${table} ORDER BY id`);
const everything = async () => ({ journal: (await journal()).count, payments: await rows('payments'), ledger: await rows('ledger_entries'), reversals: await rows('payment_reversals') });

beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
  book = await paymentsBook(store);
  where = await openBatch(store, book, '2003-11-10');
  electionId = await keyElection(store, book, where, 0, 10);
});
afterEach(async () => kit.cleanup());

/** The check as the clerk keyed it: $500.00 where the check says $50.00. */
const misKeyed = () => keyPayment(store, book, where, { method: 'check', amount: '500.00', checkNumber: '1001', abaRouting: '021000021', bankAccount: '12345678', electionId });
const asOnTheCheck: PaymentKeyed = { method: 'check', amount: '50.00', checkNumber: '1001', abaRouting: '021000021', bankAccount: '12345678', payer: 'Zofia Łódź-Nowak' };

describe('correcting a mis-keyed payment', () => {
  it('reverses it and keys the right one in one journaled change; the ledger, the slip and batch control follow, and the ledger ties', async () => {
    const wrong = await misKeyed();
    const before = (await journal()).count;
    const corrected = await correctPayment(store, book.clerk, { paymentId: wrong, reason: 'Amount keyed as 500.00, the check says 50.00', replacement: asOnTheCheck });
    expect(corrected.reversedId).toBe(wrong);
    expect(corrected.replacement).toMatchObject({ amount: '50.00', checkNumber: '1001', electionId, status: 'received', goodFunds: false });
    const { count, last } = await journal();
    expect(count).toBe(before + 1);
    expect(last).toMatchObject({
      action: 'payment.corrected', username: 'carl',
      payload: { paymentId: wrong, reason: 'Amount keyed as 500.00, the check says 50.00', reversed: { amount: '500.00' }, replacement: { paymentId: corrected.replacement!.id, amount: '50.00' } },
    });
    expect((await rows('payment_reversals')).map((x) => [Number(x['payment_id']), Number(x['replaced_by'])])).toEqual([[wrong, corrected.replacement!.id]]);
    expect((await rows('ledger_entries')).map((e) => [e['kind'], e['amount'], e['business_date'], Number(e['payment_id'])])).toEqual([
      ['deposited', '500.00', '2003-11-10', wrong],
      ['deposited', '50.00', '2003-11-10', corrected.replacement!.id],
      ['reversed', '500.00', '2003-11-10', wrong],
    ]);
    const ledger = await escrowLedger(store, book.programId);
    expect(ledger.totals).toMatchObject({ pending: '50.00', good: '0.00', held: '50.00' });
    expect(ledger.tieOut).toMatchObject({ ties: true, differences: [] });
    expect(ledger.byDay).toEqual([expect.objectContaining({ businessDate: '2003-11-10', moved: expect.objectContaining({ deposited: '550.00', reversed: '500.00' }) })]);
    const slip = await depositSlip(store, where.batchId);
    expect([slip.count, slip.total, slip.methods.map((m) => [m.method, m.count, m.total])]).toEqual([1, '50.00', [['check', 1, '50.00']]]);
    const control = await store.read((r) => batchControl(r, where.batchId));
    expect(control.figures.amountTotal).toMatchObject({ payments: 1, amount: '50.00' });
    expect((await findPayments(store, book.programId, { checkNumber: '1001', status: 'any' }, 100)).map((p) => p.id)).toEqual([corrected.replacement!.id]);
  });

  it('clears the replacement from the bank file; the reversed payment is matched by nothing and cannot be cleared', async () => {
    const wrong = await misKeyed();
    const { replacement } = await correctPayment(store, book.clerk, { paymentId: wrong, reason: 'Amount mis-keyed', replacement: asOnTheCheck });
    await saveBankLayout(store, book.supervisor, { bank: FIXTURE_BANK, name: FIXTURE_LAYOUT, spec: FIXTURE_BANK_LAYOUT });
    const file = kit.dir.file('clearance.csv');
    writeFileSync(file, [FIXTURE_HEADER, '1001,12345678,50.00,11/12/2003,PAID,,', ''].join('\r\n'));
    const report = await applyBankFile(store, book.clerk, { programId: book.programId, bank: FIXTURE_BANK, layout: FIXTURE_LAYOUT, file, fileName: 'clearance.csv' });
    expect(report).toMatchObject({ lines: 1, cleared: 1, clearedAmount: '50.00', unmatched: [] });
    expect((await getPayment(store, replacement!.id)).status).toBe('cleared');
    await expect(clearPayment(store, book.clerk, { paymentId: wrong, businessDate: '2003-11-12' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/reversed as keyed wrong .*nothing to clear; payment #\d+ replaced it/) });
    const ledger = await escrowLedger(store, book.programId);
    expect(ledger.totals).toMatchObject({ pending: '0.00', good: '50.00', held: '50.00' });
    expect(ledger.tieOut.ties).toBe(true);
  });

  it('reverses a payment that should not have been keyed at all, a money order good on receipt', async () => {
    const money = await keyPayment(store, book, where, { method: 'money-order', amount: '25.00', checkNumber: '70012', electionId });
    const corrected = await correctPayment(store, book.clerk, { paymentId: money, reason: 'Keyed twice: the envelope held one money order', replacement: null });
    expect(corrected).toEqual({ reversedId: money, replacement: null });
    const ledger = await escrowLedger(store, book.programId);
    expect(ledger.totals).toMatchObject({ pending: '0.00', good: '0.00', held: '0.00' });
    expect(ledger.tieOut.ties).toBe(true);
    expect((await depositSlip(store, where.batchId)).count).toBe(0);
  });

  it('refuses what cannot simply be reversed, saying what to do instead, and leaves the book exactly as it was', async () => {
    const cleared = await misKeyed();
    await clearPayment(store, book.clerk, { paymentId: cleared, businessDate: '2003-11-12' });
    const returned = await keyPayment(store, book, where, { method: 'check', amount: '80.00', checkNumber: '1002', abaRouting: '021000021', bankAccount: '12345678', electionId });
    await returnPayment(store, book.clerk, { paymentId: returned, businessDate: '2003-11-12', reason: 'NSF' });
    const open = await keyPayment(store, book, where, { method: 'check', amount: '90.00', checkNumber: '1003', abaRouting: '021000021', bankAccount: '12345678', electionId });
    await correctPayment(store, book.clerk, { paymentId: open, reason: 'Amount mis-keyed', replacement: { ...asOnTheCheck, checkNumber: '1003', amount: '9.00' } });
    const book0 = await everything();
    const refusals = [
      [cleared, /cleared on 2003-11-12: its money is in escrow and cannot be reversed; a supervisor applies it .*refunded/],
      [returned, /was returned on 2003-11-12 \(NSF\): it is already out of what is held; key the holder’s new payment as a payment of its own/],
      [open, /was already reversed \(Amount mis-keyed\): correct payment #\d+, which replaced it/],
    ] as const;
    for (const [paymentId, message] of refusals) {
      await expect(correctPayment(store, book.clerk, { paymentId, reason: 'again', replacement: asOnTheCheck })).rejects.toMatchObject({ code: 'CONFLICT', field: 'paymentId', message: expect.stringMatching(message) });
    }
    await expect(correctPayment(store, book.clerk, { paymentId: 999, reason: 'x', replacement: null })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(correctPayment(store, book.clerk, { paymentId: cleared, reason: '  ', replacement: null })).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'reason' });
    expect(await everything()).toEqual(book0);
    expect((await escrowLedger(store, book.programId)).tieOut.ties).toBe(true);
  });

  it('takes two desks correcting one payment at once in turn: one corrects it, the other is told', async () => {
    const wrong = await misKeyed();
    const other = await kit.open();
    try {
      const outcomes = await Promise.allSettled([
        correctPayment(store, book.clerk, { paymentId: wrong, reason: 'Mine', replacement: asOnTheCheck }),
        correctPayment(other, book.supervisor, { paymentId: wrong, reason: 'Theirs', replacement: asOnTheCheck }),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already reversed/) });
    } finally {
      await other.close();
    }
    expect(await rows('payment_reversals')).toHaveLength(1);
    expect((await escrowLedger(store, book.programId)).tieOut.ties).toBe(true);
  });
});
