// Letters to holders on both stores: each letter's words read back from the PDF with pdftotext
// (the deficiencies in plain words, the cure date, the refund to the cent, the masked TIN and no
// full TIN anywhere), the `letters` rows and their journal entry, bulk runs that skip what was
// printed, the foreign-holder letters for the held certificates only, and a cancelled run that
// leaves neither a file nor a row.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BookStore } from '../../store/port';
import { addEnvelope, keyElection, keyOddLot, openBatch, XO_REGISTER_WITH_TIN, xoIntakeBook, type IntakeBook } from '../../testing/intake-rows-fixture';
import { pagesToPng, pdfPages, pdfText } from '../../testing/pdf-tools';
import { storeKit, type StoreKit } from '../../testing/store-kit';
import { tempDir } from '../../testing/temp';
import { actorOf } from '../views';
import { bulkLetters, oneLetter } from './letter-picks';
import { printLetters } from './print-letters';

/** Two days after the stamps, before the XO expiration (December 8, 2003). */
const NOW = new Date('2003-12-03T15:00:00.000Z');
const control = { now: () => NOW };

let kit: StoreKit;
let store: BookStore;
let book: IntakeBook;
let ids: { batchId: number; envelopeId: number };
let dir: ReturnType<typeof tempDir>;

const numberOf = (account: string, cls: string): string => [...book.certificates.values()].find((c) => c.account === account && c.class === cls)!.number;
const by = () => ({ id: book.supervisor.id, username: book.supervisor.username, displayName: book.supervisor.displayName });

beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
  book = await xoIntakeBook(store, XO_REGISTER_WITH_TIN);
  const batchId = await openBatch(store, book);
  ids = { batchId, envelopeId: await addEnvelope(store, book, batchId, { seq: 1, itemCount: 9, stampedLocal: '2003-12-01T10:15' }) };
  dir = tempDir('letters-');
});
afterEach(async () => {
  await store.close();
  await kit.cleanup();
  dir.cleanup();
});

async function decide(electionId: number, kind: string, codes: string[], extra: { cureBy?: string; reason?: string; refund?: string } = {}): Promise<number> {
  return store.change(actorOf(book.supervisor), 'test.decided', async (tx, at) => {
    const id = await tx.supervision.insert('decisions', { programId: book.programId, electionId, oddLotOrderId: null, kind, codes, cureBy: extra.cureBy ?? null, reason: extra.reason ?? 'test', decidedAt: at, decidedBy: book.supervisor.id });
    if (extra.refund) await tx.supervision.insert('scheduled_refunds', { programId: book.programId, decisionId: id, electionId, oddLotOrderId: null, amount: extra.refund, scheduledAt: at, scheduledBy: book.supervisor.id });
    return { payload: { id }, result: id };
  });
}

const unsignedMuller = () =>
  keyElection(store, book, ids, { certificate: numberOf('H-1002', 'B'), basicShares: 200, facts: { signed: false, taxFormOnFile: false }, payments: [{ method: 'check', amount: '1000.00', checkNumber: '2002', payer: 'Jürgen Müller' }] });

async function printOne(electionId: number, letter: 'deficiency' | 'cure' | 'rejection', name: string): Promise<{ text: string; file: string }> {
  const run = await store.read((r) => oneLetter(r, book.programId, { kind: 'election', id: electionId }, letter, NOW));
  const file = dir.file(name);
  await printLetters(store, by(), run, { file }, control);
  return { text: pdfText(file), file };
}

const letterRows = () => store.read((r) => r.supervision.ofProgram('letters', book.programId));

/** No full TIN in any form: a 9-digit run, or a TIN written with its dashes, unmasked. */
function expectNoFullTin(text: string): void {
  expect(text).not.toMatch(/\b\d{9}\b/);
  expect(text).not.toMatch(/\b\d{3}-\d{2}-\d{4}\b/);
  expect(text).not.toMatch(/\b\d{2}-\d{7}\b/);
}

