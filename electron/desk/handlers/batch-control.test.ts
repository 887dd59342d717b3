import { mkdirSync, readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XO_TERMS_JSON } from '../../../shared/domain/testing/terms';
import type { SessionUser } from '../../../shared/ipc/types';
import { openStore } from '../store/open-store';
import type { BookStore } from '../store/port';
import { staffedDesk, type DeskFixture } from '../testing/desk-harness';
import { addEnvelope, keyElection, openBatch, type IntakeBook } from '../testing/intake-rows-fixture';
import { pdfText } from '../testing/pdf-tools';
import { writeRegister, XO_CUSIP } from '../testing/xo-register-fixture';

let f: DeskFixture;
let batchId: number;
let envelopeTwo: number;
let electionId: number;
let book: IntakeBook;

/** Works on the book through a second connection, the way the intake screens' saves write it. */
async function onBook<T>(body: (store: BookStore) => Promise<T>): Promise<T> {
  const store = await openStore(f.bookPath, { now: f.clock.now, mode: 'open' });
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}

beforeEach(async () => {
  f = await staffedDesk();
  const sue: SessionUser = await f.signInAs('sue');
  const programId = (await f.value('programs.create', { kind: 'rights-offering', name: 'XO Rights', issuer: 'XO Communications, Inc.', cusip: XO_CUSIP, recordDate: '2003-10-10' })).id;
  await f.value('terms.record', { programId, reason: 'Original terms', terms: XO_TERMS_JSON });
  await onBook((store) => writeRegister(store, { programId, supervisor: sue }));
  const issuing = await f.value('certificates.issue', { programId }); // a job: wait for it
  expect(await f.desk.whenFinished(issuing.jobId)).toMatchObject({ state: 'done' });
  await onBook(async (store) => {
    const certificates = await store.read((r) => r.certificates.list(programId, {}, 0, 100));
    book = { programId, supervisor: sue, certificates: new Map(certificates.map((c) => [c.number, c])) };
    batchId = await openBatch(store, book);
    const one = await addEnvelope(store, book, batchId, { seq: 1, itemCount: 1 });
    envelopeTwo = await addEnvelope(store, book, batchId, { seq: 2, itemCount: 1 });
    electionId = await keyElection(store, book, { batchId, envelopeId: one }, { certificate: 'RT-000004', basicShares: 10, payments: [{ method: 'money-order', amount: '50.00' }] });
  });
  await f.signInAs('carl');
});
afterEach(async () => f.close());

describe('batch control channels', () => {
  it('show a clerk the figures, refuse an unbalanced close in words, and close once it balances', async () => {
    expect(await f.value('batchControl.list', { programId: book.programId })).toEqual([{ batchId, label: 'Morning mail', receiptDate: '2003-11-20', envelopes: 2, closed: false }]);
    const view = await f.value('batchControl.figures', { batchId });
    expect(view).toMatchObject({ batchId, programName: 'XO Rights', closed: null, differences: ['Envelope 2: 1 item stated, 0 keyed (1 short)'], figures: { balanced: false, amountTotal: { amount: '50.00' } } });
    const refusal = await f.refused('batchControl.close', { batchId, envelopesCounted: 2 }, 'CONFLICT', 'batchId');
    expect(refusal.message).toContain('does not balance, so it cannot be closed: Envelope 2: 1 item stated, 0 keyed (1 short)');
    await f.refused('batchControl.close', { batchId, envelopesCounted: -1 }, 'INVALID_INPUT', 'envelopesCounted');
    await f.refused('batchControl.figures', { batchId: 999 }, 'NOT_FOUND', 'batchId');

    await onBook((store) => keyElection(store, book, { batchId, envelopeId: envelopeTwo }, { certificate: 'RT-000004', basicShares: 1, payments: [{ method: 'money-order', amount: '5.00' }] }));
    expect(await f.value('batchControl.close', { batchId, envelopesCounted: 2 })).toMatchObject({ batchId, items: 2, amount: '55.00' });
    expect((await f.value('batchControl.figures', { batchId })).closed).toMatchObject({ by: 'carl' });
    await f.value('session.signOut', {});
    await f.refused('batchControl.figures', { batchId }, 'NOT_SIGNED_IN');
  });

  it('print the report and a confirmation where main’s dialog chose, as jobs; a cancelled dialog prints nothing', async () => {
    f.chooseSave(f.dir.file('report.pdf'));
    const report = await f.desk.whenFinished((await f.value('batchControl.printReport', { batchId })).jobId);
    expect(report).toMatchObject({ state: 'done', kind: 'batchControl.printReport', startedBy: 'carl', result: { fileName: 'report.pdf', pages: 1, balanced: false } });
    expect(pdfText(f.dir.file('report.pdf'))).toContain('BATCH CONTROL REPORT');

    f.chooseSave(f.dir.file('confirmation.pdf'));
    const letter = await f.desk.whenFinished((await f.value('batchControl.printConfirmation', { electionId })).jobId);
    expect(letter).toMatchObject({ state: 'done', result: { fileName: 'confirmation.pdf', pages: 1 } });
    expect(pdfText(f.dir.file('confirmation.pdf'))).toMatch(/Certificate RT-000004[\s\S]*Nguyễn Văn An|Nguyễn Văn An[\s\S]*Certificate RT-000004/);

    const before = await f.journalCount();
    await f.refused('batchControl.printReport', { batchId }, 'CANCELLED'); // no path queued: the dialog was cancelled
    await f.refused('batchControl.printConfirmations', { batchId }, 'CANCELLED');
    await f.refused('batchControl.printConfirmation', { electionId: 999 }, 'NOT_FOUND', 'electionId');
    expect(await f.journalCount()).toBe(before);

    const folder = f.dir.file('letters');
    mkdirSync(folder);
    f.chooseFolder(folder);
    const run = await f.desk.whenFinished((await f.value('batchControl.printConfirmations', { batchId })).jobId);
    expect(run).toMatchObject({ state: 'done', result: { batchId, letters: 1 } });
    expect(readdirSync(folder)).toEqual([`${XO_CUSIP}-batch-${batchId}-confirmations.pdf`]);
  });
});
