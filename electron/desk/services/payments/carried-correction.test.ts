import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ElectionDraft, PaymentKeyed } from '../../../../shared/ipc/intake-forms';
import type { BookStore } from '../../store/port';
import { batchAndEnvelope, cleanDraft, intakeBook, type IntakeBook } from '../../testing/intake-fixture';
import { storeKit, type StoreKit } from '../../testing/store-kit';
import { batchControl } from '../intake/batch-control';
import { batchItems } from '../intake/election-views';
import { correctElection, saveElection } from '../intake/elections';
import { actorOf } from '../views';
import { correctPayment } from './correction';
import { depositSlip } from './deposit-slip';
import { findPayments } from './find';
import { escrowLedger } from './ledger';
import { splitPayment } from './split';

let kit: StoreKit;
let store: BookStore;
let book: IntakeBook;
let ids: { batchId: number; envelopeId: number };
let an: string;

beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
  book = await intakeBook(store);
  ids = await batchAndEnvelope(store, book);
  an = book.numbers.get('H-1003/A')!;
});
afterEach(async () => {
  await store.close();
  await kit.cleanup();
});

const check = (amount: string): PaymentKeyed => ({ method: 'check', amount, checkNumber: '104233', abaRouting: '021000021', bankAccount: '000123456789', payer: 'Nguyen Van An' });
const save = async (draft: ElectionDraft) => {
  const answer = await saveElection(store, actorOf(book.clerk), draft, true);
  if (!answer.saved) throw new Error('not saved');
  return answer;
};
/** The form keyed unsigned, with its check mis-keyed as $5,000.00 for $500.00. */
const misKeyedForm = () => save(cleanDraft(ids, an, 100, { signed: false, payments: [check('5000.00')] }));
const correctForm = async (electionId: number, reason: string) => (await correctElection(store, actorOf(book.clerk), electionId, reason, cleanDraft(ids, an, 100, { payments: [] }))).electionId;
const ledgerRows = () => kit.raw('SELECT kind, amount, payment_id, election_id FROM ledger_entries ORDER BY id');
const paymentOf = async (electionId: number) => {
  const found = await findPayments(store, book.programId, { electionId, status: 'any' }, 50);
  expect(found).toHaveLength(1);
  return found[0]!;
};

/** Every figure that counts the item's money, as the clerk and the supervisor see them. */
async function figures(electionId: number) {
  const items = await batchItems(store, ids.batchId);
  const item = items.find((i) => i.electionId === electionId)!;
  const ledger = await escrowLedger(store, book.programId);
  const slip = await depositSlip(store, ids.batchId);
  const control = await store.read((r) => batchControl(r, ids.batchId));
  return { item: [item.amount, item.codes], pending: ledger.totals.pending, ties: ledger.tieOut.differences, slip: [slip.count, slip.total], control: control.figures.amountTotal.amount };
}

