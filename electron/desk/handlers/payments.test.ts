import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XO_TERMS_JSON } from '../../../shared/domain/testing/terms';
import { FIXTURE_BANK, FIXTURE_BANK_LAYOUT, FIXTURE_HEADER, FIXTURE_LAYOUT } from '../services/payments/bank-fixture';
import { openStore } from '../store/open-store';
import { staffedDesk, type DeskFixture } from '../testing/desk-harness';
import { keyElection, keyPayment, openBatch, paymentsBookOf } from '../testing/payments-fixture';
import { writeRegister, XO_CUSIP } from '../testing/xo-register-fixture';

let f: DeskFixture;
let programId: number;
let ids: { check: number; other: number; election: number; second: number; batchId: number };

beforeEach(async () => {
  f = await staffedDesk();
  const sue = await f.signInAs('sue');
  programId = (await f.value('programs.create', { kind: 'rights-offering', name: 'XO Rights', issuer: 'XO Communications, Inc.', cusip: XO_CUSIP, recordDate: '2003-10-10' })).id;
  await f.value('terms.record', { programId, reason: 'Original terms', terms: XO_TERMS_JSON });
  const store = await openStore(f.bookPath, { now: f.clock.now, mode: 'open' });
  try {
    await writeRegister(store, { programId, supervisor: sue });
    await f.desk.whenFinished((await f.value('certificates.issue', { programId })).jobId);
    const carl = await f.signInAs('carl');
    const book = await paymentsBookOf(store, programId, sue, carl);
    const where = await openBatch(store, book, '2003-11-10');
    const election = await keyElection(store, book, where, 0, 10);
    const second = await keyElection(store, book, where, 3, 10);
    const check = await keyPayment(store, book, where, { method: 'check', amount: '615.00', checkNumber: '1001', bankAccount: '12345678', electionId: election });
    const other = await keyPayment(store, book, where, { method: 'check', amount: '100.00', checkNumber: '1002', bankAccount: '12345678', electionId: second });
    ids = { check, other, election, second, batchId: where.batchId };
  } finally {
    await store.close();
  }
});
afterEach(async () => f.close());

