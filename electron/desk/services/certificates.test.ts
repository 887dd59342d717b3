import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskFailure } from '../../../shared/ipc/result';
import type { BookStore } from '../store/port';
import { manyEntries, writeRegister, xoBookWithRegister, xoProgram, XO_REGISTER } from '../testing/xo-register-fixture';
import { storeKit, type StoreKit } from '../testing/store-kit';
import { certificateNumber, issueCertificates } from './certificates';
import { actorOf } from './views';

let kit: StoreKit;
let store: BookStore;
beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
});
afterEach(async () => kit.cleanup());

async function refusal(work: Promise<unknown>): Promise<DeskFailure> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeskFailure);
  return error as DeskFailure;
}

const journalCount = () => store.read((r) => r.journal.count());

describe('issueCertificates', () => {
  it('gives each (holder, class) one certificate, numbered in register order, firm rights rounded down, foreign ones held', async () => {
    const book = await xoBookWithRegister(store);
    const summary = await issueCertificates(store, actorOf(book.supervisor), book.programId);
    expect(summary).toMatchObject({ certificates: 7, held: 2, firstNumber: 'RT-000001', lastNumber: 'RT-000007' });
    const list = await store.read((r) => r.certificates.list(book.programId, {}, 0, 100));
    expect(list.map((c) => [c.number, c.account, c.class, c.firmRights, c.held])).toEqual([
      ['RT-000001', 'H-1001', 'A', 1234, true],
      ['RT-000002', 'H-1002', 'B', 1234, false], // floor(12345 × 0.1)
      ['RT-000003', 'H-1002', 'C', 0, false], // oversubscription only
      ['RT-000004', 'H-1003', 'A', 999, false],
      ['RT-000005', 'H-1004', 'B', 0, false], // floor(9 × 0.1) = 0: no fractional rights
      ['RT-000006', 'H-2001', 'T', 2500000, false],
      ['RT-000007', 'H-1005', 'A', 40, true],
    ]);
    expect(summary.classes).toEqual({
      A: { certificates: 3, held: 2, units: '2273', firmRights: 2273 },
      B: { certificates: 2, held: 0, units: '12354', firmRights: 1234 },
      C: { certificates: 1, held: 0, units: '500', firmRights: 0 },
      T: { certificates: 1, held: 0, units: '2500000', firmRights: 2500000 },
    });
  });

  it('journals the issue once with its counts and totals per class', async () => {
    const book = await xoBookWithRegister(store);
    const before = await journalCount();
    await issueCertificates(store, actorOf(book.supervisor), book.programId);
    expect(await journalCount()).toBe(before + 1);
    const [entry] = await store.read((r) => r.journal.list({ limit: 1 }));
    expect(entry).toMatchObject({ action: 'certificates.issued', username: 'sam' });
    expect(entry?.payload).toMatchObject({ programId: book.programId, cusip: '983764176', termsVersion: 1, certificates: 7, held: 2, classes: { B: { firmRights: 1234 } } });
    const issue = await store.read((r) => r.certificates.issueOf(book.programId));
    expect(issue).toMatchObject({ certificates: 7, issuedBy: 'sam', totals: { A: { firmRights: 2273 } } });
  });

  it('refuses a second issue in words and leaves the book as it was', async () => {
    const book = await xoBookWithRegister(store);
    await issueCertificates(store, actorOf(book.supervisor), book.programId);
    const before = await journalCount();
    const error = await refusal(issueCertificates(store, actorOf(book.supervisor), book.programId));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/already issued on \d{4}-\d{2}-\d{2} by sam \(7 certificates\)/);
    expect(await journalCount()).toBe(before);
    expect(await store.read((r) => r.certificates.count(book.programId))).toBe(7);
  });

  it('refuses an empty register, an odd-lot program, a program without terms, an unknown program', async () => {
    const book = await xoProgram(store);
    const before = await journalCount();
    expect((await refusal(issueCertificates(store, actorOf(book.supervisor), book.programId))).message).toMatch(/register of XO Communications 2003 rights offering is empty/);
    expect((await refusal(issueCertificates(store, actorOf(book.supervisor), 999))).code).toBe('NOT_FOUND');
    expect(await journalCount()).toBe(before);
  });

  it('refuses a register entry of a class the terms no longer have, issuing nothing', async () => {
    const book = await xoProgram(store);
    await writeRegister(store, book, [...XO_REGISTER.slice(0, 2), { ...XO_REGISTER[0]!, account: 'H-9', class: 'Z', line: 9 }]);
    const error = await refusal(issueCertificates(store, actorOf(book.supervisor), book.programId));
    expect(error.message).toBe('Register line 9 (account H-9) is of class "Z", which the program\'s current terms do not have (A, B, C, T); no certificates were issued');
    expect(await store.read((r) => r.certificates.count(book.programId))).toBe(0);
    expect(await store.read((r) => r.certificates.issueOf(book.programId))).toBeUndefined();
  });

  it('streams a register larger than one page and numbers it without a gap', async () => {
    const book = await xoBookWithRegister(store, manyEntries(12_003));
    const summary = await issueCertificates(store, actorOf(book.supervisor), book.programId);
    expect(summary.certificates).toBe(12_003);
    expect(summary.held).toBe(1_200);
    const last = await store.read((r) => r.certificates.list(book.programId, {}, 12_000, 10));
    expect(last.map((c) => c.number)).toEqual([certificateNumber(12_001), certificateNumber(12_002), certificateNumber(12_003)]);
    expect(last.map((c) => c.account)).toEqual(['B-0012001', 'B-0012002', 'B-0012003']);
  });
});

