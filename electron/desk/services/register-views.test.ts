import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskFailure } from '../../../shared/ipc/result';
import type { BookStore } from '../store/port';
import { entryOf, SAMPLE_HOLDERS, seedScreensBook, writeRegister } from '../testing/register-fixture-screens';
import { createProgram } from './programs';
import { storeKit, type StoreKit } from '../testing/store-kit';
import { certificateDetail, certificatesPage, heldForeign } from './certificate-views';
import { holderPage, registerEntries, registerSummary } from './register-views';
import { maskTin } from './register-view-model';

const PEOPLE = { admin: { username: 'ada', displayName: 'Ada Admin', password: 'correct horse battery' }, clerk: { username: 'carl', displayName: 'Carl Clerk', password: 'keying-all-day-42' } };

let kit: StoreKit;
let store: BookStore;
let programId: number;
beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
  ({ programId } = await seedScreensBook(store, PEOPLE));
});
afterEach(async () => kit.cleanup());

const failureOf = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    expect(error).toBeInstanceOf(DeskFailure);
    return error as DeskFailure;
  }
  throw new Error('expected a DeskFailure');
};

describe('maskTin', () => {
  it('shows only the last four behind the mask of the TIN type', () => {
    expect(maskTin('SSN', '6789')).toBe('XXX-XX-6789');
    expect(maskTin('ITIN', '5555')).toBe('XXX-XX-5555');
    expect(maskTin('EIN', '2143')).toBe('XX-XXX2143');
    expect(maskTin('NONE', null)).toBe('none');
    expect(maskTin('SSN', null)).toBe('none');
    expect(maskTin('SSN', '12a4')).toBe('none');
  });
});

describe('register views', () => {
  it('sums up the register: entries, the import that made it, and the issue', async () => {
    const summary = await registerSummary(store, programId);
    expect(summary).toMatchObject({ programId, entries: 7, issued: true, issue: { certificates: 7, issuedBy: 'ada' } });
    expect(summary.imports).toEqual([expect.objectContaining({ fileName: 'xo-record-date.csv', rowCount: 7, imported: 7, rejected: 0, importedBy: 'ada' })]);
    expect(summary.issue?.totals['A']).toEqual({ certificates: 6, held: 2, units: '252739', firmRights: 252739 });
  });

  it('gives the register by window in account, class order, TINs masked and no ciphertext', async () => {
    const all = await registerEntries(store, { programId, offset: 0, limit: 100 });
    expect(all.total).toBe(7);
    expect(all.rows.map((e) => `${e.account}/${e.class}`)).toEqual(['100001/A', '100001/B', '100002/A', '100003/A', '100004/A', '100005/A', '100006/A']);
    expect(all.rows.map((e) => e.maskedTin)).toEqual(['XXX-XX-6789', 'XXX-XX-6789', 'XX-XXX2143', 'XXX-XX-5555', 'none', 'XXX-XX-9999', 'none']);
    const text = JSON.stringify(all);
    expect(text).not.toContain('123456789');
    expect(text).not.toMatch(/tinEncrypted|tinLast4|hasTin/);
    const window = await registerEntries(store, { programId, offset: 5, limit: 10 });
    expect(window.rows.map((e) => e.account)).toEqual(['100005', '100006']);
    expect((await registerEntries(store, { programId, offset: 50, limit: 10 })).rows).toEqual([]);
  });

  it('shows a holder: both classes, the record-date address and certificates with their events', async () => {
    const holder = await holderPage(store, { programId, account: '100001' });
    expect(holder.entries.map((e) => e.class)).toEqual(['A', 'B']);
    expect(holder.entries[0]).toMatchObject({ registration: ['JOHN Q PUBLIC', 'MARY PUBLIC JT TEN', '', ''], address1: '12 Elm Street', city: 'Springfield', postalCode: '62701', maskedTin: 'XXX-XX-6789' });
    expect(holder.certificates.map((c) => [c.number, c.class, c.firmRights, c.held])).toEqual([['RT-000001', 'A', 1500, false], ['RT-000002', 'B', 75, false]]);
    expect(holder.certificates[0]?.events).toEqual([expect.objectContaining({ kind: 'printed', detail: { file: 'certificates-A-0001.pdf' }, createdBy: 'ada' })]);
    expect(holder.certificates[1]?.events).toEqual([]);
  });

  it('names the field when the program or the account is not there', async () => {
    expect(await failureOf(holderPage(store, { programId, account: '999999' }))).toMatchObject({ code: 'NOT_FOUND', field: 'account', message: expect.stringContaining('Account 999999 is not on the register') });
    expect(await failureOf(registerSummary(store, 4242))).toMatchObject({ code: 'NOT_FOUND', field: 'programId' });
    expect(await failureOf(registerEntries(store, { programId: 4242, offset: 0, limit: 5 }))).toMatchObject({ code: 'NOT_FOUND', field: 'programId' });
  });
});

