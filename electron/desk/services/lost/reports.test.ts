// The SEC report (Form X-17F-1A) as data and on the deadline list, a recovery (its stop stays),
// and the replacement printed with its cover letter (PDF pages turned into PNG and read back).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pagesToPng, pdfPages, pdfText } from '../../testing/pdf-tools';
import { storeKit, type StoreKit } from '../../testing/store-kit';
import { tempDir } from '../../testing/temp';
import type { BookStore } from '../../store/port';
import { actorOf } from '../views';
import { approveBond, keyBond } from './bonds';
import { recordRecovery } from './cases';
import { replaceCertificate } from './replace';
import { printReplacement } from './replacement-print';
import { deadlineList, formX17F1A, recordSecReport } from './sec-report';
import { setLostSettings } from './settings';
import { isStopped } from './stops';
import { lostBook, openLostCase, type LostBook } from './test-book';

let kit: StoreKit;
let store: BookStore;
let book: LostBook;
beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
  book = await lostBook(kit, store);
});
afterEach(async () => {
  await kit.cleanup();
});

const AT = '2003-11-20T15:00:00.000Z';

describe('the SEC report and the deadline list', () => {
  it('lists each report due with its date, a replacement due before expiration, and drops what was filed', async () => {
    const stolen = await openLostCase(store, book, book.carl, (await book.certificate('H-1003')).number, { kind: 'stolen', discoveredOn: '2003-11-26', policeReport: 'HPD 2003-11-0042' });
    const lost = await openLostCase(store, book, book.carl, (await book.certificate('H-1001')).number, { discoveredOn: '2003-11-26' });
    const listed = await store.read((r) => deadlineList(r, book.programId, '2003-11-28T15:00:00.000Z'));
    expect(listed.map((d) => [d.certificateNumber, d.what, d.due, d.overdue])).toEqual([
      ['RT-000004', 'Form X-17F-1A: report the stolen certificate', '2003-11-28', false],
      ['RT-000001', 'Form X-17F-1A: report the lost certificate', '2003-12-01', false],
      ['RT-000004', 'Replace before the rights expire', '2003-12-08', false],
      ['RT-000001', 'Replace before the rights expire', '2003-12-08', false],
    ]);
    const form = await store.read((r) => formX17F1A(r, stolen.id, 'initial', AT));
    expect(form).toMatchObject({
      form: 'X-17F-1A', reportType: 'initial', dueDate: '2003-11-28', issuer: 'XO Communications, Inc.', cusip: '983764176', certificateNumber: 'RT-000004', quantity: 999,
      registeredOwner: ['Nguyễn Văn An'], category: 'stolen', discoveredOn: '2003-11-26', lawEnforcementNotified: true, policeReport: 'HPD 2003-11-0042', recoveredOn: null,
    });
    expect(JSON.stringify(form)).not.toMatch(/6789|"tin/i); // no TIN, not even the affidavit's last four
    await recordSecReport(store, actorOf(book.carl), { caseId: stolen.id, reportType: 'initial', filedOn: '2003-11-29', confirmation: 'SIC-778812' });
    const after = await store.read((r) => deadlineList(r, book.programId, '2003-12-02T15:00:00.000Z'));
    expect(after.map((d) => [d.certificateNumber, d.due, d.overdue])).toEqual([['RT-000001', '2003-12-01', true], ['RT-000004', '2003-12-08', false], ['RT-000001', '2003-12-08', false]]);
    const entry = (await store.read((r) => r.journal.list({ limit: 1 })))[0];
    expect(entry).toMatchObject({ action: 'lost.secReported', payload: { reportType: 'initial', dueDate: '2003-11-28', filedOn: '2003-11-29', late: true } });
    await expect(recordSecReport(store, actorOf(book.carl), { caseId: stolen.id, reportType: 'recovery', filedOn: '2003-11-29', confirmation: 'x' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(lost.kind).toBe('lost');
  });

  it('records a recovery: the stop stays, a recovery report falls due within one business day', async () => {
    const original = await book.certificate('H-1003');
    const opened = await openLostCase(store, book, book.carl, original.number, { discoveredOn: '2003-11-19' });
    const recovered = await recordRecovery(store, actorOf(book.carl), { caseId: opened.id, recoveredOn: '2003-11-21', how: 'Holder found it in a desk drawer' });
    expect(recovered).toMatchObject({ status: 'recovered', recoveredOn: '2003-11-21' });
    expect(recovered.blockers).toContain('The original was recovered: it is not replaced');
    expect(await store.read((r) => isStopped(r, original.id))).toBe(true);
    const due = await store.read((r) => deadlineList(r, book.programId, AT));
    expect(due.map((d) => [d.what, d.due])).toEqual([['Form X-17F-1A: report the lost certificate', '2003-11-21'], ['Form X-17F-1A: report the recovery', '2003-11-24']]);
    expect(await store.read((r) => formX17F1A(r, opened.id, 'recovery', AT))).toMatchObject({ reportType: 'recovery', dueDate: '2003-11-24', recoveredOn: '2003-11-21' });
  });
});

describe('printing the replacement', () => {
  it('marks the new certificate REPLACEMENT naming the original, with a cover letter, and journals it', async () => {
    const out = tempDir('lost-print-');
    try {
      const original = await book.certificate('H-1002', 'B');
      const opened = await openLostCase(store, book, book.carl, original.number, { kind: 'destroyed', circumstances: 'Burnt in a kitchen fire', affidavit: { received: true, ownerName: 'Jürgen Müller', tinLast4: '1111', address: '12 Oak Avenue, Evanston IL', rights: original.firmRights, notEndorsedOrPledged: true } });
      await setLostSettings(store, actorOf(book.sam), { programId: book.programId, bondRate: '0.02', minimumPremium: '25.00', valuePerRight: '0.755', processingFee: '15.00', reason: 'Surety quote for the XO offering' });
      const bonded = await keyBond(store, actorOf(book.carl), { caseId: opened.id, expenses: '0', paymentReceived: '40', surety: 'Hartford', bondReference: 'B-9' });
      await approveBond(store, actorOf(book.sam), { caseId: opened.id, bondId: bonded.bonds[0]?.id ?? 0 });
      const replaced = await replaceCertificate(store, actorOf(book.carl), { caseId: opened.id });
      const printed = await printReplacement(store, actorOf(book.carl), opened.id, out.dir, { today: '2003-11-20' });
      expect(printed).toEqual({ number: 'RT-000008', files: ['RT-000008-REPLACEMENT-RT-000002.pdf', 'RT-000008-cover-letter.pdf'] });
      const certificate = out.file(printed.files[0] ?? '');
      const letter = out.file(printed.files[1] ?? '');
      const face = pdfText(certificate);
      expect(face).toContain('REPLACEMENT — replaces RT-000002');
      expect(face).toContain('RT-000008');
      expect(face).toContain('Jürgen Müller');
      expect(pdfPages(certificate)).toBe(2);
      const words = pdfText(letter);
      expect(words).toContain('certificate RT-000002 was destroyed');
      expect(words).toContain(`It carries ${replaced.replacement?.firmRights} rights`);
      expect(words).toContain('$25.00');
      expect(pdfPages(letter)).toBe(1);
      pagesToPng(certificate, 'lost-replacement-certificate');
      pagesToPng(letter, 'lost-replacement-cover-letter');
      expect(await store.read((r) => r.certificates.events(replaced.replacement?.certificateId ?? 0))).toMatchObject([{ kind: 'replaces' }, { kind: 'printed', detail: { replacement: true, replaces: 'RT-000002' } }]);
      await expect(printReplacement(store, actorOf(book.carl), opened.id, out.dir, { today: '2003-11-20' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already in that folder') });
    } finally {
      out.cleanup();
    }
  });
});
