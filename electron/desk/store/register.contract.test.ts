// The register, certificate, amendment and sign-in repositories on both stores: what is written
// reads back exactly, searches find by account / name words / TIN last four / postal code, the
// append-only tables refuse rewriting, and a bulk import is proved row by row from one entry.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeKit, type StoreKit } from '../testing/store-kit';
import { verifyLocation } from './open-store';
import { SYSTEM_ACTOR, type BookStore, type NewRegisterEntry, type RegisterQuery } from './port';
import { queryWords } from './search-terms';

let kit: StoreKit;
let store: BookStore;
const ADA = { id: 1, username: 'ada' };

beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
  await store.change(SYSTEM_ACTOR, 'test.seed', async (tx, at) => {
    await tx.users.insert({ username: 'ada', displayName: 'Ada', role: 'admin', passwordHash: 'h', createdAt: at, createdBy: null });
    await tx.users.insert({ username: 'sue', displayName: 'Sue', role: 'supervisor', passwordHash: 'h', createdAt: at, createdBy: 'ada' });
    await tx.programs.insert({ kind: 'rights-offering', name: 'XO rights', issuer: 'XO Communications, Inc.', cusip: '983764176', recordDate: '2002-11-15', createdAt: at, createdBy: 1 });
    return { payload: {}, result: null };
  });
});
afterEach(async () => kit.cleanup());

const entry = (i: number, extra: Partial<NewRegisterEntry> = {}): NewRegisterEntry => ({
  line: i + 2,
  account: `AC${String(i).padStart(6, '0')}`,
  class: i % 2 === 0 ? 'A' : 'B',
  registration: [`Holder ${i} Müller`, i % 3 === 0 ? 'JT TEN' : '', '', ''],
  address1: `${i} Main Street`,
  address2: '',
  city: 'Springfield',
  state: 'IL',
  postalCode: i % 5 === 0 ? '62701-1234' : '62702',
  country: 'US',
  tinType: 'SSN',
  tinLast4: String(1000 + (i % 9000)),
  tinEncrypted: new Uint8Array([1, 2, 3, i % 256]),
  units: `${i}.5`,
  nominee: '',
  planShares: '0',
  ...extra,
});

async function importRows(rows: readonly NewRegisterEntry[]): Promise<number> {
  return store.change(ADA, 'register.imported', async (tx, at) => {
    const imp = await tx.register.insertImport({ programId: 1, fileName: 'reg.csv', fileSha256: 'a'.repeat(64), layout: 'csv', rowCount: rows.length, imported: rows.length, rejected: 0, goodRowsOnly: false, importedAt: at, importedBy: 1 });
    await tx.register.insertEntries(1, imp.id, rows);
    return { payload: { importId: imp.id }, result: imp.id };
  });
}