describe('certificate views', () => {
  it('lists certificates by window, of one class or all', async () => {
    const all = await certificatesPage(store, { programId, offset: 0, limit: 3 });
    expect(all.total).toBe(7);
    expect(all.rows.map((c) => c.number)).toEqual(['RT-000001', 'RT-000002', 'RT-000003']);
    expect((await certificatesPage(store, { programId, offset: 6, limit: 3 })).rows.map((c) => c.number)).toEqual(['RT-000007']);
    const classB = await certificatesPage(store, { programId, class: 'B', offset: 0, limit: 10 });
    expect(classB).toMatchObject({ total: 1, rows: [expect.objectContaining({ number: 'RT-000002', account: '100001' })] });
    const classA = await certificatesPage(store, { programId, class: 'A', offset: 1, limit: 2 });
    expect(classA.rows.map((c) => c.number)).toEqual(['RT-000003', 'RT-000004']);
  });

  it('shows a certificate with its register entry and history', async () => {
    const [first] = (await certificatesPage(store, { programId, offset: 0, limit: 1 })).rows;
    const detail = await certificateDetail(store, first!.id);
    expect(detail.program).toEqual({ id: programId, name: 'XO Communications 2003 rights offering', cusip: '983764176' });
    expect(detail.entry).toMatchObject({ account: '100001', class: 'A', maskedTin: 'XXX-XX-6789' });
    expect(detail.events.map((e) => e.kind)).toEqual(['printed']);
    expect(await failureOf(certificateDetail(store, 99_999))).toMatchObject({ code: 'NOT_FOUND', field: 'certificateId' });
  });

  it('lists the certificates held for holders abroad with the §9 letter each needs', async () => {
    const held = await heldForeign(store, { programId, offset: 0, limit: 10 });
    expect(held.total).toBe(2);
    expect(held.rows.map((r) => [r.certificate.number, r.name, r.country, r.letter.form, r.letter.sentAt !== null])).toEqual([
      ['RT-000006', 'HANS MÜLLER', 'DE', 'Exhibit D', true],
      ['RT-000007', 'MARIE DUPONT', 'FR', 'Exhibit D', false],
    ]);
    expect(held.rows[0]?.address).toEqual(['Hauptstraße 1', 'Berlin, 10115', 'DE']);
    expect(held.rows[1]?.letter.sends).toBe('Prospectus with the Exhibit D letter to FR: certificate held by the agent, not mailed (§9)');
  });

  it('says not issued, with no certificates, for a program with a register and no issue yet', async () => {
    const ada = await store.read(async (r) => (await r.users.byUsername('ada'))!);
    const actor = { id: ada.id, username: ada.username, displayName: ada.displayName, role: ada.role };
    const other = await createProgram(store, actor, { kind: 'odd-lot', name: 'Acme odd-lot', issuer: 'Acme', cusip: '037833100', recordDate: '2026-02-27' });
    await writeRegister(store, actor, other.id, [entryOf(SAMPLE_HOLDERS[0]!, 2)], { rowCount: 1 });
    expect(await registerSummary(store, other.id)).toMatchObject({ entries: 1, issued: false, issue: null });
    expect(await certificatesPage(store, { programId: other.id, offset: 0, limit: 10 })).toEqual({ total: 0, offset: 0, rows: [] });
    expect(await heldForeign(store, { programId: other.id, offset: 0, limit: 10 })).toEqual({ total: 0, offset: 0, rows: [] });
    expect((await holderPage(store, { programId: other.id, account: '100001' })).certificates).toEqual([]);
  });
});
