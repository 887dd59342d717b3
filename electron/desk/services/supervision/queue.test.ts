// The supervisor's queue on both stores: what is in it, its filters and order, its rows as the
// grid shows them, its window, the cache that reads the program again only after a change — and
// one item read alone equals the same item read with its whole program.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queueFilterSchema, type QueueFilterInput } from '../../../../shared/ipc/queue';
import type { BookStore } from '../../store/port';
import { batchAndEnvelope, cleanDraft } from '../../testing/intake-fixture';
import { keyForm, queueBook, type QueueBook } from '../../testing/queue-fixture';
import { storeKit, type StoreKit } from '../../testing/store-kit';
import { correctElection } from '../intake/elections';
import { actorOf } from '../views';
import { decideItem } from './decide';
import { readOneItem } from './item-one';
import { itemsCacheOf } from './items-cache';
import { readProgramItems } from './program-items';
import { listQueue } from './queue';

let kit: StoreKit;
let store: BookStore;
let book: QueueBook;

beforeEach(async () => {
  kit = await storeKit();
  kit.clock.setWallClock('2003-12-05T15:00:00.000Z'); // a Friday, before the expiration
  store = await kit.open();
  book = await queueBook(store);
});
afterEach(async () => {
  await store.close();
  await kit.cleanup();
});

const list = (filter: Omit<QueueFilterInput, 'programId'> = {}, offset = 0, limit = 50) =>
  listQueue(store, queueFilterSchema.parse({ programId: book.programId, ...filter }), offset, limit, kit.clock.now());
const reason = 'Holder phoned; signature card matches';

