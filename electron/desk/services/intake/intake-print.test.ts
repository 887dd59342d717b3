// Intake prints on both stores, read back with poppler (pdftotext) and kept as PNGs under
// test/output/intake to be looked at: the batch control report (unbalanced, then closed), a
// confirmation with its deficiencies, one with §4b deemed exercise, and a batch's confirmations.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BookStore } from '../../store/port';
import { addEnvelope, keyElection, openBatch, XO_REGISTER_WITH_TIN, xoIntakeBook, type IntakeBook } from '../../testing/intake-rows-fixture';
import { outputFolder, pagesToPng, pdfPages, pdfText } from '../../testing/pdf-tools';
import { storeKit, type StoreKit } from '../../testing/store-kit';
import { tempDir } from '../../testing/temp';
import { testStoreKind } from '../../testing/test-store';
import { actorOf } from '../views';
import { closeBatch } from './batch-control';
import { printBatchConfirmations, printBatchReport, printConfirmation, type Printer } from './intake-print';

let kit: StoreKit;
let store: BookStore;
let book: IntakeBook;
let out: ReturnType<typeof tempDir>;
let clerk: Printer;
beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
  book = await xoIntakeBook(store, XO_REGISTER_WITH_TIN);
  clerk = { id: book.supervisor.id, username: book.supervisor.username, displayName: book.supervisor.displayName };
  out = tempDir('intake-print-');
});
afterEach(async () => {
  out.cleanup();
  await store.close();
  await kit.cleanup();
});

const now = () => new Date('2003-11-20T21:05:00.000Z'); // 4:05 p.m. in New York
const png = (file: string, name: string, pages = 1) => {
  mkdirSync(path.join(outputFolder(), 'intake'), { recursive: true });
  pagesToPng(file, `intake/${testStoreKind()}-${name}`, 1, pages);
};
const lastEntry = async () => (await store.read((r) => r.journal.list({ limit: 1 })))[0];

/** Two envelopes stating 3 and 2 items; the second has one keyed so far. */
async function mail() {
  const batchId = await openBatch(store, book);
  const one = { batchId, envelopeId: await addEnvelope(store, book, batchId, { seq: 1, itemCount: 3 }) };
  const two = { batchId, envelopeId: await addEnvelope(store, book, batchId, { seq: 2, itemCount: 2, stampedLocal: '2003-11-20T13:40', source: 'courier' }) };
  const full = await keyElection(store, book, one, { certificate: 'RT-000004', basicShares: 100, payments: [{ method: 'money-order', amount: '500.00', payer: 'Nguyễn Văn An' }] });
  const unsigned = await keyElection(store, book, one, { certificate: 'RT-000002', basicShares: 200, facts: { signed: false }, payments: [{ method: 'check', amount: '1000.00', checkNumber: '2002', payer: 'Jürgen Müller' }] });
  const noNumber = await keyElection(store, book, one, { certificate: 'RT-000004', basicShares: null, payments: [{ method: 'check', amount: '250.00', status: 'cleared' }] });
  const oversub = await keyElection(store, book, two, { certificate: 'RT-000002', basicShares: 10, oversubscriptionShares: 5, payments: [{ method: 'wire', amount: '100.00', status: 'cleared', reference: 'FED-77' }] });
  return { batchId, two, ids: { full, unsigned, noNumber, oversub } };
}