describe('the record-date register', () => {
  it('reads back every column as imported, the TIN only as its last four and whether one is kept', async () => {
    await importRows([entry(1, { registration: ['Łódź-Nowak Zofia', 'Nguyễn Văn An', 'JT TEN', 'c/o Bank'], country: 'PL', state: '', postalCode: '90-001', tinType: 'NONE', tinLast4: null, tinEncrypted: null })]);
    const [row] = await store.read((r) => r.register.byAccount(1, 'AC000001'));
    expect(row).toMatchObject({ programId: 1, line: 3, class: 'B', registration: ['Łódź-Nowak Zofia', 'Nguyễn Văn An', 'JT TEN', 'c/o Bank'], country: 'PL', tinType: 'NONE', tinLast4: null, hasTin: false, units: '1.5' });
    await importRows([entry(2)]);
    const [second] = await store.read((r) => r.register.byAccount(1, 'AC000002'));
    expect(second).toMatchObject({ hasTin: true, tinLast4: '1002' });
    expect(second && [...((await store.read((r) => r.register.encryptedTin(second.id))) ?? [])]).toEqual([1, 2, 3, 2]);
    expect(await store.read((r) => r.register.imports(1))).toHaveLength(2);
  });

  it('finds entries by account, partial name words, TIN last four and postal code (ZIP or ZIP+4)', async () => {
    await importRows(Array.from({ length: 100 }, (_, i) => entry(i)));
    const find = (q: Omit<RegisterQuery, 'programId'>) => store.read((r) => r.register.find({ programId: 1, ...q }, 200));
    expect((await find({ account: 'AC000007' })).map((e) => e.account)).toEqual(['AC000007']);
    expect((await find({ nameWords: queryWords('holder 42 mull') })).map((e) => e.account)).toEqual(['AC000042']);
    expect((await find({ nameWords: queryWords('muller jt') })).length).toBe(34);
    expect((await find({ tinLast4: '1010' })).map((e) => e.account)).toEqual(['AC000010']);
    expect((await find({ postalCode: '62701' })).length).toBe(20);
    expect((await find({ postalCode: '62701-1234' })).length).toBe(20);
    expect((await find({ postalCode: '62702' })).length).toBe(80);
  });

  it('is append-only: a rewritten or deleted entry is refused by the book itself', async () => {
    await importRows([entry(1)]);
    await expect(kit.raw("UPDATE register_entries SET units = '999' WHERE id = 1")).rejects.toThrow(/append-only/);
    await expect(kit.raw('DELETE FROM register_entries WHERE id = 1')).rejects.toThrow(/append-only/);
  });

  it('refuses a second row for the same (account, class)', async () => {
    await importRows([entry(1)]);
    await expect(importRows([entry(1)])).rejects.toThrow();
    expect(await store.read((r) => r.register.count(1))).toBe(1);
  });

  it('proves a bulk import from its one journal entry, and names an entry altered behind the desk', async () => {
    await importRows(Array.from({ length: 500 }, (_, i) => entry(i)));
    await store.close();
    const sound = await verifyLocation(kit.book.location);
    expect(sound.rows).toMatchObject({ problems: 0 });
    expect(sound.rows?.proved).toBeGreaterThanOrEqual(503);
    if (kit.book.kind === 'sqlite') await kit.raw('DROP TRIGGER register_entries_no_update');
    else await kit.raw('ALTER TABLE register_entries DISABLE TRIGGER USER');
    await kit.raw("UPDATE register_entries SET registration1 = 'Someone Else' WHERE id = 250");
    // A bulk write is committed to as a key range: the range that no longer matches is named, with its entry.
    expect((await verifyLocation(kit.book.location)).rows).toMatchObject({ problems: 1, first: { kind: 'range', table: 'register_entries', from: 1, to: 500, seq: 3 } });
  });

  it('keeps the newest version of each named layout, per issuer', async () => {
    for (const spec of [{ v: 1 }, { v: 2 }]) {
      await store.change(ADA, 'register.layoutSaved', async (tx, at) => ({ payload: {}, result: await tx.register.saveLayout({ issuer: 'XO', name: 'Transfer agent file', format: 'fixed', spec, savedAt: at, savedBy: 1 }) }));
    }
    const layouts = await store.read((r) => r.register.layouts('XO'));
    expect(layouts).toMatchObject([{ name: 'Transfer agent file', version: 2, spec: { v: 2 }, savedBy: 'ada' }]);
    expect(await store.read((r) => r.register.layouts('Other issuer'))).toEqual([]);
  });
});

