import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ElectionDraft, SaveElectionAnswer } from '../../../../shared/ipc/intake-forms';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { BookStore } from '../../store/port';
import { batchAndEnvelope, cleanDraft, intakeBook, type IntakeBook } from '../../testing/intake-fixture';
import { storeKit, type StoreKit } from '../../testing/store-kit';
import { actorOf } from '../views';
import { correctElection, saveElection } from './elections';
import { assessDraft, batchItems, certificateForForm } from './election-views';

let kit: StoreKit;
let store: BookStore;
let book: IntakeBook;
let ids: { batchId: number; envelopeId: number };
/** H-1003: class A, 999 firm rights, in the United States. */
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

const clerk = () => actorOf(book.clerk);
const save = (draft: ElectionDraft, confirmed = false) => saveElection(store, clerk(), draft, confirmed);
const saved = async (draft: ElectionDraft, confirmed = false) => {
  const answer = await save(draft, confirmed);
  if (!answer.saved) throw new Error(`not saved: ${answer.warnings.map((w) => w.message).join('; ')}`);
  return answer;
};
const codes = (a: SaveElectionAnswer) => (a.saved ? a.verdict.deficiencies.map((d) => d.code) : null);
const refusal = async (p: Promise<unknown>): Promise<DeskFailure> => {
  const e = await p.then(() => null, (error: unknown) => error);
  expect(e).toBeInstanceOf(DeskFailure);
  return e as DeskFailure;
};
const journalCount = () => store.read((r) => r.journal.count());
const check = (amount: string, checkNumber = '104233') => ({ method: 'check' as const, amount, checkNumber, abaRouting: '021000021', bankAccount: '000123456789', payer: 'Nguyen Van An' });