describe('the batch control report', () => {
  it('prints the figures, the envelope balance and the journal head it was drawn at; then closed', async () => {
    const { batchId, two } = await mail();
    const head = await store.read((r) => r.journal.head());
    const report = await printBatchReport(store, clerk, batchId, out.file('report.pdf'), { now });
    expect(report).toMatchObject({ fileName: 'report.pdf', pages: 1, balanced: false });
    png(out.file('report.pdf'), 'batch-report-unbalanced', report.pages);
    const text = pdfText(out.file('report.pdf'));
    for (const words of ['BATCH CONTROL REPORT', `Batch ${batchId} — Morning mail, received November 20, 2003`, 'Open: not yet closed', 'NOT BALANCED — the batch cannot be closed: Envelope 2: 2 items stated, 1 keyed (1 short).', 'CUSIP 983764 17 6', '$1,250.00', '$500.00', '$100.00', '$1,850.00', 'UNSIGNED', 'NO_GOOD_FUNDS', 'OVERSUB_WITHOUT_FULL_BASIC', 'Courier', '11/20/2003 1:40 p.m.', '1 short', `Drawn at journal entry ${head?.seq}, hash ${head?.hash}.`, 'Drawn November 20, 2003, 4:05 p.m. New York time by sam (Sam Supervisor).']) {
      expect(text).toContain(words);
    }
    expect(text).toMatch(/Basic shares written\s+310/); // 100 + 200 + 10, the blank form has none
    expect(text).toMatch(/Basic shares exercised \(after §4b\)\s+160/); // 100 + 0 (uncleared) + 50 (§4b: $250) + 10
    expect(await lastEntry()).toMatchObject({ action: 'batch.reportPrinted', payload: { batchId, fileName: 'report.pdf', drawnAt: head, balanced: false, items: 4, amount: '1850.00' } });

    await keyElection(store, book, two, { certificate: 'RT-000004', basicShares: 1, payments: [{ method: 'bank-draft', amount: '5.00' }] });
    await closeBatch(store, actorOf(book.supervisor), { batchId, envelopesCounted: 2 });
    await printBatchReport(store, clerk, batchId, out.file('closed.pdf'), { now });
    const closed = pdfText(out.file('closed.pdf'));
    expect(closed).toMatch(/Closed .* by sam/);
    expect(closed).toContain("Balanced: every envelope's keyed items equal its stated count (2 envelopes, 5 items).");
    expect(closed).toContain('$1,855.00');
    png(out.file('closed.pdf'), 'batch-report-closed');
  });

  it('never writes over a file, and leaves neither file nor entry when cancelled', async () => {
    const { batchId } = await mail();
    writeFileSync(out.file('taken.pdf'), 'someone else’s');
    const before = await store.read((r) => r.journal.count());
    await expect(printBatchReport(store, clerk, batchId, out.file('taken.pdf'), { now })).rejects.toMatchObject({ code: 'CONFLICT', message: 'taken.pdf already exists: choose another name (nothing was printed or recorded)' });
    const stop = new AbortController();
    stop.abort();
    await expect(printBatchReport(store, clerk, batchId, out.file('cancelled.pdf'), { now, signal: stop.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(readdirSync(out.dir)).toEqual(['taken.pdf']);
    expect(await store.read((r) => r.journal.count())).toBe(before);
  });
});

describe('confirmations', () => {
  it('confirm an unsigned election with an uncleared check: registration, masked TIN, deficiencies, what next', async () => {
    const { ids } = await mail();
    const printed = await printConfirmation(store, clerk, ids.unsigned, out.file('unsigned.pdf'), { now });
    expect(printed.pages).toBe(1);
    png(out.file('unsigned.pdf'), 'confirmation-unsigned', printed.pages);
    const text = pdfText(out.file('unsigned.pdf'));
    for (const words of ['CONFIRMATION OF ELECTION RECEIVED', 'Jürgen Müller', 'Anna Müller JT TEN', '12 Oak Avenue', 'Apt 4', 'Evanston, IL 60201-1234', 'Certificate RT-000002', 'Class B rights (GREEN)', 'TIN XXX-XX-6789', `Election ${ids.unsigned}`, 'Election form on certificate RT-000002', 'November 20, 2003, 9:15 a.m. New York time', 'Not signed', 'Received — awaiting clearance', '$1,000.00', 'No. 2002', 'Not signed (UNSIGNED)', 'No good funds (NO_GOOD_FUNDS)', 'not accepted until each deficiency above is cured or waived', 'A check counts as payment only once it has cleared', 'December 8, 2003, 5:00 p.m. New York time']) {
      expect(text).toContain(words);
    }
    expect(text).not.toMatch(/\d{3}-\d{2}-\d{4}/); // no TIN in full, ever
    expect(await lastEntry()).toMatchObject({ action: 'election.confirmationPrinted', payload: { electionId: ids.unsigned, certificate: 'RT-000002', fileName: 'unsigned.pdf', pages: 1 } });
  });

  it('printed after the offer expired, give no deadline already past as one still to meet', async () => {
    const { ids } = await mail();
    const after = () => new Date('2003-12-09T16:00:00.000Z'); // the morning after the 12/08/2003 5:00 p.m. expiration
    await printConfirmation(store, clerk, ids.unsigned, out.file('unsigned-after.pdf'), { now: after });
    const text = pdfText(out.file('unsigned-after.pdf')).replace(/\s+/g, ' ');
    expect(text).toContain('not accepted until each deficiency above is cured or waived by the company (§11). The offer expired on December 8, 2003, 5:00 p.m. New York time: the company decides whether it may still be cured, and by when (§11)');
    expect(text).not.toContain('Send what is missing to the rights agent before');
  });

  it('show §4b deemed exercise for a form with no number, and the refund of an oversubscriber’s excess', async () => {
    const { ids } = await mail();
    await printConfirmation(store, clerk, ids.noNumber, out.file('blank.pdf'), { now });
    const blank = pdfText(out.file('blank.pdf'));
    expect(blank).toContain('No number written');
    expect(blank).toMatch(/Basic shares exercised \(deemed, §4b\)\s+50/);
    expect(blank).toContain('No TIN on file');
    expect(blank).toContain('Your exercise of 50 shares is recorded and irrevocable');
    png(out.file('blank.pdf'), 'confirmation-deemed');
    await printConfirmation(store, clerk, ids.oversub, out.file('oversub.pdf'), { now });
    const over = pdfText(out.file('oversub.pdf'));
    expect(over).toMatch(/Oversubscription shares paid for\s+5 \(subject to proration\)/);
    expect(over).toMatch(/Amount applied\s+\$75\.00/);
    expect(over).toContain('$25.00 is refunded by mail after expiration');
    expect(over).toContain('(OVERSUB_WITHOUT_FULL_BASIC)');
    png(out.file('oversub.pdf'), 'confirmation-oversubscription');
  });

  it('confirm a DTC instruction with its participant, rights surrendered and the Nominee Holder Certification', async () => {
    const { two } = await mail();
    const dtc = await keyElection(store, book, two, { certificate: 'RT-000005', basicShares: 5, dtc: { voi: 'VOI-0042', participant: '0352', name: 'Broker One', rights: 5 }, payments: [{ method: 'dtc', amount: '25.00', status: 'cleared' }] });
    await store.change(actorOf(book.supervisor), 'test.certification', async (tx) => {
      for (const line of [1, 2]) await tx.intake.insert('nominee_certification_lines', { electionId: dtc, line, ownerReference: `BO-${line}`, recordDateHolding: 30, basicExercised: 3, oversubscriptionRequested: 0 });
      return { payload: {}, result: null };
    });
    await printConfirmation(store, clerk, dtc, out.file('dtc.pdf'), { now });
    const text = pdfText(out.file('dtc.pdf'));
    for (const words of ['DTC instruction VOI-0042 from participant 0352 Broker One', 'Class B rights (GREEN) — DTC position', 'Cede & Co', 'FBO Small Holder', 'Rights surrendered through DTC', '2 beneficial owners listed', 'DTC settlement', 'Cleared — good funds']) expect(text).toContain(words);
    png(out.file('dtc.pdf'), 'confirmation-dtc');
  });

  it('print a batch’s confirmations into one file, one letter per election, journaled once', async () => {
    const { batchId } = await mail();
    const run = await printBatchConfirmations(store, clerk, batchId, out.dir, { now });
    expect(run).toMatchObject({ batchId, letters: 4, files: [{ fileName: `983764176-batch-${batchId}-confirmations.pdf` }] });
    const file = out.file(`983764176-batch-${batchId}-confirmations.pdf`);
    expect(pdfPages(file)).toBe(run.pages);
    expect(run.pages).toBeGreaterThanOrEqual(4);
    const text = pdfText(file);
    expect(text.match(/CONFIRMATION OF ELECTION RECEIVED/g)).toHaveLength(4);
    expect(text).toContain('Confirmation — Election');
    expect(await lastEntry()).toMatchObject({ action: 'batch.confirmationsPrinted', payload: { batchId, letters: 4, pages: run.pages } });
    expect(readdirSync(out.dir)).toEqual([`983764176-batch-${batchId}-confirmations.pdf`]);
  });
});
