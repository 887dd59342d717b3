import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rightsOfferingTermsSchema, type RightsOfferingTerms } from '../../../../shared/domain/terms';
import { XO_TERMS_JSON } from '../../../../shared/domain/testing/terms';
import type { BookStore } from '../../store/port';
import { openEnvelope, rightsIntakeBook, type IntakeBook } from '../../testing/intake-more-fixture';
import { storeKit, type StoreKit } from '../../testing/store-kit';
import { assess, assessStored, keyedFactsSchema } from './assess';
import { keyDtcInstruction } from './dtc';
import { keyGuaranteedNotice } from './guaranteed-delivery';

// What assess.ts takes from the DTC and guaranteed-delivery items: the nominee's certification as
// the engine's fact, an instruction as its own exercise unit, and a notice's cover as of a time.
const terms = rightsOfferingTermsSchema.parse(XO_TERMS_JSON);

describe('assess.ts with DTC instructions and guaranteed deliveries', () => {
  it('reads a nominee’s certification from the facts: missing with an oversubscription ⇒ NOMINEE_CERTIFICATION_MISSING', () => {
    const base = { terms, certificate: { class: 'A', firmRights: 50000, held: false }, stampedLocal: '2003-12-01T10:15', basicShares: 100, oversubscriptionShares: 10, payments: [{ method: 'dtc' as const, amount: '550.00', status: 'cleared' as const }], exercisedBefore: 0, rightsSurrendered: 100 };
    expect(assess({ ...base, facts: keyedFactsSchema.parse({ signed: true, nomineeCertified: false, settled: true }) }).deficiencies.map((d) => d.code)).toEqual(['NOMINEE_CERTIFICATION_MISSING']);
    expect(assess({ ...base, facts: { signed: true, nomineeCertified: true } }).deficiencies).toEqual([]);
    expect(assess({ ...base, facts: { signed: true }, guaranteedDeliveryNotCovered: true }).deficiencies.map((d) => d.code)).toEqual(['GUARANTEED_DELIVERY_NOT_COVERED']);
  });
});

describe('assessStored on saved items', () => {
  let kit: StoreKit;
  let store: BookStore;
  let book: IntakeBook;
  beforeEach(async () => {
    kit = await storeKit();
    store = await kit.open();
    book = await rightsIntakeBook(store, { guaranteedDelivery: true });
  });
  afterEach(async () => kit.cleanup());

  const stored = (electionId: number, asOf?: Date) =>
    store.read(async (r) => {
      const e = (await r.intake.byId('elections', electionId))!;
      const certificate = (await r.certificates.byId(e.certificateId))!;
      const envelope = (await r.intake.byId('envelopes', e.envelopeId))!;
      const t = (await r.terms.history(e.programId)).at(-1)!.terms as RightsOfferingTerms;
      return assessStored(r, e, t, certificate, envelope.stampedLocal, asOf);
    });

  it('a DTC instruction is its own unit: the position’s other instructions do not use up its rights', async () => {
    const { envelopeId } = await openEnvelope(store, book, '2003-12-01T10:15', 'dtc');
    const one = { envelopeId, certificateNumber: 'RT-000008', participantNumber: '0352', participantName: 'P', rightsSurrendered: 1000, basicShares: 1000, oversubscriptionShares: 0, amount: '5000.00', settled: true, certified: true, lines: [] };
    await keyDtcInstruction(store, book.supervisor, { ...one, voiNumber: 'V-1' });
    const second = await keyDtcInstruction(store, book.supervisor, { ...one, voiNumber: 'V-2' });
    expect(await stored(second.electionId)).toMatchObject({ deficiencies: [], rights: 1000, rightsLeft: 1000, basicShares: 1000 });
  });

  it('a guaranteed delivery is judged as of the time asked: in time, then not covered once its due time passed', async () => {
    const { envelopeId } = await openEnvelope(store, book, '2003-12-05T15:00', 'courier');
    const notice = await keyGuaranteedNotice(store, book.supervisor, {
      envelopeId, institution: 'Bank', account: 'H-1003', certificateNumbers: ['RT-000004'], rights: 999, basicShares: 999, oversubscriptionShares: 0,
      payment: { method: 'wire', amount: '4995.00', payer: 'Bank', reference: 'W' },
    }, new Date('2003-12-05T21:00:00Z'));
    const codes = async (asOf?: Date) => (await stored(notice.electionId, asOf)).deficiencies.map((d) => d.code);
    expect(await codes(new Date('2003-12-10T21:59:00Z'))).not.toContain('GUARANTEED_DELIVERY_NOT_COVERED');
    expect(await codes(new Date('2003-12-10T22:01:00Z'))).toContain('GUARANTEED_DELIVERY_NOT_COVERED');
    expect(await codes()).not.toContain('GUARANTEED_DELIVERY_NOT_COVERED'); // no time asked: the fact is not raised
  });
});