describe('keying an election form', () => {
  it('writes the election, its payment and the deposit in the escrow ledger in one change, journaled with the verdict', async () => {
    const before = await journalCount();
    const answer = await saved(cleanDraft(ids, an, 100));
    expect(answer.verdict).toMatchObject({ deficiencies: [], basicExercised: 100, cost: '500.00', received: '500.00', goodFunds: '500.00', due: '0.00', refund: '0.00', rightsLeft: 999, late: false });
    expect(await journalCount()).toBe(before + 1);
    const [entry] = await store.read((r) => r.journal.list({ limit: 1 }));
    expect(entry!.action).toBe('election.keyed');
    expect(entry!.payload).toMatchObject({
      electionId: answer.electionId,
      certificate: { number: an, class: 'A', account: 'H-1003' },
      basicShares: 100,
      facts: { signed: true, taxFormOnFile: true },
      payments: [{ paymentId: answer.paymentIds[0], method: 'money-order', amount: '500.00', checkNumber: '77001' }],
      verdict: { deficiencies: [], basicExercised: 100, due: '0.00' },
    });
    const rows = await store.read(async (r) => ({
      election: await r.intake.byId('elections', answer.electionId),
      payments: await r.intake.where('payments', 'electionId', answer.electionId),
      ledger: await r.intake.where('ledger_entries', 'electionId', answer.electionId),
    }));
    expect(rows.election).toMatchObject({ kind: 'form', basicShares: 100, oversubscriptionShares: 0, keyedBy: book.clerk.id, batchId: ids.batchId, envelopeId: ids.envelopeId, correctsId: null });
    expect(rows.payments.map((p) => [p.method, p.amount, p.checkNumber, p.payer])).toEqual([['money-order', '500.00', '77001', 'Nguyen Van An']]);
    expect(rows.ledger.map((l) => [l.kind, l.method, l.amount, l.businessDate, l.paymentId])).toEqual([['deposited', 'money-order', '500.00', '2003-12-01', answer.paymentIds[0]]]);
    const proof = await store.verifyJournal();
    expect(proof.ok).toBe(true);
  });

  it('asks the engine: no number indicated, a short payment, unsigned, oversubscription, an uncleared check, a wire', async () => {
    const none = await saved(cleanDraft(ids, an, null, { payments: [{ method: 'money-order', amount: '612.50', payer: 'An' }] }));
    // §4b: exercised for what $612.50 covers at $5.00; the cost and what is due are those of all 999 rights left.
    expect(none.verdict).toMatchObject({ deficiencies: [], basicExercised: 122, cost: '4995.00', due: '4382.50', refund: '2.50' });
    const short = await saved(cleanDraft(ids, an, 100, { payments: [{ method: 'certified-check', amount: '400.00', payer: 'An', checkNumber: '55' }] }), true);
    expect(codes(short)).toEqual(['PAYMENT_SHORT']);
    expect(short.saved && short.verdict).toMatchObject({ basicExercised: 80, due: '100.00' });
    const unsigned = await saved(cleanDraft(ids, an, 10, { signed: false }), true);
    expect(codes(unsigned)).toEqual(['UNSIGNED']);
    const uncleared = await saved(cleanDraft(ids, an, 10, { payments: [check('50.00')] }), true);
    expect(codes(uncleared)).toEqual(['NO_GOOD_FUNDS']);
    expect(uncleared.saved && uncleared.verdict).toMatchObject({ goodFunds: '0.00', pending: '50.00', due: '0.00', basicExercised: 0 });
    const wire = await saved(cleanDraft(ids, an, 10, { payments: [{ method: 'wire', amount: '50.00', payer: 'An', reference: 'XO-H1003' }] }), true);
    expect(codes(wire)).toEqual(['NO_GOOD_FUNDS']); // a wire is good once collected
    const over = await saved(cleanDraft(ids, book.numbers.get('H-1002/B')!, 1234, { oversubscriptionShares: 100, payments: [{ method: 'money-order', amount: '6670.00', payer: 'Müller' }] }));
    expect(over.verdict).toMatchObject({ deficiencies: [], basicExercised: 1234, oversubscriptionPaid: 100, cost: '6670.00' });
    const notFull = await saved(cleanDraft(ids, an, 10, { oversubscriptionShares: 10, payments: [{ method: 'money-order', amount: '100.00', payer: 'An' }] }), true);
    expect(codes(notFull)).toEqual(['OVERSUB_WITHOUT_FULL_BASIC']);
  });

  it('marks an envelope stamped one minute after 5:00 p.m. on the expiration date late, and 5:00 p.m. itself not', async () => {
    const late = await batchAndEnvelope(store, book, '2003-12-08T17:01');
    const onTime = await batchAndEnvelope(store, book, '2003-12-08T17:00');
    const lateAnswer = await saved(cleanDraft(late, an, 10));
    expect(codes(lateAnswer)).toEqual(['LATE']);
    expect(lateAnswer.saved && lateAnswer.verdict.late).toBe(true);
    expect(codes(await saved(cleanDraft(onTime, an, 10), true))).toEqual([]);
  });

  it('previews the same verdict without writing anything', async () => {
    const before = await journalCount();
    const draft = cleanDraft(ids, an, 100, { signed: false, payments: [check('500.00')] });
    const preview = await assessDraft(store, draft);
    expect(preview.deficiencies.map((d) => [d.code, d.field])).toEqual([['UNSIGNED', 'signed'], ['NO_GOOD_FUNDS', 'payments']]);
    expect(await journalCount()).toBe(before);
    const answer = await saved(draft);
    expect(answer.verdict).toEqual(preview);
  });

  it('refuses basic shares beyond the rights left, naming the number left, with the book unchanged', async () => {
    await saved(cleanDraft(ids, an, 900));
    const before = await journalCount();
    const over = await refusal(save(cleanDraft(ids, an, 100), true));
    expect([over.code, over.field, over.message]).toEqual(['CONFLICT', 'basicShares', `Basic shares: only 99 left on ${an} (firm rights 999, 900 already exercised); 100 cannot be exercised`]);
    expect(await journalCount()).toBe(before);
    expect((await certificateForForm(store, book.programId, an)).left).toBe(99);
  });

  it('warns of the same certificate keyed twice and of a check number used before for the account; confirmed, it saves', async () => {
    const first = await saved(cleanDraft(ids, an, 10, { payments: [check('50.00')] }));
    const before = await journalCount();
    const again = await save(cleanDraft(ids, an, 10, { payments: [check('50.00')] }));
    expect(again.saved).toBe(false);
    const warnings = again.saved ? [] : again.warnings;
    expect(warnings.map((w) => [w.kind, w.electionId])).toEqual([['certificate-keyed-before', first.electionId], ['check-used-before', first.electionId]]);
    expect(warnings[0]!.message).toMatch(new RegExp(`^${an} was keyed before: item ${first.electionId} by carla on 03/02/2026 09:00 ET \\(10 basic shares\\)\\. Confirm to key it again\\.$`));
    expect(warnings[1]!.message).toMatch(/^Check 104233 from this account was keyed before/);
    expect(await journalCount()).toBe(before);
    // Another holder's check with the same number from another account is no warning.
    const other = book.numbers.get('H-1002/B')!;
    expect((await save(cleanDraft(ids, other, 10, { payments: [{ ...check('50.00'), bankAccount: '999', payer: 'Müller' }] }))).saved).toBe(true);
    const confirmed = await saved(cleanDraft(ids, an, 10, { payments: [check('50.00')] }), true);
    expect(confirmed.electionId).toBeGreaterThan(first.electionId);
    const [entry] = await store.read((r) => r.journal.list({ limit: 1 }));
    expect((entry!.payload as { confirmedWarnings: string[] }).confirmedWarnings).toHaveLength(2);
  });

  it('refuses an unknown certificate, one of another program, and an envelope of another batch, naming the field', async () => {
    const unknown = await refusal(save(cleanDraft(ids, 'RT-000999', 10)));
    expect([unknown.code, unknown.field]).toEqual(['NOT_FOUND', 'certificateNumber']);
    expect(unknown.message).toMatch(/^Certificate number: there is no certificate RT-000999 in XO/);
    const elsewhere = await batchAndEnvelope(store, book);
    const wrong = await refusal(save(cleanDraft({ batchId: ids.batchId, envelopeId: elsewhere.envelopeId }, an, 10)));
    expect([wrong.code, wrong.field]).toEqual(['NOT_FOUND', 'envelopeId']);
  });
});

