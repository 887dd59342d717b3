import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GuaranteedNoticeInput } from '../../../../shared/ipc/intake-more';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { BookStore } from '../../store/port';
import { openEnvelope, rightsIntakeBook, type IntakeBook } from '../../testing/intake-more-fixture';
import { storeKit, type StoreKit } from '../../testing/store-kit';
import { coverGuaranteedNotice, keyGuaranteedNotice, listGuaranteedNotices } from './guaranteed-delivery';

let kit: StoreKit;
let store: BookStore;
let book: IntakeBook;
let envelopeId: number;
beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
  book = await rightsIntakeBook(store, { guaranteedDelivery: true });
  // Friday 2003-12-05: three business days later is Wednesday 2003-12-10.
  ({ envelopeId } = await openEnvelope(store, book, '2003-12-05T15:00', 'courier'));
});
afterEach(async () => kit.cleanup());

// RT-000004: H-1003, class A, 999 firm rights.
const notice = (over: Partial<GuaranteedNoticeInput> = {}): GuaranteedNoticeInput => ({
  envelopeId, institution: 'First Eligible Bank N.A.', account: 'H-1003', certificateNumbers: ['RT-000004'], rights: 999, basicShares: 999, oversubscriptionShares: 0,
  payment: { method: 'wire', amount: '4995.00', payer: 'First Eligible Bank N.A.', reference: 'FED-20031205-1' }, ...over,
});
const at = (iso: string) => new Date(iso);
const codes = (v: { assessment: { deficiencies: readonly { code: string }[] } }) => v.assessment.deficiencies.map((d) => d.code);

async function refusal(work: Promise<unknown>): Promise<DeskFailure> {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DeskFailure);
  return error as DeskFailure;
}

describe('Notices of Guaranteed Delivery (§5b, where the terms allow it)', () => {
  it('keys a notice with its payment; the certificate is due three business days after receipt on the terms’ calendar', async () => {
    const v = await keyGuaranteedNotice(store, book.supervisor, notice(), at('2003-12-05T21:00:00Z'));
    expect(v).toMatchObject({ institution: 'First Eligible Bank N.A.', account: 'H-1003', certificateNumbers: ['RT-000004'], rights: 999, dueDate: '2003-12-10', state: 'awaiting', covered: [] });
    const ledger = await store.read((r) => r.intake.where('ledger_entries', 'electionId', v.electionId));
    expect(ledger.map((l) => [l.kind, l.method, l.amount])).toEqual([['deposited', 'wire', '4995.00']]);
  });

  it('lists notices awaiting their certificates with the due date; a certificate in time completes the election', async () => {
    const v = await keyGuaranteedNotice(store, book.supervisor, notice(), at('2003-12-05T21:00:00Z'));
    expect((await listGuaranteedNotices(store, book.programId, at('2003-12-08T15:00:00Z'))).map((n) => [n.noticeId, n.state, n.dueDate])).toEqual([[v.noticeId, 'awaiting', '2003-12-10']]);
    const arrival = await openEnvelope(store, book, '2003-12-10T16:59', 'mail');
    const covered = await coverGuaranteedNotice(store, book.supervisor, { noticeId: v.noticeId, envelopeId: arrival.envelopeId, certificateNumber: 'RT-000004' }, at('2003-12-11T15:00:00Z'));
    expect(covered).toMatchObject({ state: 'covered', covered: ['RT-000004'] });
    expect(codes(covered)).not.toContain('GUARANTEED_DELIVERY_NOT_COVERED');
    await expect(coverGuaranteedNotice(store, book.supervisor, { noticeId: v.noticeId, envelopeId: arrival.envelopeId, certificateNumber: 'RT-000004' }, at('2003-12-11T15:00:00Z'))).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('no certificate by 5:00 p.m. on the due date, or one after it: GUARANTEED_DELIVERY_NOT_COVERED, which rejects', async () => {
    const v = await keyGuaranteedNotice(store, book.supervisor, notice(), at('2003-12-05T21:00:00Z'));
    const [passed] = await listGuaranteedNotices(store, book.programId, at('2003-12-10T22:01:00Z'));
    expect(passed).toMatchObject({ state: 'not-covered' });
    expect(codes(passed!)).toContain('GUARANTEED_DELIVERY_NOT_COVERED');
    const lateArrival = await openEnvelope(store, book, '2003-12-10T17:01', 'mail');
    const late = await coverGuaranteedNotice(store, book.supervisor, { noticeId: v.noticeId, envelopeId: lateArrival.envelopeId, certificateNumber: 'RT-000004' }, at('2003-12-10T22:05:00Z'));
    expect(late.state).toBe('not-covered');
  });

  it('refuses in words: terms without guaranteed delivery (the XO terms, §5b), another holder’s certificate, more rights than are left', async () => {
    const xo = await rightsIntakeBook(store, { supervisor: book.supervisor });
    const xoEnvelope = await openEnvelope(store, xo, '2003-12-05T15:00');
    const refused = await refusal(keyGuaranteedNotice(store, book.supervisor, notice({ envelopeId: xoEnvelope.envelopeId }), new Date()));
    expect(refused.message).toContain('do not allow it (§5b)');
    expect((await refusal(keyGuaranteedNotice(store, book.supervisor, notice({ certificateNumbers: ['RT-000001'] }), new Date()))).message).toContain('belongs to account H-1001');
    expect(await refusal(keyGuaranteedNotice(store, book.supervisor, notice({ rights: 1000 }), new Date()))).toMatchObject({ field: 'rights' });
    expect(await store.read((r) => r.intake.count('guaranteed_deliveries'))).toBe(0);
  });
});
