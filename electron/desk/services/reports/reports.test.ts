// The §10 reports' edges: the final report only after the Expiration Time, its due moment
// (7th business day, 5:00 p.m.) warned about when close or past; days refused in words; CSV
// cells a spreadsheet would read as formulas defused (both stores).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rightsOfferingTermsSchema } from '../../../../shared/domain';
import { XO_TERMS_JSON } from '../../../../shared/domain/testing/terms';
import type { BookStore } from '../../store/port';
import { batchAndEnvelope, cleanDraft, intakeBook, type IntakeBook } from '../../testing/intake-fixture';
import { storeKit, type StoreKit } from '../../testing/store-kit';
import { saveElection } from '../intake/elections';
import { actorOf } from '../views';
import { dailyReport } from './daily';
import { finalDue, finalReport } from './final';
import { csvCell, csvRow } from './report-csv';

let kit: StoreKit;
let store: BookStore;
let book: IntakeBook;

beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
  book = await intakeBook(store);
});
afterEach(async () => {
  await store.close();
  await kit.cleanup();
});

const XO = rightsOfferingTermsSchema.parse(XO_TERMS_JSON);

describe('the final report', () => {
  it('is drawn only after the Expiration Time, then certifies the totals through it', async () => {
    const ids = await batchAndEnvelope(store, book, '2003-12-08T16:59');
    await saveElection(store, actorOf(book.clerk), cleanDraft(ids, book.numbers.get('H-1003/A')!, 100), true);
    const before = await store.read((r) => finalReport(r, book.programId, new Date('2003-12-08T21:59:00Z')));
    expect(before).toMatchObject({ available: false, totals: null, due: { dueAt: '2003-12-17T17:00', state: 'ahead' } });
    expect(before.unavailableReason).toContain('after the Expiration Time (12/08/2003 5:00 p.m. New York time)');
    const after = await store.read((r) => finalReport(r, book.programId, new Date('2003-12-08T22:01:00Z')));
    expect(after).toMatchObject({ available: true, lastDay: '2003-12-08', totals: { items: 1, rightsExercised: 100, rightsPaid: 100 } });
  });

  it('is due at 5:00 p.m. on the 7th business day after the expiration, close two business days before, past after', () => {
    expect(finalDue(XO, new Date('2003-12-12T15:00:00Z'))).toMatchObject({ dueAt: '2003-12-17T17:00', state: 'ahead', warning: '' });
    expect(finalDue(XO, new Date('2003-12-15T15:00:00Z')).state).toBe('close');
    expect(finalDue(XO, new Date('2003-12-17T21:59:00Z')).warning).toBe('Due soon: the certified report must reach the company by 12/17/2003 5:00 p.m. New York time.');
    expect(finalDue(XO, new Date('2003-12-17T22:01:00Z')).state).toBe('past');
  });
});

describe('the daily report', () => {
  it('refuses a holiday and a day not yet come, naming them', async () => {
    await expect(store.read((r) => dailyReport(r, book.programId, '2003-11-27', new Date('2003-12-10T15:00:00Z')))).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'day', message: 'Business day: 11/27/2003 is a holiday (Thanksgiving Day); type a business day, e.g. 11/28/2003' });
    await expect(store.read((r) => dailyReport(r, book.programId, '2003-12-05', new Date('2003-12-04T15:00:00Z')))).rejects.toMatchObject({ field: 'day', message: 'Business day: 12/05/2003 has not come yet (today is 12/04/2003)' });
    const view = await store.read((r) => dailyReport(r, book.programId, undefined, new Date('2003-11-25T15:00:00Z')));
    expect(view.day).toBe('2003-11-24');
  });
});

describe('CSV cells', () => {
  it('defuse what a spreadsheet would run as a formula, and quote what RFC 4180 needs', () => {
    expect(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', 'Plain', 'Müller, Anna'].map(csvCell)).toEqual(["\"'=HYPERLINK(\"\"x\"\")\"", "'+1", "'-2", "'@SUM(A1)", 'Plain', '"Müller, Anna"']);
    expect(csvRow(['a', 1])).toBe('a,1\r\n');
  });
});
