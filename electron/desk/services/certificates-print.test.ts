import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BookStore } from '../store/port';
import { pagesToPng, pdfPages, pdfText } from '../testing/pdf-tools';
import { manyEntries, xoBookWithRegister, type XoBook } from '../testing/xo-register-fixture';
import { storeKit, type StoreKit } from '../testing/store-kit';
import { tempDir } from '../testing/temp';
import { issueCertificates } from './certificates';
import { printCertificates, reprintCertificate } from './certificates-print';
import { actorOf } from './views';

let kit: StoreKit;
let store: BookStore;
let out: ReturnType<typeof tempDir>;
beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
  out = tempDir('certificates-out-');
});
afterEach(async () => {
  out.cleanup();
  await kit.cleanup();
});

async function issued(entries?: Parameters<typeof xoBookWithRegister>[1]): Promise<XoBook> {
  const book = await xoBookWithRegister(store, entries);
  await issueCertificates(store, actorOf(book.supervisor), book.programId);
  return book;
}

const lastEntry = async () => (await store.read((r) => r.journal.list({ limit: 1 })))[0];

describe('printCertificates', () => {
  it('prints one file per class with what the seed certificate shows, and journals the run', async () => {
    const book = await issued();
    const result = await printCertificates(store, actorOf(book.supervisor), book.programId, {}, out.dir);
    expect(result.files.map((f) => [f.name, f.pages])).toEqual([
      ['983764176-A-RT-000001-RT-000007.pdf', 6],
      ['983764176-B-RT-000002-RT-000005.pdf', 4],
      ['983764176-C-RT-000003-RT-000003.pdf', 2],
      ['983764176-T-RT-000006-RT-000006.pdf', 2],
    ]);
    expect(readdirSync(out.dir).sort()).toEqual(result.files.map((f) => f.name).sort());
    const text = Object.fromEntries(result.files.map((f) => [f.facts['class'], pdfText(out.file(f.name))]));
    const a = text['A'] ?? '';
    for (const words of ['RT-000001', 'RT-000004', 'RT-000007', 'CUSIP 983764 17 6', 'VOID AFTER DECEMBER 8, 2003', 'Zofia Łódź-Nowak', 'Nguyễn Văn An', 'Marie-Hélène Dubois', '1,234', 'CLASS A RIGHTS · BLUE', 'HELD BY THE RIGHTS AGENT', 'FORM OF ELECTION TO EXERCISE CLASS A RIGHTS', 'POLAND']) {
      expect(a).toContain(words);
    }
    expect(a).toContain('STRICTLY PROHIBITED');
    expect(a).not.toContain('ASSIGNMENT OF RIGHTS');
    // Reading order: the firm rights, then under them class B's underlying common shares.
    expect(text['B']).toMatch(/FIRM SUBSCRIPTION RIGHTS\s+1,234\s[\s\S]*UNDERLYING COMMON SHARES\s+12,345/);
    expect(text['B']).toContain('Jürgen Müller');
    expect(text['B']).toContain('Anna Müller JT TEN');
    expect(text['C']).toContain('--1--');
    expect(text['C']).toContain('CLASS C RIGHTS · RED');
    expect(text['T']).toContain('ASSIGNMENT OF RIGHTS');
    expect(text['T']).toContain('FORM OF ELECTION TO EXERCISE TRANSFERABLE RIGHTS');
    expect(text['T']).toContain('2,500,000');
    expect(text['A']).not.toMatch(/DUPLICATE/);
    for (const f of result.files) pagesToPng(out.file(f.name), `certificate-${String(f.facts['class'])}`, 1, 2);
    const entry = await lastEntry();
    expect(entry).toMatchObject({ action: 'certificates.printed', username: 'sam' });
    expect(entry?.payload).toMatchObject({ certificates: 7, pages: 14, files: [{ name: '983764176-A-RT-000001-RT-000007.pdf', class: 'A', first: 'RT-000001', last: 'RT-000007', certificates: 3, pages: 6 }, {}, {}, {}] });
  });

  it('splits a class into files of the size asked for and prints only the numbers asked for', async () => {
    const book = await issued(manyEntries(30));
    const result = await printCertificates(store, actorOf(book.supervisor), book.programId, { class: 'A', fromNumber: 'RT-000004', toNumber: 'RT-000028' }, out.dir, { certificatesPerFile: 4, workers: 2 });
    // Class A is every third certificate: 4, 7, 10, … 28 — nine of them.
    expect(result.files.map((f) => f.name)).toEqual(['983764176-A-RT-000004-RT-000013.pdf', '983764176-A-RT-000016-RT-000025.pdf', '983764176-A-RT-000028-RT-000028.pdf']);
    expect(result.files.map((f) => pdfPages(out.file(f.name)))).toEqual([8, 8, 2]);
    expect(result).toMatchObject({ certificates: 9, pages: 18 });
  });

  it('refuses in words what it cannot print, writing nothing', async () => {
    const book = await issued();
    const by = actorOf(book.supervisor);
    const before = await store.read((r) => r.journal.count());
    await expect(printCertificates(store, by, book.programId, { class: 'Q' }, out.dir)).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'class', message: 'Class: XO Communications 2003 rights offering has no class "Q" (its classes are A, B, C, T)' });
    await expect(printCertificates(store, by, book.programId, { fromNumber: '12' }, out.dir)).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'fromNumber' });
    await expect(printCertificates(store, by, book.programId, { fromNumber: 'RT-000009' }, out.dir)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/nothing to print/) });
    expect(readdirSync(out.dir)).toEqual([]);
    expect(await store.read((r) => r.journal.count())).toBe(before);
  });

  it('on cancel stops the workers, removes every file of the run and journals nothing', async () => {
    const book = await issued(manyEntries(240));
    const before = await store.read((r) => r.journal.count());
    const abort = new AbortController();
    const run = printCertificates(store, actorOf(book.supervisor), book.programId, {}, out.dir, {
      certificatesPerFile: 10,
      signal: abort.signal,
      onProgress: (p) => {
        if (p.done >= 20) abort.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(readdirSync(out.dir)).toEqual([]);
    expect(await store.read((r) => r.journal.count())).toBe(before);
  });
});

describe('reprintCertificate', () => {
  it('prints one DUPLICATE and journals it as an event of the certificate', async () => {
    const book = await issued();
    const [certificate] = await store.read((r) => r.certificates.byNumber('RT-000002', book.programId));
    const by = actorOf(book.supervisor);
    const file = out.file('RT-000002-DUPLICATE.pdf');
    const done = await reprintCertificate(store, by, certificate?.id ?? 0, 'Original returned torn by the post office', file, { today: '2026-03-02' });
    expect(done).toEqual({ fileName: 'RT-000002-DUPLICATE.pdf', number: 'RT-000002', file });
    const text = pdfText(file);
    expect(text).toContain('DUPLICATE — reprinted 2026-03-02');
    expect(text).toContain('RT-000002');
    expect(text).toContain('Jürgen Müller');
    expect(pdfPages(file)).toBe(2);
    pagesToPng(file, 'certificate-duplicate');
    const events = await store.read((r) => r.certificates.events(certificate?.id ?? 0));
    expect(events).toMatchObject([{ kind: 'reprinted', createdBy: 'sam', detail: { reason: 'Original returned torn by the post office', fileName: 'RT-000002-DUPLICATE.pdf', duplicate: true } }]);
    expect(await lastEntry()).toMatchObject({ action: 'certificate.reprinted', payload: { number: 'RT-000002', reason: 'Original returned torn by the post office' } });

    const count = await store.read((r) => r.journal.count());
    await expect(reprintCertificate(store, by, certificate?.id ?? 0, 'Printed a second time by mistake', file, { today: '2026-03-02' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(reprintCertificate(store, by, certificate?.id ?? 0, 'torn', out.file('other.pdf'), { today: '2026-03-02' })).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'reason' });
    await expect(reprintCertificate(store, by, 987_654, 'Original returned torn', out.file('other.pdf'), { today: '2026-03-02' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await store.read((r) => r.journal.count())).toBe(count);
    expect(readdirSync(out.dir)).toEqual(['RT-000002-DUPLICATE.pdf']);
  });
});
