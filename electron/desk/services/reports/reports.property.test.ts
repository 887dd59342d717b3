// Property: whatever mail comes in over several days — clean and deficient forms, corrections,
// DTC instructions, short payments, cleared, pending and returned checks, rejections and waivers —
// each daily figure equals a plain recount of the rows keyed for that day, the cumulative totals
// are the sums of the dailies, the final report certifies the totals through the expiration day,
// and the holder listing's rights exercised tie to them (both stores).
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { addBusinessDays, formatCents } from '../../../../shared/domain';
import type { ReportFigures } from '../../../../shared/ipc/reports';
import type { BookStore } from '../../store/port';
import { AFTER_XO } from '../../testing/intake-fixture';
import { addEnvelope, keyElection, openBatch, reverseElection, xoIntakeBook, type IntakeBook, type PaymentKeyed } from '../../testing/intake-rows-fixture';
import { storeKit, type StoreKit } from '../../testing/store-kit';
import { actorOf } from '../views';
import { dailyFrom } from './daily';
import { finalFrom } from './final';
import { holderListingFrom } from './holders';
import { readReportSource } from './report-source';

/** Receipt stamps and the business day each belongs to (a Saturday counts on Monday; 5:30 p.m. on the expiration date is late). */
const STAMPS: readonly { readonly stamp: string; readonly day: string; readonly late?: true }[] = [
  { stamp: '2003-11-20T10:00', day: '2003-11-20' },
  { stamp: '2003-11-21T16:59', day: '2003-11-21' },
  { stamp: '2003-11-22T11:00', day: '2003-11-24' },
  { stamp: '2003-11-24T09:00', day: '2003-11-24' },
  { stamp: '2003-12-08T17:30', day: '2003-12-08', late: true },
];
const PAYMENTS = ['full-money-order', 'short-money-order', 'check-cleared', 'check-pending', 'check-returned', 'none'] as const;
const PRICE_CENTS = 500;

const item = fc.record({
  dtc: fc.boolean(),
  stamp: fc.integer({ min: 0, max: STAMPS.length - 1 }),
  basic: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null, freq: 4 }),
  deemed: fc.integer({ min: 1, max: 30 }),
  oversub: fc.integer({ min: 0, max: 5 }),
  signed: fc.boolean(),
  payment: fc.constantFrom(...PAYMENTS),
  corrected: fc.boolean(),
  decision: fc.constantFrom('none', 'none', 'reject', 'waive'),
});
type Item = typeof item extends fc.Arbitrary<infer T> ? T : never;

/** What the generated item should count for, worked out plainly from what was keyed. */
function recount(it: Item) {
  const basic = it.dtc ? (it.basic ?? it.deemed) : it.basic;
  const oversub = it.dtc ? it.oversub : 0;
  const shares = (basic ?? it.deemed) + oversub;
  const good = it.payment === 'full-money-order' || it.payment === 'check-cleared' ? shares * PRICE_CENTS : it.payment === 'short-money-order' ? Math.floor(shares / 2) * PRICE_CENTS : 0;
  const pending = it.payment === 'check-pending' && !it.dtc ? shares * PRICE_CENTS : 0;
  const cover = Math.floor(good / PRICE_CENTS);
  const rightsPaid = Math.min(basic ?? cover, cover);
  const rights = basic ?? cover;
  const short = rightsPaid < rights || (oversub > 0 && cover - rightsPaid < oversub);
  const codes = [!it.signed && 'UNSIGNED', good <= 0 && 'NO_GOOD_FUNDS', it.payment === 'check-returned' && 'RETURNED_CHECK', short && good > 0 && 'PAYMENT_SHORT', STAMPS[it.stamp]!.late === true && 'LATE'].filter((c): c is string => c !== false);
  const waived = it.decision === 'waive' && !it.signed ? ['UNSIGNED'] : [];
  const decided = it.decision === 'reject' || waived.length > 0;
  return {
    day: STAMPS[it.stamp]!.day, rejected: it.decision === 'reject', late: STAMPS[it.stamp]!.late === true, defective: codes.length > 0 || decided,
    accepted: it.decision !== 'reject' && codes.every((c) => waived.includes(c)), rights, oversub, rightsPaid, sharesPaid: rightsPaid + Math.min(oversub, cover - rightsPaid), good, pending, codes, waived,
  };
}
type Counted = ReturnType<typeof recount> & { readonly dtc: boolean };

function expected(items: readonly Counted[]): ReportFigures {
  const live = items.filter((i) => !i.rejected && !i.late);
  const sum = (of: readonly Counted[], f: (i: Counted) => number) => of.reduce((n, i) => n + f(i), 0);
  const defective = items.filter((i) => i.defective);
  return {
    items: live.length, forms: live.filter((i) => !i.dtc).length, dtc: live.filter((i) => i.dtc).length,
    rightsExercised: sum(live, (i) => i.rights), rightsAccepted: sum(live.filter((i) => i.accepted), (i) => i.rights),
    oversubscriptionRequested: sum(live, (i) => i.oversub), sharesSubscribed: sum(live, (i) => i.rights + i.oversub),
    rightsPaid: sum(live, (i) => i.rightsPaid), sharesPaid: sum(live, (i) => i.sharesPaid),
    goodFunds: formatCents(sum(live, (i) => i.good)), pendingFunds: formatCents(sum(live, (i) => i.pending)),
    defectiveItems: defective.length, defectiveRights: sum(defective, (i) => i.rights),
    defectiveOpen: defective.filter((i) => !i.rejected && !i.accepted).length, defectiveAccepted: defective.filter((i) => !i.rejected && i.accepted).length, defectiveRejected: defective.filter((i) => i.rejected).length,
    rejectedItems: items.filter((i) => i.rejected).length, rejectedRights: sum(items.filter((i) => i.rejected), (i) => i.rights),
    lateItems: items.filter((i) => i.late && !i.rejected).length, lateRights: sum(items.filter((i) => i.late && !i.rejected), (i) => i.rights),
  };
}

