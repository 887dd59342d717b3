import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BookStore } from '../../store/port';
import { keyElection, keyPayment, openBatch, paymentsBook, type PaymentsBook } from '../../testing/payments-fixture';
import { storeKit, type StoreKit } from '../../testing/store-kit';
import { actorOf } from '../views';
import { applyBankFile } from './bank-clearance';
import { FIXTURE_BANK, FIXTURE_BANK_LAYOUT, FIXTURE_HEADER, FIXTURE_LAYOUT } from './bank-fixture';
import { listBankLayouts, saveBankLayout } from './bank-layouts';
import { clearPayment, getPayment, returnPayment } from './clearance';
import { depositSlip } from './deposit-slip';
import { findPayments } from './find';
import { escrowLedger } from './ledger';
import { splitPayment } from './split';

let kit: StoreKit;
let store: BookStore;
let book: PaymentsBook;
let where: { batchId: number; envelopeId: number };

const journal = () => store.read(async (r) => ({ count: await r.journal.count(), last: (await r.journal.list({ limit: 1 }))[0] }));
const rows = (table: string) => kit.raw(`SELECT * FROM ${table} ORDER BY id`);

beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
  book = await paymentsBook(store);
  where = await openBatch(store, book, '2003-11-10');
});
afterEach(async () => kit.cleanup());

const check = (checkNumber: string, amount = '615.00', extra: Record<string, string> = {}) => keyPayment(store, book, where, { method: 'check', amount, checkNumber, abaRouting: '021000021', bankAccount: '12345678', ...extra });

