// The §10 reports' channels on a whole desk (both stores): figures for a business day that tie to
// the items keyed, refusals in words (a weekend, a clerk), the holder listing a window at a time,
// the final report with its due date, and print (a job) and export (CSV) into the file main's
// dialog chose, each journaled with the entry the figures were drawn at.
import { readFileSync } from 'node:fs';
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
let book: IntakeBook;

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
  expect(await f.desk.whenFinished((await f.value('certificates.issue', { programId })).jobId)).toMatchObject({ state: 'done' });
  await onBook(async (store) => {
    const certificates = await store.read((r) => r.certificates.list(programId, {}, 0, 100));
    book = { programId, supervisor: sue, certificates: new Map(certificates.map((c) => [c.number, c])) };
    const batchId = await openBatch(store, book, 'Morning mail', '2003-11-20');
    const envelopeId = await addEnvelope(store, book, batchId, { seq: 1, itemCount: 3, stampedLocal: '2003-11-20T09:15' });
    await keyElection(store, book, { batchId, envelopeId }, { certificate: 'RT-000004', basicShares: 10, payments: [{ method: 'money-order', amount: '50.00' }] });
    await keyElection(store, book, { batchId, envelopeId }, { certificate: 'RT-000004', basicShares: 20, facts: { signed: false }, payments: [{ method: 'check', amount: '100.00' }] });
  });
});
afterEach(async () => f.close());

describe('the §10 report channels', () => {
  it('give a supervisor the day’s figures, refuse a weekend and a clerk in words', async () => {
    const daily = await f.value('reports.daily', { programId: book.programId, day: '2003-11-20' });
    expect(daily.today).toMatchObject({ items: 2, rightsExercised: 30, sharesSubscribed: 30, rightsPaid: 10, sharesPaid: 10, goodFunds: '50.00', pendingFunds: '100.00', defectiveItems: 1, defectiveRights: 20, defectiveOpen: 1 });
    expect(daily.cumulative).toEqual(daily.today);
    expect(daily.head).toEqual({ seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // Drawn once per journal head: an item keyed meanwhile (from another connection) shows at once.
    await onBook(async (store) => {
      const batchId = await openBatch(store, book, 'Late mail', '2003-11-20');
      const envelopeId = await addEnvelope(store, book, batchId, { seq: 1, itemCount: 1, stampedLocal: '2003-11-20T15:00' });
      await keyElection(store, book, { batchId, envelopeId }, { certificate: 'RT-000004', basicShares: 5, payments: [{ method: 'money-order', amount: '25.00' }] });
    });
    const again = await f.value('reports.daily', { programId: book.programId, day: '2003-11-20' });
    expect(again.today).toMatchObject({ items: 3, rightsExercised: 35, rightsPaid: 15 });
    expect(again.head!.seq).toBeGreaterThan(daily.head!.seq);
    expect((await f.value('reports.daily', { programId: book.programId })).day).toBe('2003-12-08'); // the desk's clock is in 2026: the last day of the period
    const weekend = await f.refused('reports.daily', { programId: book.programId, day: '2003-11-22' }, 'INVALID_INPUT', 'day');
    expect(weekend.message).toBe('Business day: 11/22/2003 falls on a weekend; type a business day, e.g. 11/24/2003');
    await f.refused('reports.daily', { programId: book.programId, day: '2003-11-06' }, 'INVALID_INPUT', 'day');
    await f.signInAs('carl');
    await f.refused('reports.daily', { programId: book.programId, day: '2003-11-20' }, 'FORBIDDEN');
  });

  it('list every certificate, exercised fully, partly or not at all, a window at a time', async () => {
    const listing = await f.value('reports.holders', { programId: book.programId, offset: 0, limit: 3 });
    expect(listing.total).toBe(7);
    expect(listing.rows).toHaveLength(3);
    const all = await f.value('reports.holders', { programId: book.programId, offset: 0, limit: 100 });
    const nguyen = all.rows.find((r) => r.certificateNumber === 'RT-000004')!;
    expect(nguyen).toMatchObject({ account: 'H-1003', rightsHeld: 999, rightsExercised: 30, exercise: 'partly', standing: 'pending' });
    expect(all.totals).toMatchObject({ certificates: 7, partly: 1, rightsExercised: 30 });
  });

  it('print the daily and final reports as jobs and export CSV, each journaled; a cancelled dialog records nothing', async () => {
    const daily = await f.value('reports.daily', { programId: book.programId, day: '2003-11-20' });
    f.chooseSave(f.dir.file('daily.pdf'));
    const job = await f.desk.whenFinished((await f.value('reports.print', { programId: book.programId, report: 'daily', day: '2003-11-20' })).jobId);
    expect(job).toMatchObject({ state: 'done', kind: 'reports.print', result: { fileName: 'daily.pdf', pages: 1 } });
    const text = pdfText(f.dir.file('daily.pdf'));
    expect(text).toContain('DAILY REPORT UNDER SECTION 10');
    expect(text).toMatch(/\(a\) Rights exercised\s+30\s+30/);
    expect(text).toMatch(/Drawn at journal entry \d+, hash [0-9a-f]{64}/);

    const final = await f.value('reports.final', { programId: book.programId });
    expect(final).toMatchObject({ available: true, due: { dueAt: '2003-12-17T17:00', state: 'past' }, awaitingDecision: 1, totals: { rightsExercised: 30 } });
    await f.refused('reports.print', { programId: book.programId, report: 'final' }, 'INVALID_INPUT', 'officer');
    f.chooseSave(f.dir.file('final.pdf'));
    const printed = await f.desk.whenFinished((await f.value('reports.print', { programId: book.programId, report: 'final', officer: { name: 'Jane Doe', title: 'Vice President' } })).jobId);
    expect(printed).toMatchObject({ state: 'done' });
    const finalText = pdfText(f.dir.file('final.pdf'));
    expect(finalText).toContain('FINAL CERTIFIED REPORT UNDER SECTION 10');
    expect(finalText).toContain('Past due');
    expect(finalText).toContain('Name: Jane Doe');

    f.chooseSave(f.dir.file('holders.csv'));
    expect(await f.value('reports.export', { programId: book.programId, report: 'holders' })).toEqual({ fileName: 'holders.csv', rows: 7 });
    const csv = readFileSync(f.dir.file('holders.csv'), 'utf8');
    expect(csv).toContain('certificate,account,class,registration,rights_held,rights_exercised,oversubscription_requested,exercise,standing,held\r\n');
    expect(csv).toContain('RT-000004,H-1003,A,Nguyễn Văn An,999,30,0,partly,pending,N\r\n');

    const before = await f.journalCount();
    await f.refused('reports.export', { programId: book.programId, report: 'daily', day: '2003-11-20' }, 'CANCELLED');
    expect(await f.journalCount()).toBe(before);
    const printedEntries = await f.value('journal.search', { filter: { action: 'reports.printed' }, offset: 0, limit: 10 });
    expect(printedEntries.rows.map((e) => e.payload)).toEqual([
      expect.objectContaining({ report: 'final', officer: 'Jane Doe', dueState: 'past', files: ['final.pdf'] }),
      expect.objectContaining({ report: 'daily', day: '2003-11-20', rightsExercised: 30, drawnAt: daily.head, files: ['daily.pdf'] }),
    ]);
    expect((await f.value('journal.search', { filter: { action: 'reports.exported' }, offset: 0, limit: 10 })).total).toBe(1);
  });
});