describe('progress and cancel', () => {
  it('reports each page of both passes, then the certificates issued', async () => {
    const book = await xoBookWithRegister(store, manyEntries(12_003));
    const seen: string[] = [];
    await issueCertificates(store, actorOf(book.supervisor), book.programId, { onProgress: (p) => seen.push(`${p.done}/${p.total} ${p.unit ?? ''}`) });
    expect(seen).toEqual([
      '5000/12003 register entries checked', '10000/12003 register entries checked', '12003/12003 register entries checked',
      '5000/12003 certificates issued', '10000/12003 certificates issued', '12003/12003 certificates issued',
    ]);
  });

  it('a cancel between pages rolls the whole issue back', async () => {
    const book = await xoBookWithRegister(store, manyEntries(12_003));
    const before = await store.read(async (r) => ({ journal: await r.journal.count(), head: await r.journal.head() }));
    const controller = new AbortController();
    const issuing = issueCertificates(store, actorOf(book.supervisor), book.programId, { signal: controller.signal, onProgress: (p) => p.unit === 'certificates issued' && controller.abort() });
    const error = await refusal(issuing);
    expect(error).toMatchObject({ code: 'CANCELLED', message: 'The issue was cancelled; no certificate was issued and the book was not changed.' });
    expect(await store.read(async (r) => ({ journal: await r.journal.count(), head: await r.journal.head() }))).toEqual(before);
    expect(await store.read((r) => r.certificates.count(book.programId))).toBe(0);
    expect(await store.read((r) => r.certificates.issueOf(book.programId))).toBeUndefined();
    expect((await issueCertificates(store, actorOf(book.supervisor), book.programId)).certificates).toBe(12_003);
  });
});

describe('odd-lot programs', () => {
  it('are refused: an odd-lot holder answers a notice, there are no rights certificates', async () => {
    const book = await xoProgram(store, 'odd-lot');
    const error = await refusal(issueCertificates(store, actorOf(book.supervisor), book.programId));
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'programId' });
    expect(error.message).toMatch(/is an odd-lot program: it has no rights certificates/);
  });
});

describe('the mailing list and the §9 held list', () => {
  it('quotes fields per RFC 4180 and lists the held certificates with the Exhibit D letter each needs', async () => {
    const { heldCertificates, mailingListCsv } = await import('./mailing-list');
    const book = await xoProgram(store);
    await writeRegister(store, book, [...XO_REGISTER, { ...XO_REGISTER[3]!, account: 'H-3001', line: 9, registration: ['Smith, John "Jack"', 'TTEE', '', ''] }]);
    await issueCertificates(store, actorOf(book.supervisor), book.programId);
    let csv = '';
    for await (const chunk of mailingListCsv(store, book.programId)) csv += chunk;
    expect(csv.split('\r\n')[8]).toBe('RT-000008,A,H-3001,"Smith, John ""Jack""",TTEE,,,77 Bellaire Blvd,,Houston,TX,77036,US,999,999,N');
    const held = await heldCertificates(store, book.programId, 0, 10);
    expect(held.total).toBe(2);
    expect(held.rows.map((r) => [r.number, r.name, r.country, r.letter.code])).toEqual([
      ['RT-000001', 'Zofia Łódź-Nowak', 'PL', 'EXHIBIT_D'],
      ['RT-000007', 'Marie-Hélène Dubois', 'FR', 'EXHIBIT_D'],
    ]);
    expect(held.rows[0]?.letter.words).toMatch(/^Exhibit D letter \(§9\), with the Prospectus/);
    expect((await heldCertificates(store, book.programId, 1, 10)).rows.map((r) => r.number)).toEqual(['RT-000007']);
  });
});
