import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OddLotOrderInput } from '../../../../shared/ipc/intake-more';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { BookStore } from '../../store/port';
import { oddLotIntakeBook, openEnvelope, rightsIntakeBook, type IntakeBook } from '../../testing/intake-more-fixture';
import { storeKit, type StoreKit } from '../../testing/store-kit';
import { checkOddLotOrder, keyOddLotOrder, listOddLotOrders } from './odd-lot-orders';

let kit: StoreKit;
let store: BookStore;
let book: IntakeBook;
let envelopeId: number;
beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
  book = await oddLotIntakeBook(store);
  ({ envelopeId } = await openEnvelope(store, book, '2003-12-01T11:00', 'mail'));
});
afterEach(async () => kit.cleanup());

const order = (over: Partial<OddLotOrderInput> = {}): OddLotOrderInput => ({ envelopeId, account: 'OL-1', action: 'sell', orderedAt: '2003-11-28T09:30', ...over });
const problemCodes = async (input: OddLotOrderInput) => (await checkOddLotOrder(store, input)).problems.map((p) => p.code);

async function refusal(work: Promise<unknown>): Promise<DeskFailure> {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DeskFailure);
  return error as DeskFailure;
}

describe('odd-lot orders', () => {
  it('shows eligibility before saving: a sale sells all 37 shares; a buy-up of 90 eligible (120 less 30 plan shares) buys 10', async () => {
    expect(await checkOddLotOrder(store, order())).toMatchObject({ eligible: true, problems: [], eligibleShares: 37, shares: 37, source: 'mail', holder: { account: 'OL-1', sharesOnRecordDate: 37, planShares: 0, jurisdiction: 'US-IL' } });
    expect(await checkOddLotOrder(store, order({ account: 'OL-4', action: 'buy-up', orderPrice: '7.20' }))).toMatchObject({ eligible: true, eligibleShares: 90, shares: 10 });
    expect(await store.read((r) => r.intake.count('odd_lot_orders'))).toBe(0);
  });

  it('saves a sell and a buy-up in one journaled change each, with the price on the order date for the buy-up', async () => {
    const sell = await keyOddLotOrder(store, book.supervisor, order());
    const buy = await keyOddLotOrder(store, book.supervisor, order({ account: 'OL-5', action: 'buy-up', orderPrice: '7.2' }));
    expect(sell).toMatchObject({ account: 'OL-1', action: 'sell', shares: 37, orderPrice: null, orderedAt: '2003-11-28T14:30:00.000Z' });
    expect(buy).toMatchObject({ account: 'OL-5', action: 'buy-up', shares: 40, orderPrice: '7.2' });
    expect((await listOddLotOrders(store, book.programId)).map((o) => o.account)).toEqual(['OL-5', 'OL-1']);
    const last = await store.read(async (r) => (await r.journal.list({ limit: 1 }))[0]);
    expect(last).toMatchObject({ action: 'intake.oddLotOrderKeyed' });
  });

  it('names every reason an order is not eligible: a round lot, an excluded jurisdiction, an unknown account, no order-date price for a buy-up', async () => {
    expect(await problemCodes(order({ account: 'OL-2' }))).toEqual(['NOT_ODD_LOT']);
    expect(await problemCodes(order({ account: 'OL-3' }))).toEqual(['EXCLUDED_JURISDICTION']);
    expect(await problemCodes(order({ account: 'NOPE' }))).toEqual(['UNKNOWN_ACCOUNT']);
    expect(await problemCodes(order({ action: 'buy-up' }))).toEqual(['NO_PRICE']);
    const refused = await refusal(keyOddLotOrder(store, book.supervisor, order({ account: 'OL-2' })));
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', field: 'account' });
    expect(refused.message).toContain('150 eligible shares on the record date is not an odd lot (1 to 99)');
  });

  it('one order per account, and no withdrawal: a second order is refused before saving and by the database', async () => {
    await keyOddLotOrder(store, book.supervisor, order());
    expect(await problemCodes(order({ action: 'buy-up', orderPrice: '7.00' }))).toEqual(['DUPLICATE_ORDER']);
    const before = await store.read((r) => r.journal.count());
    expect(await refusal(keyOddLotOrder(store, book.supervisor, order()))).toMatchObject({ code: 'CONFLICT', field: 'account' });
    expect(await store.read((r) => r.journal.count())).toBe(before);
    await expect(store.change({ id: book.supervisor.id, username: 'sam' }, 'test', async (tx, at) => {
      await tx.intake.insert('odd_lot_orders', { programId: book.programId, batchId: 1, envelopeId, entryId: 1, account: 'OL-1', action: 'sell', shares: 37, orderedAt: at, orderDate: '2003-11-28', orderPrice: null, keyedAt: at, keyedBy: book.supervisor.id });
      return { payload: {}, result: null };
    })).rejects.toThrow();
  });

  it('before expiry only (5:00 p.m. New York time): an envelope stamped 17:01 on the expiry date is late; an order dated after its envelope is refused', async () => {
    const late = await openEnvelope(store, book, '2004-03-05T17:01', 'phone');
    expect(await problemCodes(order({ envelopeId: late.envelopeId, orderedAt: '2004-03-05T17:01' }))).toEqual(['LATE']);
    const onTime = await openEnvelope(store, book, '2004-03-05T17:00', 'broker');
    expect(await checkOddLotOrder(store, order({ envelopeId: onTime.envelopeId, orderedAt: '2004-03-05T16:59' }))).toMatchObject({ eligible: true, source: 'broker' });
    expect(await problemCodes(order({ orderedAt: '2003-12-01T11:01' }))).toEqual(['ORDER_AFTER_RECEIPT']);
  });

  it('a rights offering takes no odd-lot orders', async () => {
    const rights = await rightsIntakeBook(store, { supervisor: book.supervisor });
    const env = await openEnvelope(store, rights, '2003-12-01T10:00');
    expect((await refusal(checkOddLotOrder(store, order({ envelopeId: env.envelopeId })))).message).toContain('odd-lot orders are taken only in odd-lot programs');
  });
});