describe('certificates', () => {
  it('are issued once per program, listed in number order by selection, with their events', async () => {
    await importRows(Array.from({ length: 70 }, (_, i) => entry(i)));
    const entries = await store.read((r) => r.register.entriesAfter(1, 0, 1000));
    await store.change(ADA, 'certificates.issued', async (tx, at) => {
      const issue = await tx.certificates.insertIssue({ programId: 1, issuedAt: at, issuedBy: 1, certificates: entries.length, totals: { A: { certificates: 35, held: 0, units: '1207.5', firmRights: 1190 } } });
      await tx.certificates.insertMany(1, issue.id, at, entries.map((e, k) => ({ seq: k + 1, number: `RT-${String(k + 1).padStart(6, '0')}`, class: e.class, entryId: e.id, account: e.account, units: e.units, firmRights: k, held: k % 10 === 0 })));
      return { payload: {}, result: null };
    });
    await expect(
      store.change(ADA, 'certificates.issued', async (tx, at) => ({ payload: {}, result: await tx.certificates.insertIssue({ programId: 1, issuedAt: at, issuedBy: 1, certificates: 0, totals: {} }) })),
    ).rejects.toThrow();
    expect(await store.read((r) => r.certificates.issueOf(1))).toMatchObject({ certificates: 70, issuedBy: 'ada', totals: { A: { firmRights: 1190 } } });
    expect(await store.read((r) => r.certificates.count(1, { class: 'A' }))).toBe(35);
    expect(await store.read((r) => r.certificates.count(1, { heldOnly: true }))).toBe(7);
    const page = await store.read((r) => r.certificates.list(1, { fromSeq: 10, toSeq: 30 }, 19, 5));
    expect(page.map((c) => c.number)).toEqual(['RT-000020', 'RT-000021', 'RT-000022', 'RT-000023', 'RT-000024']);
    const [first] = await store.read((r) => r.certificates.byNumber('RT-000001'));
    expect(first).toMatchObject({ seq: 1, held: true, account: 'AC000000' });
    await store.change({ id: 2, username: 'sue' }, 'certificates.reprinted', async (tx, at) => ({ payload: {}, result: await tx.certificates.addEvent({ certificateId: first?.id ?? 0, at, kind: 'reprinted', detail: { reason: 'Torn in the mail' }, createdBy: 2 }) }));
    expect(await store.read((r) => r.certificates.events(first?.id ?? 0))).toMatchObject([{ kind: 'reprinted', detail: { reason: 'Torn in the mail' }, createdBy: 'sue' }]);
    expect(await store.read((r) => r.certificates.forAccount(1, 'AC000001'))).toHaveLength(1);
    await expect(kit.raw('UPDATE certificates SET firm_rights = 1 WHERE id = 1')).rejects.toThrow(/append-only/);
  });
});

describe('amendments and sign-in failures', () => {
  it('keep a proposal and its decision by another user', async () => {
    const proposed = await store.change({ id: 2, username: 'sue' }, 'terms.amendmentProposed', async (tx, at) => ({
      payload: {},
      result: await tx.amendments.propose({ programId: 1, baseVersion: 1, terms: { kind: 'rights-offering' }, reason: 'Extension to 12/15', proposedAt: at, proposedBy: 2 }),
    }));
    expect(await store.read((r) => r.amendments.pending())).toMatchObject([{ id: proposed.id, proposedBy: 'sue', decision: null }]);
    await expect(
      store.change({ id: 2, username: 'sue' }, 'terms.amendmentApproved', async (tx, at) => ({ payload: {}, result: await tx.amendments.decide(proposed.id, { decision: 'approved', decidedAt: at, decidedBy: 2, note: null }) })),
    ).rejects.toThrow(); // the book itself refuses four-eyes broken
    const decided = await store.change(ADA, 'terms.amendmentApproved', async (tx, at) => ({ payload: {}, result: await tx.amendments.decide(proposed.id, { decision: 'approved', decidedAt: at, decidedBy: 1, note: 'Board resolution' }) }));
    expect(decided).toMatchObject({ decision: 'approved', decidedBy: 'ada', decisionNote: 'Board resolution', terms: { kind: 'rights-offering' } });
    expect(await store.read((r) => r.amendments.pending())).toEqual([]);
  });

  it('keep one failure record per user', async () => {
    await store.change(SYSTEM_ACTOR, 'session.signInFailed', async (tx) => {
      await tx.signInFailures.put({ userId: 2, failures: 3, lastFailedAt: '2026-12-01T10:00:00.000Z', lockedAt: null });
      await tx.signInFailures.put({ userId: 2, failures: 10, lastFailedAt: '2026-12-01T10:05:00.000Z', lockedAt: '2026-12-01T10:05:00.000Z' });
      return { payload: {}, result: null };
    });
    expect(await store.read((r) => r.signInFailures.locked())).toEqual([{ userId: 2, failures: 10, lastFailedAt: '2026-12-01T10:05:00.000Z', lockedAt: '2026-12-01T10:05:00.000Z' }]);
    expect(await store.read((r) => r.signInFailures.ofUser(1))).toBeUndefined();
  });
});
