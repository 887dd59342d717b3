// Deciding an irregular item (§11) on both stores: who may, four-eyes, the reason, what may be
// waived, cure dates, a rejection's refund to the cent, refusals that leave the book as it was,
// and two supervisors deciding the same item at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { BookStore } from '../../store/port';
import { batchAndEnvelope } from '../../testing/intake-fixture';
import { keyForm, queueBook, type QueueBook } from '../../testing/queue-fixture';
import { storeKit, type StoreKit } from '../../testing/store-kit';
import { decideItem, type DecideInput } from './decide';
import { readProgramItems } from './program-items';

let kit: StoreKit;
let store: BookStore;
let book: QueueBook;

beforeEach(async () => {
  kit = await storeKit();
  // Before the XO expiration (12/08/2003): a cure date can fall inside the offering.
  kit.clock.setWallClock('2003-12-02T15:00:00.000Z');
  store = await kit.open();
  book = await queueBook(store);
});
afterEach(async () => {
  await store.close();
  await kit.cleanup();
});

const election = (id: number) => ({ kind: 'election' as const, id });
const input = (id: number, decision: DecideInput['decision'], codes: DecideInput['codes'], more: Partial<DecideInput> = {}): DecideInput => ({
  programId: book.programId, item: election(id), decision, codes, reason: 'Holder phoned; signature card matches', cureBy: null, ...more,
});
const standing = async (id: number) => (await store.read((r) => readProgramItems(r, book.programId, kit.clock.now()))).byKey.get(`election:${id}`)!.standing;
const head = () => store.read((r) => r.journal.head());
const refusal = async (p: Promise<unknown>) => {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DeskFailure);
  return error as DeskFailure;
};