describe('clearing and returning one payment', () => {
  it('clears a check: its event and its ledger entry in one journaled change, and it becomes good funds', async () => {
    const id = await check('1001');
    const before = (await journal()).count;
    const view = await clearPayment(store, book.clerk, { paymentId: id, businessDate: '2003-11-12' });
    expect(view).toMatchObject({ id, status: 'cleared', statusDate: '2003-11-12', goodFunds: true, clears: true });
    const { count, last } = await journal();
    expect(count).toBe(before + 1);
    expect(last).toMatchObject({ action: 'payment.cleared', username: 'carl', payload: { paymentId: id, amount: '615.00', businessDate: '2003-11-12', after: { status: 'cleared' } } });
    expect((await rows('payment_events')).map((e) => [Number(e['payment_id']), e['kind'], e['business_date']])).toEqual([[id, 'cleared', '2003-11-12']]);
    expect((await rows('ledger_entries')).map((e) => [e['kind'], e['amount'], e['business_date']])).toEqual([['deposited', '615.00', '2003-11-10'], ['cleared', '615.00', '2003-11-12']]);
  });

  it('returns a check with its reason: never good funds, and the ledger moves it out of what is held', async () => {
    const id = await check('1002', '100.00');
    const view = await returnPayment(store, book.clerk, { paymentId: id, businessDate: '2003-11-13', reason: 'NSF' });
    expect(view).toMatchObject({ status: 'returned', returnReason: 'NSF', goodFunds: false });
    const ledger = await escrowLedger(store, book.programId);
    expect(ledger.totals).toMatchObject({ pending: '0.00', good: '0.00', returned: '100.00', held: '0.00' });
    expect(ledger.tieOut.ties).toBe(true);
  });

  it('refuses what cannot settle, leaving the book exactly as it was', async () => {
    const cleared = await check('1003');
    await clearPayment(store, book.clerk, { paymentId: cleared, businessDate: '2003-11-12' });
    const money = await keyPayment(store, book, where, { method: 'money-order', amount: '50.00', checkNumber: 'MO-77' });
    const open = await check('1004');
    const before = (await journal()).count;
    const refusals = [
      [() => clearPayment(store, book.clerk, { paymentId: cleared, businessDate: '2003-11-13' }), 'CONFLICT', /check 1003 \(\$615\.00\) is already cleared \(on 2003-11-12\)/],
      [() => returnPayment(store, book.clerk, { paymentId: cleared, businessDate: '2003-11-13', reason: 'NSF' }), 'CONFLICT', /already cleared/],
      [() => clearPayment(store, book.clerk, { paymentId: money, businessDate: '2003-11-12' }), 'CONFLICT', /money order MO-77 \(\$50\.00\) is good funds on receipt \(§6a\): there is nothing to clear/],
      [() => clearPayment(store, book.clerk, { paymentId: open, businessDate: '2003-11-15' }), 'INVALID_INPUT', /Cleared on: 2003-11-15 is a weekend/],
      [() => clearPayment(store, book.clerk, { paymentId: open, businessDate: '2003-11-11' }), 'INVALID_INPUT', /2003-11-11 is a Federal Reserve holiday/],
      [() => clearPayment(store, book.clerk, { paymentId: open, businessDate: '2003-11-07' }), 'INVALID_INPUT', /before the payment was received \(2003-11-10\)/],
      [() => returnPayment(store, book.clerk, { paymentId: open, businessDate: '2003-11-12', reason: '  ' }), 'INVALID_INPUT', /Reason for the return is required/],
      [() => clearPayment(store, book.clerk, { paymentId: 999, businessDate: '2003-11-12' }), 'NOT_FOUND', /no such payment/],
    ] as const;
    for (const [attempt, code, message] of refusals) await expect(attempt()).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    expect((await journal()).count).toBe(before);
    expect(await getPayment(store, open)).toMatchObject({ status: 'received', goodFunds: false });
  });

  it('lets one of two desks settle a payment at the same moment and tells the other plainly', async () => {
    const id = await check('1005');
    const other = await kit.open();
    const results = await Promise.allSettled([
      clearPayment(store, book.clerk, { paymentId: id, businessDate: '2003-11-12' }),
      returnPayment(other, book.supervisor, { paymentId: id, businessDate: '2003-11-12', reason: 'Stop payment' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failure = results.find((r) => r.status === 'rejected');
    expect(failure?.reason).toMatchObject({ code: 'CONFLICT' });
    expect(await rows('payment_events')).toHaveLength(1);
    expect((await escrowLedger(store, book.programId)).tieOut.ties).toBe(true);
  });
});

describe('a bank clearance file', () => {
  it('clears and returns what it names in one change, records the file, and reports the lines that did not match', async () => {
    const cleared = await check('1001', '615.00');
    const returned = await check('1002', '100.00');
    const wire = await keyPayment(store, book, where, { method: 'wire', amount: '3075.00', reference: 'FED-20031110-0042' });
    await keyPayment(store, book, where, { method: 'money-order', amount: '50.00', checkNumber: '77' });
    await saveBankLayout(store, book.supervisor, { bank: FIXTURE_BANK, name: FIXTURE_LAYOUT, spec: FIXTURE_BANK_LAYOUT });
    const file = kit.dir.file('clearance-20031112.csv');
    writeFileSync(file, [FIXTURE_HEADER, '1001,12345678,615.00,11/12/2003,PAID,,', '1002,12345678,100.00,11/12/2003,RETURNED,NSF,', ',,3075.00,11/12/2003,COLLECTED,,FED-20031110-0042', '9999,12345678,20.00,11/12/2003,PAID,,', '77,,50.00,11/12/2003,PAID,,', ''].join('\r\n'));
    const before = (await journal()).count;
    const report = await applyBankFile(store, book.clerk, { programId: book.programId, bank: FIXTURE_BANK, layout: FIXTURE_LAYOUT, file, fileName: 'clearance-20031112.csv' });
    expect(report).toMatchObject({ lines: 5, cleared: 2, returned: 1, clearedAmount: '3690.00', returnedAmount: '100.00' });
    expect(report.unmatched.map((u) => [u.line, u.code])).toEqual([[5, 'NO_SUCH_CHECK'], [6, 'DOES_NOT_CLEAR']]);
    expect((await getPayment(store, cleared)).status).toBe('cleared');
    expect(await getPayment(store, returned)).toMatchObject({ status: 'returned', returnReason: 'NSF' });
    expect((await getPayment(store, wire)).goodFunds).toBe(true);
    const { count, last } = await journal();
    expect(count).toBe(before + 1);
    expect(last).toMatchObject({ action: 'payments.bankFileRead', payload: { sha256: report.sha256, lines: 5, unmatched: [{ line: 5, code: 'NO_SUCH_CHECK' }, { line: 6, code: 'DOES_NOT_CLEAR' }] } });
    expect(await rows('bank_files')).toEqual([expect.objectContaining({ file_sha256: report.sha256, layout: `${FIXTURE_LAYOUT} v1`, matched: 3, unmatched: 2 })]);
    expect((await rows('payment_events')).every((e) => Number(e['bank_file_id']) === report.bankFileId)).toBe(true);
    const ledger = await escrowLedger(store, book.programId);
    expect(ledger.tieOut).toMatchObject({ ties: true, differences: [] });
    expect(ledger.totals).toMatchObject({ pending: '0.00', good: '3740.00', returned: '100.00', held: '3740.00' });

    await expect(applyBankFile(store, book.clerk, { programId: book.programId, bank: FIXTURE_BANK, layout: FIXTURE_LAYOUT, file, fileName: 'again.csv' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already read .* as bank file #\d+ \(clearance-20031112\.csv\)/) });
    expect((await journal()).count).toBe(before + 1);
  });

  it('refuses an unknown layout and an unreadable file, writing nothing', async () => {
    await saveBankLayout(store, book.supervisor, { bank: FIXTURE_BANK, name: FIXTURE_LAYOUT, spec: FIXTURE_BANK_LAYOUT });
    const second = await saveBankLayout(store, book.supervisor, { bank: FIXTURE_BANK, name: FIXTURE_LAYOUT, spec: { ...FIXTURE_BANK_LAYOUT, dateFormat: 'YYYY-MM-DD' } });
    expect(second.version).toBe(2);
    expect(await listBankLayouts(store)).toEqual([expect.objectContaining({ version: 2, spec: expect.objectContaining({ dateFormat: 'YYYY-MM-DD' }) })]);
    const before = (await journal()).count;
    const file = kit.dir.file('bad.csv');
    writeFileSync(file, 'Cheque,Amount\n1,2\n');
    const input = { programId: book.programId, bank: FIXTURE_BANK, layout: FIXTURE_LAYOUT, file, fileName: 'bad.csv' };
    await expect(applyBankFile(store, book.clerk, { ...input, layout: 'weekly' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: `Layout name: there is no layout "weekly" for ${FIXTURE_BANK}; ${FIXTURE_BANK} has "${FIXTURE_LAYOUT}"` });
    await expect(applyBankFile(store, book.clerk, input)).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'file', message: expect.stringMatching(/bad\.csv: the header has no column "Check No"/) });
    expect((await journal()).count).toBe(before);
  });
});

describe('a supervisor splits a payment across elections', () => {
  it('refuses a clerk, parts that do not sum to the cent, and a second split; saves an exact one with its reason', async () => {
    const first = await keyElection(store, book, where, 0, 10);
    const second = await keyElection(store, book, where, 3, 5);
    const id = await check('2001', '1000.00', {});
    const reason = 'One check paid for two certificates of the same holder';
    const parts = [{ electionId: first, amount: '600.00' }, { electionId: second, amount: '400.00' }];
    await expect(splitPayment(store, book.clerk, { paymentId: id, allocations: parts, reason })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(splitPayment(store, book.supervisor, { paymentId: id, allocations: [parts[0]!, { electionId: second, amount: '399.99' }], reason })).rejects.toMatchObject({
      code: 'INVALID_INPUT', field: 'allocations', message: 'Allocations: they add up to $999.99, the payment is $1000.00 ($0.01 short)',
    });
    await expect(splitPayment(store, book.supervisor, { paymentId: id, allocations: [parts[0]!, { electionId: 999, amount: '400.00' }], reason })).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'allocations.1.electionId' });
    const view = await splitPayment(store, book.supervisor, { paymentId: id, allocations: parts, reason });
    expect(view.allocations).toEqual(parts);
    expect((await journal()).last).toMatchObject({ action: 'payment.split', username: 'sam', payload: { reason, allocations: parts } });
    await expect(splitPayment(store, book.supervisor, { paymentId: id, allocations: parts, reason })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already split across 2 elections/) });
    expect((await escrowLedger(store, book.programId)).tieOut.ties).toBe(true);
  });
});

describe('the escrow ledger and the deposit slip', () => {
  it('balances by day, method and status, and shows a ledger that does not tie with each difference named', async () => {
    const a = await check('3001', '615.00');
    await keyPayment(store, book, where, { method: 'money-order', amount: '50.25', checkNumber: 'MO-1' });
    await keyPayment(store, book, where, { method: 'dtc', amount: '12300.00', reference: 'VOI-778' });
    await clearPayment(store, book.clerk, { paymentId: a, businessDate: '2003-11-12' });
    const ledger = await escrowLedger(store, book.programId);
    expect(ledger.byDay.map((d) => [d.businessDate, d.moved['deposited'], d.closing.pending, d.closing.good])).toEqual([
      ['2003-11-10', '12965.25', '12915.00', '50.25'],
      ['2003-11-12', '0.00', '12300.00', '665.25'],
    ]);
    expect(ledger.byMethod.find((m) => m.method === 'dtc')).toMatchObject({ pending: '12300.00', good: '0.00' });
    expect(ledger.tieOut.ties).toBe(true);

    // An entry written outside any payment's clearance (here through the store, as a faulty writer would).
    await store.change(actorOf(book.supervisor), 'test.strayEntry', async (tx, at) => {
      await tx.intake.insert('ledger_entries', { programId: book.programId, kind: 'cleared', method: 'dtc', amount: '12300.00', businessDate: '2003-11-13', paymentId: null, electionId: null, memo: 'stray', at, createdBy: null });
      return { payload: {}, result: null };
    });
    const broken = await escrowLedger(store, book.programId);
    expect(broken.tieOut.ties).toBe(false);
    expect(broken.tieOut.differences).toEqual([expect.objectContaining({ code: 'ENTRY_WITHOUT_PAYMENT', message: expect.stringMatching(/\(cleared, \$12300\.00\) names no payment/) })]);
  });

  it('lists the batch\'s items by method with totals to the cent, and finds payments by number, amount, payer and state', async () => {
    await check('4001', '615.00');
    await check('004002', '0.10', { payer: 'Jürgen Müller' });
    await keyPayment(store, book, where, { method: 'money-order', amount: '0.20', checkNumber: 'MO-9' });
    const slip = await depositSlip(store, where.batchId);
    expect(slip).toMatchObject({ receiptDate: '2003-11-10', count: 3, total: '615.30' });
    expect(slip.methods.map((m) => [m.method, m.count, m.total])).toEqual([['check', 2, '615.10'], ['money-order', 1, '0.20']]);
    expect(slip.methods[0]!.items[0]).toMatchObject({ checkNumber: '4001', abaRouting: '021000021', bankAccount: '12345678' });
    const find = (filter: Parameters<typeof findPayments>[2]) => findPayments(store, book.programId, filter, 50).then((l) => l.map((p) => p.checkNumber));
    expect(await find({ checkNumber: '4002' })).toEqual(['004002']);
    expect(await find({ amount: '615.00' })).toEqual(['4001']);
    expect(await find({ payer: 'müll' })).toEqual(['004002']);
    expect(await find({ payer: '%' })).toEqual([]);
    expect(await find({ status: 'received' })).toEqual(['MO-9', '004002', '4001']);
    expect(await find({ status: 'cleared' })).toEqual([]);
  });
});
