// From "I lost my certificate" to an exercised replacement, through the services on a real book
// (SQLite and PostgreSQL): the stop, the engine's CERTIFICATE_STOPPED through assess(), the bond
// and its four-eyes approval, the replacement of like tenor, and every refusal leaving the book as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rightsOfferingTermsSchema } from '../../../../shared/domain/terms';
import { XO_TERMS_JSON } from '../../../../shared/domain/testing/terms';
import { storeKit, type StoreKit } from '../../testing/store-kit';
import type { BookStore, CertificateRecord } from '../../store/port';
import { assess } from '../intake/assess';
import { actorOf } from '../views';
import { approveBond, keyBond } from './bonds';
import { recordRemains, viewCase } from './cases';
import { replaceCertificate } from './replace';
import { setLostSettings } from './settings';
import { isStopped, stoppedCertificates } from './stops';
import { AFFIDAVIT, lostBook, openLostCase, type LostBook } from './test-book';

const terms = rightsOfferingTermsSchema.parse(XO_TERMS_JSON);
let kit: StoreKit;
let store: BookStore;
let book: LostBook;
let original: CertificateRecord;

beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
  book = await lostBook(kit, store);
  original = await book.certificate('H-1003');
});
afterEach(async () => {
  await kit.cleanup();
});

const journalCount = () => store.read((r) => r.journal.count());
const lastEntry = async () => (await store.read((r) => r.journal.list({ limit: 1 })))[0];

/** An election of `basic` shares keyed on a certificate, as intake writes one. */
async function keyElection(certificateId: number, basic: number): Promise<void> {
  await store.change(actorOf(book.carl), 'test.electionKeyed', async (tx, at) => {
    const batchId = await tx.intake.insert('mail_batches', { programId: book.programId, receiptDate: '2003-11-20', label: 'Morning mail', openedAt: at, openedBy: book.carl.id });
    const envelopeId = await tx.intake.insert('envelopes', { batchId, seq: 1, source: 'mail', stampedLocal: '2003-11-20T09:15', receivedAt: '2003-11-20T14:15:00.000Z', itemCount: 1, createdAt: at, createdBy: book.carl.id });
    await tx.intake.insert('elections', {
      programId: book.programId, batchId, envelopeId, kind: 'form', certificateId, basicShares: basic, oversubscriptionShares: 0, facts: { signed: true },
      voiNumber: null, participantNumber: null, participantName: null, rightsSurrendered: null, correctsId: null, keyedAt: at, keyedBy: book.carl.id,
    });
    return { payload: { certificateId, basic }, result: null };
  });
}

/** The engine's verdict on a clean, paid election of 10 shares on `certificate`, its stop read from the book. */
async function verdictOn(certificate: CertificateRecord) {
  const [stopped, exercised] = await store.read(async (r) => [await isStopped(r, certificate.id), await r.intake.basicExercised(certificate.id)] as const);
  return assess({
    terms, certificate, stampedLocal: '2003-11-21T10:00', basicShares: 10, oversubscriptionShares: 0, facts: { signed: true },
    payments: [{ method: 'money-order', amount: '50.00', status: 'received' }], exercisedBefore: exercised, certificateStopped: stopped,
  });
}

const settings = { bondRate: '0.02', minimumPremium: '25.00', valuePerRight: '1.255', processingFee: '15.00', reason: 'Surety quote for the XO offering' };