function paymentsOf(it: Item): PaymentKeyed[] {
  const r = recount(it);
  const amount = formatCents(r.good || r.pending || (it.payment === 'check-returned' ? 5 * PRICE_CENTS : 0));
  if (it.dtc) {
    // DTC settlement: collected (good funds), or returned; never pending here.
    if (r.good > 0) return [{ method: 'dtc', amount: formatCents(r.good), status: 'cleared' }];
    return it.payment === 'check-returned' ? [{ method: 'dtc', amount: amount, status: 'returned' }] : [];
  }
  if (it.payment === 'none') return [];
  if (it.payment.endsWith('money-order')) return r.good > 0 ? [{ method: 'money-order', amount }] : [];
  return [{ method: 'check', amount, status: it.payment === 'check-cleared' ? 'cleared' : it.payment === 'check-returned' ? 'returned' : 'received' }];
}

async function envelopeOn(store: BookStore, book: IntakeBook, stamp: string): Promise<{ batchId: number; envelopeId: number }> {
  const batchId = await openBatch(store, book, `Mail of ${stamp}`, stamp.slice(0, 10));
  return { batchId, envelopeId: await addEnvelope(store, book, batchId, { seq: 1, itemCount: 1, stampedLocal: stamp }) };
}

async function keyAll(store: BookStore, book: IntakeBook, items: readonly Item[]): Promise<Counted[]> {
  const form = [...book.certificates.values()].find((c) => c.account === 'H-1003' && c.class === 'A')!.number;
  const cede = [...book.certificates.values()].find((c) => c.account === 'H-1004')!.number;
  const out: Counted[] = [];
  for (const [n, it] of items.entries()) {
    const r = recount(it);
    const stamp = STAMPS[it.stamp]!.stamp;
    const dtc = it.dtc ? { voi: `VOI-${n}`, participant: '0352', name: 'Broker One', rights: r.rights } : undefined;
    const keyed = { certificate: it.dtc ? cede : form, basicShares: it.dtc ? r.rights : it.basic, oversubscriptionShares: r.oversub, facts: { signed: it.signed, ...(it.dtc ? { nomineeCertified: true } : {}) }, payments: paymentsOf(it), ...(dtc ? { dtc } : {}) };
    let correctsId: number | undefined;
    if (it.corrected) {
      // The first paper came in on the item's day; its correction is keyed from a later envelope.
      correctsId = await keyElection(store, book, await envelopeOn(store, book, stamp), { ...keyed, facts: { signed: false }, payments: [], ...(dtc ? { dtc: { ...dtc, voi: `VOI-${n}-first` } } : {}) });
      await reverseElection(store, book, correctsId);
    }
    const later = it.corrected ? `${addBusinessDays(stamp.slice(0, 10), 1, 'NYSE')}T09:30` : stamp;
    const id = await keyElection(store, book, await envelopeOn(store, book, later), { ...keyed, ...(correctsId === undefined ? {} : { correctsId }) });
    if (it.decision === 'reject' || r.waived.length > 0) {
      await store.change(actorOf(book.supervisor), 'test.decided', async (tx, at) => {
        await tx.supervision.insert('decisions', { programId: book.programId, electionId: id, oddLotOrderId: null, kind: it.decision, codes: it.decision === 'reject' ? r.codes : r.waived, cureBy: null, reason: 'test', decidedAt: at, decidedBy: book.supervisor.id });
        return { payload: {}, result: null };
      });
    }
    out.push({ ...r, dtc: it.dtc });
  }
  return out;
}

let kit: StoreKit | undefined;
afterEach(async () => {
  await kit?.cleanup();
  kit = undefined;
});

describe('the §10 reports, for any mail', () => {
  it('give each day the figures of the items keyed for it, and cumulative totals that are the sums of the dailies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 10 }), async (generated) => {
        kit = await storeKit();
        const store = await kit.open();
        try {
          const book = await xoIntakeBook(store);
          const counted = await keyAll(store, book, generated);
          const source = await store.read((r) => readReportSource(r, book.programId, AFTER_XO));
          const days: string[] = [];
          for (let d = '2003-11-07'; d <= '2003-12-08'; d = addBusinessDays(d, 1, 'NYSE')) days.push(d);
          const dailies = days.map((d) => dailyFrom(source, d));
          for (const daily of dailies) {
            expect(daily.today).toEqual(expected(counted.filter((c) => c.day === daily.day)));
            expect(daily.cumulative).toEqual(expected(counted.filter((c) => c.day <= daily.day)));
          }
          const numeric = (Object.keys(dailies[0]!.today) as (keyof ReportFigures)[]).filter((k) => typeof dailies[0]!.today[k] === 'number');
          for (const k of numeric) expect(dailies.reduce((n, d) => n + (d.today[k] as number), 0)).toBe(dailies.at(-1)!.cumulative[k]);
          const final = finalFrom(source);
          expect(final.totals).toEqual(dailies.at(-1)!.cumulative);
          const listing = await store.read((r) => holderListingFrom(r, source));
          expect(listing.totals.rightsExercised).toBe(final.totals!.rightsExercised);
        } finally {
          await store.close();
          await kit.cleanup();
          kit = undefined;
        }
      }),
      { numRuns: 8 },
    );
  }, 240_000);
});