describe('deciding an item', () => {
  it('waives an open deficiency: one decision, journaled with who, why and what', async () => {
    const id = await keyForm(store, book, 'H-1002/B', 10, { signed: false });
    const decided = await decideItem(store, book.checker, input(id, 'waive', ['UNSIGNED']));
    expect(decided).toMatchObject({ status: 'accepted', statusWords: 'Accepted', refund: null, warning: null });
    expect((await standing(id)).status).toBe('accepted');
    const entry = (await store.read((r) => r.journal.window({ action: 'decision.waived' }, 0, 5)))[0]!;
    expect(entry.username).toBe('vera');
    expect(entry.payload).toMatchObject({ electionId: id, decision: 'waive', codes: ['UNSIGNED'], reason: 'Holder phoned; signature card matches', decidedBy: { id: book.checker.id }, before: { status: 'open' }, after: { status: 'accepted' } });
  });

  it('refuses a clerk, and a supervisor who keyed or changed the item (four-eyes), leaving the book as it was', async () => {
    const byClerk = await keyForm(store, book, 'H-1002/B', 10, { signed: false });
    const bySupervisor = await keyForm(store, book, 'H-1003/A', 10, { signed: false }, book.supervisor);
    const before = await head();
    expect((await refusal(decideItem(store, book.clerk, input(byClerk, 'waive', ['UNSIGNED'])))).code).toBe('FORBIDDEN');
    const fourEyes = await refusal(decideItem(store, book.supervisor, input(bySupervisor, 'waive', ['UNSIGNED'])));
    expect(fourEyes).toMatchObject({ code: 'FORBIDDEN', field: 'item' });
    expect(fourEyes.message).toMatch(/Four-eyes: you keyed or changed Form \d+/);
    expect(await head()).toEqual(before);
    expect(await store.read((r) => r.supervision.ofProgram('decisions', book.programId))).toHaveLength(0);
  });

  it('never waives a code the catalog marks never waivable, nor one not open on the item', async () => {
    const late = await batchAndEnvelope(store, book, '2003-12-09T10:00');
    const id = await keyForm(store, book, 'H-1003/A', 10, { signed: false }, book.clerk, late);
    const refused = await refusal(decideItem(store, book.checker, input(id, 'waive', ['LATE', 'UNSIGNED'])));
    expect(refused.message).toBe('Deficiencies: Received after expiration (LATE) can never be waived (§5a); reject the item or allow a cure');
    const notOpen = await refusal(decideItem(store, book.checker, input(id, 'waive', ['MISSING_TIN'])));
    expect(notOpen).toMatchObject({ code: 'CONFLICT', field: 'codes' });
    expect(notOpen.message).toContain('MISSING_TIN');
    expect(await refusal(decideItem(store, book.checker, input(id, 'cured', [])))).toMatchObject({ field: 'codes' });
    // The waivable one alone may be waived; LATE stays open.
    await decideItem(store, book.checker, input(id, 'waive', ['UNSIGNED']));
    expect(await standing(id)).toMatchObject({ status: 'open', open: ['LATE'], waived: ['UNSIGNED'] });
  });

  it('requires a reason, trimmed, at most 500 characters', async () => {
    const id = await keyForm(store, book, 'H-1002/B', 10, { signed: false });
    expect(await refusal(decideItem(store, book.checker, input(id, 'waive', ['UNSIGNED'], { reason: '   ' })))).toMatchObject({ code: 'INVALID_INPUT', field: 'reason' });
    expect(await refusal(decideItem(store, book.checker, input(id, 'waive', ['UNSIGNED'], { reason: 'x'.repeat(501) })))).toMatchObject({ field: 'reason' });
    await decideItem(store, book.checker, input(id, 'waive', ['UNSIGNED'], { reason: '  Signature card on file matches  ' }));
    const [decision] = await store.read((r) => r.supervision.ofProgram('decisions', book.programId));
    expect(decision!.reason).toBe('Signature card on file matches');
  });

  it('allows a cure only by a date after today and within 90 days; warns of one past the expiration', async () => {
    const id = await keyForm(store, book, 'H-1002/B', 10, { signed: false });
    for (const cureBy of ['2003-12-02', '2003-12-01', '2004-03-02']) {
      expect(await refusal(decideItem(store, book.checker, input(id, 'allow-cure', ['UNSIGNED'], { cureBy })))).toMatchObject({ code: 'INVALID_INPUT', field: 'cureBy' });
    }
    const inside = await decideItem(store, book.checker, input(id, 'allow-cure', ['UNSIGNED'], { cureBy: '2003-12-05' }));
    expect(inside).toMatchObject({ status: 'awaiting-cure', warning: null });
    const other = await keyForm(store, book, 'H-1003/A', 10, { signed: false });
    const past = await decideItem(store, book.checker, input(other, 'allow-cure', ['UNSIGNED'], { cureBy: '2003-12-15' }));
    expect(past.warning).toBe("The cure date 12/15/2003 is after the offering's expiration (12/08/2003): the exercise stays pending past expiration until the cure arrives or the date passes (§11)");
    const entry = (await store.read((r) => r.journal.window({ action: 'decision.cureAllowed' }, 0, 1)))[0]!;
    expect(entry.payload).toMatchObject({ cureBy: '2003-12-15', warning: past.warning });
    // The day after its date the cure has lapsed: back in the queue.
    kit.clock.setWallClock('2003-12-06T15:00:00.000Z');
    expect((await standing(id)).status).toBe('cure-lapsed');
  });

  it('records a cure for an open code; the item is accepted when nothing is left open', async () => {
    const id = await keyForm(store, book, 'H-1002/B', 10, { signed: false, taxFormOnFile: false });
    await decideItem(store, book.checker, input(id, 'cured', ['MISSING_TIN'], { reason: 'W-9 arrived by fax today' }));
    expect(await standing(id)).toMatchObject({ status: 'open', open: ['UNSIGNED'], cured: ['MISSING_TIN'] });
    await decideItem(store, book.checker, input(id, 'waive', ['UNSIGNED']));
    expect((await standing(id)).status).toBe('accepted');
    expect(await refusal(decideItem(store, book.checker, input(id, 'reject', [])))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('no open deficiency') });
  });
});