describe('payments channels', () => {
  it('lets a clerk find, clear and return payments, validating every input and naming the field', async () => {
    expect((await f.value('payments.find', { programId, checkNumber: '1001' })).map((p) => p.id)).toEqual([ids.check]);
    expect((await f.value('payments.find', { programId, amount: '$1,00.0' })).map((p) => p.id)).toEqual([ids.other]);
    await f.refused('payments.find', { programId, amount: '12.345' }, 'INVALID_INPUT', 'amount');
    await f.refused('payments.clear', { paymentId: ids.check, businessDate: '2003-02-30' }, 'INVALID_INPUT', 'businessDate');
    await f.refused('payments.clear', { paymentId: ids.check, businessDate: '2003-11-15' }, 'INVALID_INPUT', 'businessDate');
    await f.refused('payments.return', { paymentId: ids.other, businessDate: '2003-11-12' }, 'INVALID_INPUT', 'reason');
    expect(await f.value('payments.clear', { paymentId: ids.check, businessDate: '2003-11-12' })).toMatchObject({ status: 'cleared', goodFunds: true });
    expect(await f.value('payments.return', { paymentId: ids.other, businessDate: '2003-11-12', reason: 'NSF' })).toMatchObject({ status: 'returned', returnReason: 'NSF' });
    await f.refused('payments.clear', { paymentId: ids.check, businessDate: '2003-11-13' }, 'CONFLICT', 'paymentId');
    const ledger = await f.value('payments.ledger', { programId });
    expect(ledger).toMatchObject({ totals: { good: '615.00', returned: '100.00', held: '615.00' }, tieOut: { ties: true } });
    expect(await f.value('payments.depositSlip', { batchId: ids.batchId })).toMatchObject({ count: 2, total: '715.00' });
  });

  it('keeps the split and the bank layout to supervisors', async () => {
    const split = { paymentId: ids.check, allocations: [{ electionId: ids.election, amount: '515.00' }, { electionId: ids.second, amount: '100' }], reason: 'One check for two certificates of one holder' };
    await f.refused('payments.split', split, 'FORBIDDEN');
    await f.refused('payments.saveBankLayout', { bank: FIXTURE_BANK, name: FIXTURE_LAYOUT, spec: FIXTURE_BANK_LAYOUT }, 'FORBIDDEN');
    await f.signInAs('sue');
    await f.refused('payments.split', { ...split, reason: 'split' }, 'INVALID_INPUT', 'reason');
    await f.refused('payments.saveBankLayout', { bank: FIXTURE_BANK, name: FIXTURE_LAYOUT, spec: { ...FIXTURE_BANK_LAYOUT, dateFormat: 'DD.MM.YY' } }, 'INVALID_INPUT', 'spec.dateFormat');
    expect((await f.value('payments.split', split)).allocations).toEqual([{ electionId: ids.election, amount: '515.00' }, { electionId: ids.second, amount: '100.00' }]);
    expect(await f.value('payments.saveBankLayout', { bank: FIXTURE_BANK, name: FIXTURE_LAYOUT, spec: FIXTURE_BANK_LAYOUT })).toMatchObject({ version: 1 });
  });

  it('reads a bank file from main\'s dialog, reports the unmatched lines and saves them as CSV where main\'s dialog says', async () => {
    await f.signInAs('sue');
    await f.value('payments.saveBankLayout', { bank: FIXTURE_BANK, name: FIXTURE_LAYOUT, spec: FIXTURE_BANK_LAYOUT });
    await f.signInAs('carl');
    const file = f.dir.file('clearance.csv');
    writeFileSync(file, `${FIXTURE_HEADER}\n1001,12345678,615.00,11/12/2003,PAID,,\n1002,12345678,100.00,11/12/2003,NSF,Insufficient funds,\n1003,12345678,615.00,11/12/2003,PAID,,\n`);
    await f.refused('payments.readBankFile', { programId, bank: FIXTURE_BANK, layout: FIXTURE_LAYOUT }, 'CANCELLED');
    f.chooseOpen(file);
    const started = await f.value('payments.readBankFile', { programId, bank: FIXTURE_BANK, layout: FIXTURE_LAYOUT });
    const job = await f.desk.whenFinished(started.jobId);
    expect(job).toMatchObject({ kind: 'payments.bankFile', state: 'done', result: { cleared: 1, returned: 1, unmatched: 1 } });
    const report = await f.value('payments.bankFileReport', { jobId: started.jobId });
    expect(report).toMatchObject({ fileName: 'clearance.csv', lines: 3, cleared: 1, returned: 1, unmatched: [{ line: 4, code: 'NO_SUCH_CHECK' }] });
    const out = f.dir.file('unmatched.csv');
    f.chooseSave(out);
    expect(await f.value('payments.exportUnmatched', { bankFileId: report.bankFileId })).toEqual({ fileName: 'unmatched.csv', lines: 1 });
    expect(readFileSync(out, 'utf8').split('\r\n')[1]).toBe('4,1003,12345678,615.00,11/12/2003,PAID,,,NO_SUCH_CHECK,no payment with check number 1003 on account 12345678 in this program');
    expect((await f.value('payments.get', { paymentId: ids.other })).status).toBe('returned');

    // The same file again: the job fails in words, and nothing is applied twice.
    const before = await f.journalCount();
    f.chooseOpen(file);
    const again = await f.desk.whenFinished((await f.value('payments.readBankFile', { programId, bank: FIXTURE_BANK, layout: FIXTURE_LAYOUT })).jobId);
    expect(again).toMatchObject({ state: 'failed', error: { code: 'CONFLICT', message: expect.stringMatching(/already read/) } });
    expect(await f.journalCount()).toBe(before);
  });

  it('stops a bank file cancelled while it is read, leaving the book as it was', async () => {
    await f.signInAs('sue');
    await f.value('payments.saveBankLayout', { bank: FIXTURE_BANK, name: FIXTURE_LAYOUT, spec: FIXTURE_BANK_LAYOUT });
    const file = f.dir.file('big.csv');
    const lines = Array.from({ length: 60_000 }, (_, i) => `${9000 + i},12345678,615.00,11/12/2003,PAID,,`);
    writeFileSync(file, [FIXTURE_HEADER, '1001,12345678,615.00,11/12/2003,PAID,,', ...lines, ''].join('\n'));
    const before = await f.journalCount();
    f.chooseOpen(file);
    const started = await f.value('payments.readBankFile', { programId, bank: FIXTURE_BANK, layout: FIXTURE_LAYOUT });
    await f.value('jobs.cancel', { jobId: started.jobId });
    expect(await f.desk.whenFinished(started.jobId)).toMatchObject({ state: 'cancelled' });
    expect(await f.journalCount()).toBe(before);
    expect((await f.value('payments.get', { paymentId: ids.check })).status).toBe('received');
    await f.refused('payments.bankFileReport', { jobId: started.jobId }, 'NOT_FOUND', 'jobId');
  });
});