describe('the deficiency and cure letters', () => {
  it('name each open deficiency in plain words, what to send back and by when (the expiration), with the TIN masked', async () => {
    const id = await unsignedMuller();
    const { text, file } = await printOne(id, 'deficiency', 'deficiency.pdf');
    for (const words of ['Jürgen Müller', 'Anna Müller JT TEN', '12 Oak Avenue', 'Evanston, IL 60201-1234', `Certificate ${numberOf('H-1002', 'B')}`, 'TIN XXX-XX-6789', `Election ${id}`]) expect(text).toContain(words);
    expect(text).toContain('The election form is not signed');
    expect(text).toContain('Reference UNSIGNED (§4a)');
    expect(text).toContain('Your taxpayer identification number is missing');
    expect(text).toContain('Reference MISSING_TIN (§21)');
    expect(text).toContain('Payment has not been received in good funds');
    expect(text).toContain('$1,000.00 is still awaiting clearance');
    expect(text).toContain('Form W-9');
    expect(text.replace(/\s+/g, ' ')).toContain('before 5:00 p.m., New York City time, on December 8, 2003, when the offer expires');
    expectNoFullTin(text);
    pagesToPng(file, 'letter-deficiency', 1, pdfPages(file));
    const [row] = await letterRows();
    expect(row).toMatchObject({ kind: 'deficiency', electionId: id, decisionId: null, certificateId: null, printedBy: book.supervisor.id, fileSha256: createHash('sha256').update(readFileSync(file)).digest('hex') });
    const [entry] = await store.read((r) => r.journal.list({ limit: 1 }));
    expect(entry).toMatchObject({ action: 'letters.printed', payload: { programId: book.programId, kinds: ['deficiency'], letters: 1, bulk: false, files: [{ fileName: 'deficiency.pdf', pages: 1 }] } });
  });

  it('gives the cure date of an allowed cure, and sends a deficiency letter request to the cure letter', async () => {
    const id = await unsignedMuller();
    const decisionId = await decide(id, 'allow-cure', ['UNSIGNED', 'MISSING_TIN'], { cureBy: '2003-12-05' });
    const refused = await store.read((r) => oneLetter(r, book.programId, { kind: 'election', id }, 'deficiency', NOW)).catch((e: Error) => e);
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('print its cure letter') });
    const { text, file } = await printOne(id, 'cure', 'cure.pdf');
    expect(text.replace(/\s+/g, ' ')).toContain('What you send must reach us on or before December 5, 2003 (New York time).');
    expect(text.replace(/\s+/g, ' ')).toContain('please correct your election by December 5, 2003');
    expect(text).toContain('The election form signed by the holder');
    // The check still clearing was not part of the cure: it is named with the offer's own deadline.
    expect(text.replace(/\s+/g, ' ')).toContain('Also still outstanding, to be corrected before 5:00 p.m., New York City time, on December 8, 2003: 1. Payment has not been received in good funds');
    expect(text).toContain('TIN XXX-XX-6789');
    expectNoFullTin(text);
    pagesToPng(file, 'letter-cure', 1, pdfPages(file));
    expect(await letterRows()).toMatchObject([{ kind: 'cure', electionId: id, decisionId }]);
  });

  it('refuses a letter the item does not call for, in words', async () => {
    const clean = await keyElection(store, book, ids, { certificate: numberOf('H-1003', 'A'), basicShares: 10, payments: [{ method: 'money-order', amount: '50.00' }] });
    const ask = (letter: 'deficiency' | 'cure' | 'rejection', id = clean) => store.read((r) => oneLetter(r, book.programId, { kind: 'election', id }, letter, NOW)).catch((e: Error) => e);
    expect(await ask('deficiency')).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('has no open deficiency') });
    expect(await ask('rejection')).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('has not been rejected') });
    const unsigned = await unsignedMuller();
    expect(await ask('cure', unsigned)).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('no cure has been allowed') });
    expect(await ask('deficiency', 9999)).toMatchObject({ code: 'NOT_FOUND', field: 'item' });
    expect(await letterRows()).toEqual([]);
  });
});

describe('the rejection letter', () => {
  it('gives the reason, each deficiency and the refund scheduled, to the cent, without interest or deduction', async () => {
    const id = await keyElection(store, book, ids, { certificate: numberOf('H-1003', 'A'), basicShares: 300, facts: { signed: false }, payments: [{ method: 'money-order', amount: '1234.56' }] });
    const decisionId = await decide(id, 'reject', ['UNSIGNED'], { reason: 'Holder declined to sign after two requests', refund: '1234.56' });
    const { text, file } = await printOne(id, 'rejection', 'rejection.pdf');
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Holder declined to sign after two requests');
    expect(flat).toContain('The election form is not signed');
    expect(flat).toContain('The good funds received with it, $1,234.56, will be returned to you by mail, without interest or deduction');
    expect(text).toContain('Nguyễn Văn An');
    expect(text).toContain('No TIN on file');
    expectNoFullTin(text);
    pagesToPng(file, 'letter-rejection', 1, pdfPages(file));
    expect(await letterRows()).toMatchObject([{ kind: 'rejection', electionId: id, decisionId }]);
  });
});

describe('an odd-lot order', () => {
  it('has no deficiency to write about, and its rejection letter names the order and the refund', async () => {
    const orderId = await keyOddLot(store, book, ids, { account: 'H-1004', action: 'buy-up', shares: 91 });
    const ref = { kind: 'odd-lot-order' as const, id: orderId };
    const refused = await store.read((r) => oneLetter(r, book.programId, ref, 'deficiency', NOW)).catch((e: Error) => e);
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(`Odd-lot order ${orderId} has no open deficiency`) });
    const decisionId = await store.change(actorOf(book.supervisor), 'test.decided', async (tx, at) => {
      const id = await tx.supervision.insert('decisions', { programId: book.programId, electionId: null, oddLotOrderId: orderId, kind: 'reject', codes: [], cureBy: null, reason: 'Shares held in an employee benefit plan', decidedAt: at, decidedBy: book.supervisor.id });
      await tx.supervision.insert('scheduled_refunds', { programId: book.programId, decisionId: id, electionId: null, oddLotOrderId: orderId, amount: '455.00', scheduledAt: at, scheduledBy: book.supervisor.id });
      return { payload: { id }, result: id };
    });
    const run = await store.read((r) => oneLetter(r, book.programId, ref, 'rejection', NOW));
    const file = dir.file('order.pdf');
    await printLetters(store, by(), run, { file }, control);
    const flat = pdfText(file).replace(/\s+/g, ' ');
    for (const words of ['Cede & Co', 'FBO Small Holder', `Odd-lot order ${orderId}`, 'your odd-lot order to buy 91 shares', 'Shares held in an employee benefit plan', '$455.00, will be returned to you by mail, without interest or deduction']) expect(flat).toContain(words);
    expect(await letterRows()).toMatchObject([{ kind: 'rejection', electionId: null, oddLotOrderId: orderId, decisionId }]);
  });
});