describe('rejecting an item', () => {
  it('schedules exactly its good funds for refund in the same change, and ends it', async () => {
    const payments = [
      { method: 'money-order' as const, amount: '50.05', payer: 'Nguyen Van An', checkNumber: '1' },
      { method: 'money-order' as const, amount: '0.10', payer: 'Nguyen Van An', checkNumber: '2' },
    ];
    const id = await keyForm(store, book, 'H-1002/B', 10, { signed: false, payments });
    const decided = await decideItem(store, book.checker, input(id, 'reject', [], { reason: 'Holder asked us to return the money' }));
    expect(decided).toMatchObject({ status: 'rejected', refund: '50.15' });
    const [refund] = await store.read((r) => r.supervision.ofProgram('scheduled_refunds', book.programId));
    expect(refund).toMatchObject({ electionId: id, amount: '50.15', decisionId: decided.decisionId, scheduledBy: book.checker.id });
    const [decision] = await store.read((r) => r.supervision.ofProgram('decisions', book.programId));
    expect(decision!.codes).toEqual(['UNSIGNED']);
    expect(await refusal(decideItem(store, book.checker, input(id, 'waive', ['UNSIGNED'])))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already rejected') });
  });

  it('schedules nothing when the item brought no good funds', async () => {
    const id = await keyForm(store, book, 'H-1002/B', 10, { signed: false, payments: [] });
    expect((await decideItem(store, book.checker, input(id, 'reject', ['UNSIGNED']))).refund).toBeNull();
    expect(await store.read((r) => r.supervision.ofProgram('scheduled_refunds', book.programId))).toHaveLength(0);
  });
});

describe('an item that cannot be decided', () => {
  it('refuses an unknown item and one another program holds', async () => {
    expect(await refusal(decideItem(store, book.checker, input(999_999, 'waive', ['UNSIGNED'])))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await refusal(decideItem(store, book.checker, { ...input(1, 'waive', ['UNSIGNED']), item: { kind: 'odd-lot-order', id: 1 } }))).code).toBe('NOT_FOUND');
  });

  it('refuses a clean item: nothing is open on it', async () => {
    const id = await keyForm(store, book, 'H-1003/A', 10);
    expect((await refusal(decideItem(store, book.checker, input(id, 'reject', [])))).message).toMatch(/has no open deficiency to decide \(it is clean\)/);
  });
});

/** Wraps stores so their changes' bodies start together (each waits for the others, at most 500 ms). */
function overlapping(stores: readonly BookStore[]): BookStore[] {
  let arrived = 0;
  let release: () => void = () => undefined;
  const together = new Promise<void>((resolve) => (release = resolve));
  const arrive = () => {
    arrived += 1;
    if (arrived === stores.length) release();
    return Promise.race([together, new Promise<void>((resolve) => setTimeout(resolve, 500))]);
  };
  return stores.map((s) => new Proxy(s, {
    get(target, key) {
      if (key !== 'change') return Reflect.get(target, key) as unknown;
      const change: BookStore['change'] = (actor, action, body) => target.change(actor, action, async (tx, at) => {
        await arrive();
        return body(tx, at);
      });
      return change;
    },
  }));
}

describe('two supervisors deciding the same item at once', () => {
  it('lets exactly one decide; the other sees the first and is refused', async () => {
    const id = await keyForm(store, book, 'H-1002/B', 10, { signed: false });
    const third = await (await import('../accounts')).createUser(store, book.supervisor, { username: 'otto', displayName: 'Otto Other', password: 'correct horse battery', role: 'supervisor' });
    const [mine, theirs] = overlapping([store, await kit.open()]);
    const outcomes = await Promise.allSettled([
      decideItem(mine!, book.checker, input(id, 'waive', ['UNSIGNED'])),
      decideItem(theirs!, { id: third.id, username: third.username, displayName: third.displayName, role: third.role }, input(id, 'reject', ['UNSIGNED'])),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const lost = outcomes.find((o) => o.status === 'rejected');
    expect(lost?.status === 'rejected' && lost.reason).toBeInstanceOf(DeskFailure);
    expect(await store.read((r) => r.supervision.ofProgram('decisions', book.programId))).toHaveLength(1);
    expect(['accepted', 'rejected']).toContain((await standing(id)).status);
  });
});