describe('a lost certificate, from the stop to an exercised replacement', () => {
  it('stops the certificate at once: an election keyed on it afterwards carries CERTIFICATE_STOPPED', async () => {
    expect((await verdictOn(original)).deficiencies.map((d) => d.code)).toEqual([]);
    const opened = await openLostCase(store, book, book.carl, original.number);
    expect(opened).toMatchObject({ certificateNumber: 'RT-000004', kind: 'lost', status: 'open', firmRights: 999, rightsLeft: 999, bondRequired: true });
    expect(opened.blockers).toContain('No indemnity bond has been keyed');
    expect(await store.read((r) => isStopped(r, original.id))).toBe(true);
    const other = await book.certificate('H-1001');
    expect([...(await store.read((r) => stoppedCertificates(r, [original.id, other.id, original.id])))]).toEqual([original.id]);
    expect((await verdictOn(original)).deficiencies.map((d) => d.code)).toEqual(['CERTIFICATE_STOPPED']);
    expect(await store.read((r) => r.certificates.events(original.id))).toMatchObject([{ kind: 'stopped', createdBy: 'carl', detail: { caseId: opened.id, kind: 'lost' } }]);
    expect(await lastEntry()).toMatchObject({ action: 'lost.caseOpened', payload: { number: 'RT-000004', stopped: true, affidavit: { tinLast4: '6789' } } });
  });

  it('prices the bond on the rights left, takes a supervisor other than the opener to approve it, and replaces the certificate of like tenor', async () => {
    await keyElection(original.id, 100);
    const opened = await openLostCase(store, book, book.sam, original.number);
    await expect(keyBond(store, actorOf(book.carl), { caseId: opened.id, expenses: '10', paymentReceived: '500', surety: 'Hartford', bondReference: 'B-1' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('no indemnity settings') });
    await setLostSettings(store, actorOf(book.sue), { programId: book.programId, ...settings });
    // 899 rights left × 1.255 = 1,128.245 of market value; 2% = 22.5649 → under the minimum: 25.00.
    const before = await journalCount();
    await expect(keyBond(store, actorOf(book.carl), { caseId: opened.id, expenses: '10', paymentReceived: '49.99', surety: 'Hartford', bondReference: 'B-1' })).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'paymentReceived', message: expect.stringContaining('(50.00 in all)') });
    expect(await journalCount()).toBe(before);
    const bonded = await keyBond(store, actorOf(book.carl), { caseId: opened.id, expenses: '10', paymentReceived: '50', surety: 'Hartford Casualty', bondReference: 'B-1' });
    expect(bonded.bonds).toMatchObject([{ rights: 899, marketValue: '1128.25', premium: '25.00', processingFee: '15.00', expenses: '10.00', paymentReceived: '50.00', stopDate: '2003-11-20', approvedBy: null }]);
    expect(bonded.status).toBe('bond keyed');
    const bondId = bonded.bonds[0]?.id ?? 0;
    await expect(approveBond(store, actorOf(book.sam), { caseId: opened.id, bondId })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Four eyes') });
    await expect(replaceCertificate(store, actorOf(book.carl), { caseId: opened.id })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('awaits a supervisor') });
    const approved = await approveBond(store, actorOf(book.sue), { caseId: opened.id, bondId });
    expect(approved).toMatchObject({ status: 'ready to replace', blockers: [] });

    const replaced = await replaceCertificate(store, actorOf(book.carl), { caseId: opened.id });
    expect(replaced).toMatchObject({ status: 'replaced', replacement: { number: 'RT-000008', firmRights: 899 } });
    const fresh = await store.read((r) => r.certificates.byId(replaced.replacement?.certificateId ?? 0));
    expect(fresh).toMatchObject({ number: 'RT-000008', seq: 8, class: original.class, entryId: original.entryId, account: original.account, units: original.units, firmRights: 899, held: original.held, issueId: null });
    expect((await store.read((r) => r.certificates.events(original.id))).map((e) => [e.kind, e.detail['number'] ?? null])).toEqual([['stopped', null], ['cancelled', null], ['replaced-by', 'RT-000008']]);
    expect(await store.read((r) => r.certificates.events(fresh?.id ?? 0))).toMatchObject([{ kind: 'replaces', detail: { certificateId: original.id, number: 'RT-000004' } }]);
    await expect(replaceCertificate(store, actorOf(book.carl), { caseId: opened.id })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already been replaced') });

    // The replacement is good: an election on it is clean, with the rights left on the original.
    const verdict = await verdictOn(fresh as CertificateRecord);
    expect(verdict.deficiencies).toEqual([]);
    expect(verdict.rightsLeft).toBe(899);
    const actions = (await store.read((r) => r.journal.list({ limit: 8 }))).map((e) => e.action).reverse();
    expect(actions.slice(-4)).toEqual(['lost.settingsSet', 'lost.bondKeyed', 'lost.bondApproved', 'lost.replaced']);
  });

  it('refuses in words, leaving the book as it was: a theft without police report, a second case, an unknown number', async () => {
    const before = await journalCount();
    await expect(openLostCase(store, book, book.carl, original.number, { kind: 'stolen' })).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'policeReport' });
    await expect(openLostCase(store, book, book.carl, 'RT-000999')).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'certificateNumber' });
    expect(await journalCount()).toBe(before);
    expect(await store.read((r) => isStopped(r, original.id))).toBe(false);
    await openLostCase(store, book, book.carl, original.number, { kind: 'stolen', policeReport: 'HPD 2003-11-0042' });
    await expect(openLostCase(store, book, book.carl, original.number)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already has case') });
  });

  it('warns of an affidavit that does not match and of expiration close; refuses a replacement after expiration', async () => {
    kit.clock.setWallClock('2003-12-03T15:00:00.000Z');
    const opened = await openLostCase(store, book, book.carl, original.number, { affidavit: { ...AFFIDAVIT, rights: 990 } });
    expect(opened.warnings).toEqual([
      'The rights expire on 2003-12-08, within 5 business days: a replacement must be issued before then, or the holder cannot exercise',
      'The affidavit states 990 rights; certificate RT-000004 carries 999',
    ]);
    await setLostSettings(store, actorOf(book.sam), { programId: book.programId, ...settings });
    const bonded = await keyBond(store, actorOf(book.carl), { caseId: opened.id, expenses: '0', paymentReceived: '100', surety: 'Hartford', bondReference: 'B-2' });
    await approveBond(store, actorOf(book.sue), { caseId: opened.id, bondId: bonded.bonds[0]?.id ?? 0 });
    kit.clock.setWallClock('2003-12-08T22:01:00.000Z'); // 5:01 p.m. in New York on the expiration date
    await expect(replaceCertificate(store, actorOf(book.carl), { caseId: opened.id })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('no replacement after expiration') });
    expect(await store.read((r) => viewCase(r, opened.id, '2003-12-08T22:01:00.000Z'))).toMatchObject({ status: 'bond keyed' });
  });

  it('replaces an identifiable mutilated certificate without a bond once its remains are surrendered', async () => {
    const opened = await openLostCase(store, book, book.carl, original.number, { kind: 'mutilated', circumstances: 'Chewed by the dog; number still legible' });
    expect(opened.blockers).toEqual(['The remains of the mutilated certificate have not been surrendered', 'No indemnity bond has been keyed']);
    const surrendered = await recordRemains(store, actorOf(book.carl), { caseId: opened.id, identifiable: true, description: 'Two pieces; number and registration legible' });
    expect(surrendered).toMatchObject({ bondRequired: false, status: 'ready to replace', remains: { identifiable: true } });
    await expect(keyBond(store, actorOf(book.carl), { caseId: opened.id, expenses: '0', paymentReceived: '0', surety: 'x', bondReference: 'x' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('no bond is needed') });
    expect(await replaceCertificate(store, actorOf(book.carl), { caseId: opened.id })).toMatchObject({ status: 'replaced', replacement: { firmRights: 999 } });
  });
});