describe('bulk runs', () => {
  it('print every cure letter not yet printed for its decision, into files in the folder, and skip it next time', async () => {
    const first = await unsignedMuller();
    const second = await keyElection(store, book, ids, { certificate: numberOf('H-1003', 'A'), basicShares: 10, facts: { signed: false }, payments: [{ method: 'money-order', amount: '50.00' }] });
    await decide(first, 'allow-cure', ['UNSIGNED'], { cureBy: '2003-12-05' });
    await decide(second, 'allow-cure', ['UNSIGNED'], { cureBy: '2003-12-06' });
    await printOne(first, 'cure', 'one.pdf');
    const run = await store.read((r) => bulkLetters(r, book.programId, 'cure', NOW));
    expect(run.letters.map((l) => l.electionId)).toEqual([second]);
    const folder = dir.file('bulk');
    mkdirSync(folder);
    const printed = await printLetters(store, by(), run, { folder, kind: 'cure' }, { ...control, bulk: true });
    expect(printed).toMatchObject({ letters: 1, files: [{ letters: 1, fileName: expect.stringMatching(/^983764176-cure-letters-2003-12-03-1000\.pdf$/) }] });
    expect(pdfText(`${folder}/${printed.files[0]!.fileName}`)).toContain('December 6, 2003');
    expect((await store.read((r) => bulkLetters(r, book.programId, 'cure', NOW))).letters).toEqual([]);
    // A run prepared before another desk printed the same letters is refused at the end, and leaves nothing.
    await expect(printLetters(store, by(), run, { folder, kind: 'cure' }, { now: () => new Date(NOW.getTime() + 60_000), bulk: true })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readdirSync(folder)).toHaveLength(1);
    expect((await letterRows()).map((l) => l.kind)).toEqual(['cure', 'cure']);
  });

  it('print the foreign-holder letter (§9) for each held certificate only, with its number and rights', async () => {
    const run = await store.read((r) => bulkLetters(r, book.programId, 'foreign-holder', NOW));
    const held = [numberOf('H-1001', 'A'), numberOf('H-1005', 'A')];
    expect(run.letters.map((l) => l.certificateId)).toEqual(held.map((n) => book.certificates.get(n)!.id));
    const folder = dir.file('foreign');
    mkdirSync(folder);
    const printed = await printLetters(store, by(), run, { folder, kind: 'foreign-holder' }, { ...control, bulk: true });
    const file = `${folder}/${printed.files[0]!.fileName}`;
    const text = pdfText(file);
    const flat = text.replace(/\s+/g, ' ');
    for (const words of ['Zofia Łódź-Nowak', 'POLAND', 'Marie-Hélène Dubois', 'FRANCE', `We hold certificate ${held[0]} for your account, evidencing 1,234 rights`, `We hold certificate ${held[1]} for your account, evidencing 40 rights`]) expect(flat).toContain(words);
    expect(flat).toContain('$6,170.00');
    expect(flat).toContain('no later than 5:00 p.m., New York City time, on December 8, 2003');
    expect(flat).toContain('your rights expire unexercised and are null and void');
    for (const other of ['Nguyễn Văn An', 'Jürgen Müller', 'Cede & Co']) expect(text).not.toContain(other);
    expectNoFullTin(text);
    expect(pdfPages(file)).toBe(printed.pages);
    pagesToPng(file, 'letter-foreign', 1, printed.pages);
    expect((await store.read((r) => bulkLetters(r, book.programId, 'foreign-holder', NOW))).letters).toEqual([]);
  });

  it('leaves no file and no row when cancelled mid-run', async () => {
    const run = await store.read((r) => bulkLetters(r, book.programId, 'foreign-holder', NOW));
    const many = { ...run, letters: Array.from({ length: 40 }, () => run.letters[0]!) };
    const folder = dir.file('cancelled');
    mkdirSync(folder);
    const abort = new AbortController();
    const before = await store.read((r) => r.journal.head());
    const outcome = printLetters(store, by(), many, { folder, kind: 'foreign-holder' }, { ...control, bulk: true, signal: abort.signal, onProgress: (p) => p.done >= 1 && abort.abort() });
    await expect(outcome).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(readdirSync(folder)).toEqual([]);
    expect(await letterRows()).toEqual([]);
    expect(await store.read((r) => r.journal.head())).toEqual(before);
  });
});