describe('the queue', () => {
  it('holds the open items, oldest receipt first, each as the grid shows it', async () => {
    const later = await batchAndEnvelope(store, book, '2003-12-03T09:30', book.supervisor);
    const tin = await keyForm(store, book, 'H-1003/A', 10, { taxFormOnFile: false }, book.supervisor, later);
    const unsigned = await keyForm(store, book, 'H-1002/B', 10, { signed: false });
    await keyForm(store, book, 'H-1003/A', 10);
    const view = await list();
    expect(view.total).toBe(2);
    expect(view.rows.map((r) => r.ref.id)).toEqual([unsigned, tin]);
    const [first, second] = view.rows;
    expect(first).toMatchObject({
      key: `election:${unsigned}`, itemWords: `Form ${unsigned}`, certificate: book.numbers.get('H-1002/B'), batchId: book.ids.batchId,
      received: '2003-12-01T10:15', ageDays: 4, clerk: 'Carla Clerk', status: 'open', statusWords: 'Open', cureBy: null,
      open: [{ code: 'UNSIGNED', title: expect.any(String) }],
    });
    expect(first!.holder).not.toBe('');
    expect(second).toMatchObject({ ageDays: 2, clerk: 'Sam Supervisor', open: [{ code: 'MISSING_TIN' }] });
    expect(view.clerks.map((c) => c.name)).toEqual(['Carla Clerk', 'Sam Supervisor']);
    expect(view.batches).toHaveLength(2);
    expect(view.drawnAtSeq).toBe((await store.read((r) => r.journal.head()))!.seq);
  });

  it('filters by code, age, batch and clerk, and pages a window with its total', async () => {
    const later = await batchAndEnvelope(store, book, '2003-12-03T09:30', book.supervisor);
    const tin = await keyForm(store, book, 'H-1003/A', 10, { taxFormOnFile: false }, book.supervisor, later);
    const unsigned = await keyForm(store, book, 'H-1002/B', 10, { signed: false });
    const both = await keyForm(store, book, 'H-1003/A', 10, { signed: false, taxFormOnFile: false });
    const ids = async (filter: Omit<QueueFilterInput, 'programId'>) => (await list(filter)).rows.map((r) => r.ref.id);
    expect(await ids({ code: 'MISSING_TIN' })).toEqual([both, tin]);
    expect(await ids({ minAge: 3 })).toEqual([unsigned, both]);
    expect(await ids({ batchId: later.batchId })).toEqual([tin]);
    expect(await ids({ clerkId: book.clerk.id })).toEqual([unsigned, both]);
    const window = await list({}, 1, 1);
    expect(window).toMatchObject({ total: 3, offset: 1 });
    expect(window.rows.map((r) => r.ref.id)).toEqual([both]);
  });

  it('leaves a decided item out of the queue and shows it under its status', async () => {
    const waived = await keyForm(store, book, 'H-1002/B', 10, { signed: false });
    const rejected = await keyForm(store, book, 'H-1003/A', 10, { signed: false });
    const cure = await keyForm(store, book, 'H-1003/A', 5, { taxFormOnFile: false });
    await decideItem(store, book.checker, { programId: book.programId, item: { kind: 'election', id: waived }, decision: 'waive', codes: ['UNSIGNED'], reason, cureBy: null });
    await decideItem(store, book.checker, { programId: book.programId, item: { kind: 'election', id: rejected }, decision: 'reject', codes: [], reason, cureBy: null });
    await decideItem(store, book.checker, { programId: book.programId, item: { kind: 'election', id: cure }, decision: 'allow-cure', codes: ['MISSING_TIN'], reason, cureBy: '2003-12-10' });
    expect((await list()).total).toBe(0);
    expect((await list({ status: 'accepted' })).rows.map((r) => r.ref.id)).toEqual([waived]);
    expect((await list({ status: 'rejected' })).rows.map((r) => r.ref.id)).toEqual([rejected]);
    expect((await list({ status: 'awaiting-cure' })).rows).toMatchObject([{ ref: { id: cure }, cureBy: '2003-12-10', statusWords: 'Awaiting cure' }]);
    expect((await list({ status: 'all' })).total).toBe(3);
    // The cure's date passes: it comes back to the queue.
    kit.clock.setWallClock('2003-12-11T15:00:00.000Z');
    expect((await list()).rows).toMatchObject([{ ref: { id: cure }, status: 'cure-lapsed' }]);
  });

  it('reads the program again only when the journal moved; a decision re-reads only its item', async () => {
    const first = await keyForm(store, book, 'H-1002/B', 10, { signed: false });
    const cache = itemsCacheOf(store);
    const before = { reads: cache.reads, patches: cache.patches };
    await list();
    await list({ code: 'UNSIGNED' });
    expect(cache.reads).toBe(before.reads + 1);
    await keyForm(store, book, 'H-1003/A', 10, { signed: false });
    expect((await list()).total).toBe(2);
    expect(cache.reads).toBe(before.reads + 2);
    // A decision (and a sign-in) since: the decided item alone is read again, and it leaves the queue.
    await decideItem(store, book.checker, { programId: book.programId, item: { kind: 'election', id: first }, decision: 'waive', codes: ['UNSIGNED'], reason, cureBy: null });
    await store.change(actorOf(book.checker), 'session.signedIn', async () => ({ payload: {}, result: null }));
    const after = await list();
    expect(after.rows.map((r) => r.ref.id)).not.toContain(first);
    expect(after.total).toBe(1);
    expect({ reads: cache.reads, patches: cache.patches }).toEqual({ reads: before.reads + 2, patches: before.patches + 1 });
    // The patched reading equals a whole one.
    const whole = await store.read((r) => readProgramItems(r, book.programId, kit.clock.now()));
    const patched = await cache.items(store, book.programId, kit.clock.now());
    expect(patched.items.items.map((i) => [i.ref.id, i.standing])).toEqual(whole.items.map((i) => [i.ref.id, i.standing]));
  });
});

describe('one item read alone', () => {
  it('equals the item read with its whole program (verdict, chain, decisions, hands, standing)', async () => {
    const first = await keyForm(store, book, 'H-1002/B', 10, { signed: false });
    await decideItem(store, book.checker, { programId: book.programId, item: { kind: 'election', id: first }, decision: 'allow-cure', codes: ['UNSIGNED'], reason, cureBy: '2003-12-08' });
    kit.clock.advanceMinutes(5);
    await correctElection(store, actorOf(book.supervisor), first, 'Signed form came back', cleanDraft(book.ids, book.numbers.get('H-1002/B')!, 10, { payments: [], taxFormOnFile: false }));
    await keyForm(store, book, 'H-1003/A', 10, { signed: false, payments: [] });
    await keyForm(store, book, 'H-1003/A', 20);
    const now = kit.clock.now();
    const whole = await store.read((r) => readProgramItems(r, book.programId, now));
    expect(whole.items.length).toBe(4);
    for (const item of whole.items) {
      const alone = await store.read((r) => readOneItem(r, book.programId, item.ref, now));
      expect({ ...alone, hands: [...alone!.hands].sort() }).toEqual({ ...item, hands: [...item.hands].sort() });
    }
  });
});