describe('a payment carried to a corrected item (§4a), corrected from that item', () => {
  it('reverses the carried check and keys the right one for the item holding it now; every figure counts it once and the ledger ties', async () => {
    const form = await misKeyedForm();
    const live = await correctForm(form.electionId, 'Signed after all: the signature is on the back');
    const carried = await paymentOf(live);
    expect([carried.amount, carried.electionId]).toEqual(['5000.00', form.electionId]);
    const done = await correctPayment(store, book.clerk, { paymentId: carried.id, reason: 'Amount keyed as 5000.00, the check says 500.00', replacement: check('500.00') });
    expect(done.reversedId).toBe(carried.id);
    expect(done.replacement).toMatchObject({ amount: '500.00', electionId: live, status: 'received' });
    // The reversal nets the carried payment's own deposit; the replacement is deposited for the live item.
    expect((await ledgerRows()).map((e) => [e['kind'], e['amount'], Number(e['payment_id']), Number(e['election_id'])])).toEqual([
      ['deposited', '5000.00', carried.id, form.electionId],
      ['deposited', '500.00', done.replacement!.id, live],
      ['reversed', '5000.00', carried.id, form.electionId],
    ]);
    expect(await figures(live)).toEqual({ item: ['500.00', ['NO_GOOD_FUNDS']], pending: '500.00', ties: [], slip: [1, '500.00'], control: '500.00' });
    expect((await paymentOf(live)).id).toBe(done.replacement!.id);
    await expect(correctPayment(store, book.clerk, { paymentId: carried.id, reason: 'again', replacement: null })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already reversed/) });
  });

  it('an item corrected twice: the check carried along the chain is corrected on the live end, and the ledger ties before and after', async () => {
    const form = await misKeyedForm();
    const second = await correctForm(form.electionId, 'Signed after all');
    const third = await correctForm(second, 'Medallion keyed wrong');
    expect((await escrowLedger(store, book.programId)).tieOut.differences).toEqual([]);
    const carried = await paymentOf(third);
    const done = await correctPayment(store, book.clerk, { paymentId: carried.id, reason: 'Amount keyed as 5000.00, the check says 500.00', replacement: check('500.00') });
    expect(done.replacement).toMatchObject({ electionId: third, amount: '500.00' });
    expect(await figures(third)).toEqual({ item: ['500.00', ['NO_GOOD_FUNDS']], pending: '500.00', ties: [], slip: [1, '500.00'], control: '500.00' });
    // A full-amount allocation to an item outside the chain is no carry: the tie-out names it.
    const stranger = await save(cleanDraft(ids, book.numbers.get('H-2001/T')!, 10, { payments: [] }));
    await store.change(actorOf(book.supervisor), 'test.plantedAllocation', async (tx, at) => ({
      payload: {}, result: await tx.intake.insert('payment_allocations', { paymentId: done.replacement!.id, electionId: stranger.electionId, amount: '500.00', reason: 'planted', allocatedAt: at, allocatedBy: book.supervisor.id }),
    }));
    await store.change(actorOf(book.supervisor), 'test.plantedAllocation', async (tx, at) => ({
      payload: {}, result: await tx.intake.insert('payment_allocations', { paymentId: done.replacement!.id, electionId: third, amount: '500.00', reason: 'planted', allocatedAt: at, allocatedBy: book.supervisor.id }),
    }));
    expect((await escrowLedger(store, book.programId)).tieOut.differences.map((d) => [d.code, d.paymentId])).toEqual([['SPLIT_DOES_NOT_SUM', done.replacement!.id]]);
  });

  it('an item corrected twice: the carried check applies to the live end only, not to the item between (it was carried on from there)', async () => {
    const form = await misKeyedForm();
    const second = await correctForm(form.electionId, 'Signed after all');
    const third = await correctForm(second, 'Medallion keyed wrong');
    const carried = await paymentOf(third);
    const appliedTo = async (electionId: number) => (await store.read((r) => r.intake.paymentsOf(electionId))).map((p) => [p.payment.id, p.applied]);
    expect([await appliedTo(form.electionId), await appliedTo(second), await appliedTo(third)]).toEqual([[], [], [[carried.id, '5000.00']]]);
    const applied = (await store.read((r) => r.supervision.programPayments(book.programId))).filter((p) => p.payment.id === carried.id);
    expect(applied.map((p) => [p.electionId, p.applied])).toEqual([[third, '5000.00']]);
    const amounts = new Map((await batchItems(store, ids.batchId)).map((i) => [i.electionId, i.amount]));
    expect([amounts.get(form.electionId), amounts.get(second), amounts.get(third)]).toEqual([amounts.get(form.electionId), amounts.get(form.electionId), '5000.00']);
    expect(amounts.get(form.electionId)).not.toBe('5000.00');
  });

  it('a supervisor’s split is still refused with its own words, whether split across items or moved whole to another', async () => {
    const first = await save(cleanDraft(ids, an, 10, { payments: [check('100.00')] }));
    const other = await save(cleanDraft(ids, book.numbers.get('H-1002/B')!, 10, { payments: [] }));
    const splitOne = await paymentOf(first.electionId);
    await splitPayment(store, book.supervisor, { paymentId: splitOne.id, reason: 'One check for two certificates', allocations: [{ electionId: first.electionId, amount: '50.00' }, { electionId: other.electionId, amount: '50.00' }] });
    const moved = await save(cleanDraft(ids, book.numbers.get('H-2001/T')!, 10, { payments: [{ ...check('50.00'), checkNumber: '200' }] }));
    const movedPayment = await paymentOf(moved.electionId);
    await splitPayment(store, book.supervisor, { paymentId: movedPayment.id, reason: 'Keyed on the wrong certificate', allocations: [{ electionId: other.electionId, amount: '50.00' }] });
    for (const paymentId of [splitOne.id, movedPayment.id]) {
      await expect(correctPayment(store, book.clerk, { paymentId, reason: 'Amount mis-keyed', replacement: check('5.00') })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/was split by a supervisor: only a supervisor’s new split changes how it is applied/) });
    }
    expect((await escrowLedger(store, book.programId)).tieOut.ties).toBe(true);
  });
});