describe('correcting a saved election (§4a)', () => {
  it('reverses it with the reason and keys a new one naming it; the money moves with it; both in one journal entry', async () => {
    const first = await saved(cleanDraft(ids, an, 100, { payments: [{ method: 'money-order', amount: '50.00', payer: 'An' }] }));
    expect(codes(first)).toEqual(['PAYMENT_SHORT']);
    const before = await journalCount();
    const corrected = await correctElection(store, clerk(), first.electionId, 'Basic shares keyed as 100, the form says 10', cleanDraft(ids, an, 10, { payments: [] }));
    expect(await journalCount()).toBe(before + 1);
    expect(corrected.reversedId).toBe(first.electionId);
    expect(corrected.verdict).toMatchObject({ deficiencies: [], basicExercised: 10, goodFunds: '50.00', due: '0.00' });
    const [entry] = await store.read((r) => r.journal.list({ limit: 1 }));
    expect(entry!.action).toBe('election.corrected');
    expect(entry!.payload).toMatchObject({ reversed: { electionId: first.electionId, reason: 'Basic shares keyed as 100, the form says 10' }, electionId: corrected.electionId, basicShares: 10 });
    const stored = await store.read(async (r) => ({ next: await r.intake.byId('elections', corrected.electionId), exercised: await r.intake.basicExercised(first.saved ? (await r.intake.byId('elections', first.electionId))!.certificateId : 0), ledger: await r.intake.count('ledger_entries') }));
    expect(stored.next).toMatchObject({ correctsId: first.electionId, basicShares: 10 });
    expect(stored.exercised).toBe(10);
    expect(stored.ledger).toBe(1); // the money was deposited once
    const items = await batchItems(store, ids.batchId);
    expect(items.map((i) => [i.electionId, i.reversed, i.correctsId, i.amount])).toEqual([
      [first.electionId, true, null, '0.00'],
      [corrected.electionId, false, first.electionId, '50.00'],
    ]);
    const twice = await refusal(correctElection(store, clerk(), first.electionId, 'Keyed the wrong way twice', cleanDraft(ids, an, 10)));
    expect([twice.code, twice.message]).toEqual(['CONFLICT', `Item ${first.electionId} was already corrected: correct the election that replaced it`]);
  });
});

/**
 * Both changes' bodies wait until both have begun (or half a second has passed: on SQLite the
 * second cannot begin before the first commits), so their reads really overlap.
 */
function overlapping(stores: readonly BookStore[]): BookStore[] {
  let arrived = 0;
  let release: () => void = () => undefined;
  const together = new Promise<void>((resolve) => (release = resolve));
  const arrive = () => {
    arrived += 1;
    if (arrived === stores.length) release();
    return Promise.race([together, new Promise<void>((resolve) => setTimeout(resolve, 500))]);
  };
  return stores.map((s) =>
    new Proxy(s, {
      get(target, key) {
        if (key !== 'change') return Reflect.get(target, key) as unknown;
        const change: BookStore['change'] = (actor, action, body) => target.change(actor, action, async (tx, at) => {
          await arrive();
          return body(tx, at);
        });
        return change;
      },
    }),
  );
}

describe('two clerks keying the same certificate at once', () => {
  it('saves exactly one; the other is told plainly who keyed it first', async () => {
    const [mine, theirs] = overlapping([store, await kit.open()]);
    const outcomes = await Promise.all([saveElection(mine!, clerk(), cleanDraft(ids, an, 10), false), saveElection(theirs!, actorOf(book.supervisor), cleanDraft(ids, an, 10), false)]);
    expect(outcomes.filter((o) => o.saved)).toHaveLength(1);
    const loser = outcomes.find((o) => !o.saved);
    const winner = outcomes.find((o) => o.saved);
    expect(loser && !loser.saved && loser.warnings.map((w) => [w.kind, w.electionId])).toEqual([['certificate-keyed-before', winner?.saved ? winner.electionId : -1]]);
    expect(await store.read((r) => r.intake.count('elections'))).toBe(1);
  });
});
