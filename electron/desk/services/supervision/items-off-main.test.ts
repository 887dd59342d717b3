// A program's items read in a worker (as the desk reads them) are the items read in process, on
// both stores; the queue and the reports served from them are the same; and main's event loop
// keeps turning while a large program is read.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queueFilterSchema } from '../../../../shared/ipc/queue';
import type { BookStore } from '../../store/port';
import { longestGapWhile } from '../../testing/event-loop';
import { AFTER_XO, batchAndEnvelope, cleanDraft, intakeBook, type IntakeBook } from '../../testing/intake-fixture';
import { largeProgramBook } from '../../testing/large-program';
import { storeKit, type StoreKit } from '../../testing/store-kit';
import { correctElection, saveElection } from '../intake/elections';
import { dailyFrom } from '../reports/daily';
import { withReportSource } from '../reports/report-cache';
import { actorOf } from '../views';
import { decideItem } from './decide';
import { ItemsCache } from './items-cache';
import { oneReadingAtATime, readProgramItemsInProcess, readProgramItemsOffMain, withProgramItems, type ProgramItemsReader } from './items-off-main';
import { itemKey } from './program-items';
import { listQueue } from './queue';

let kit: StoreKit;
const daysAfterToday = (days: number): string => new Date(kit.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);
let store: BookStore;

beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
});
afterEach(async () => {
  await store.close();
  await kit.cleanup();
});

describe('a program read off main', () => {
  let book: IntakeBook;
  let ids: { batchId: number; envelopeId: number };
  beforeEach(async () => {
    book = await intakeBook(store);
    ids = await batchAndEnvelope(store, book);
  });

  async function keyed(account: string, basic: number | null, more = {}): Promise<number> {
    const answer = await saveElection(store, actorOf(book.clerk), cleanDraft(ids, book.numbers.get(account)!, basic, more), true);
    if (!answer.saved) throw new Error('not saved');
    return answer.electionId;
  }

  /** Clean, unsigned and waived, cure allowed then corrected, rejected: every shape the reading has. */
  async function irregularItems(): Promise<void> {
    await keyed('H-1003/A', 100);
    const waived = await keyed('H-1002/B', 10, { signed: false });
    await decideItem(store, book.supervisor, { programId: book.programId, item: { kind: 'election', id: waived }, decision: 'waive', codes: ['UNSIGNED'], reason: 'Signature card on file', cureBy: null });
    const cured = await keyed('H-1003/A', 20, { signed: false, payments: [{ method: 'money-order', amount: '10.00', payer: 'X', checkNumber: '1' }] });
    await decideItem(store, book.supervisor, { programId: book.programId, item: { kind: 'election', id: cured }, decision: 'allow-cure', codes: ['UNSIGNED'], reason: 'Send the signed form', cureBy: daysAfterToday(30) });
    kit.clock.advanceMinutes(10);
    await correctElection(store, actorOf(book.supervisor), cured, 'Signed form came back', cleanDraft(ids, book.numbers.get('H-1003/A')!, 20, { payments: [] }));
    const rejected = await keyed('H-1002/B', 5, { signed: false });
    await decideItem(store, book.supervisor, { programId: book.programId, item: { kind: 'election', id: rejected }, decision: 'reject', codes: ['UNSIGNED'], reason: 'Holder withdrew', cureBy: null });
  }

  it('gives exactly the items and journal head read in process, Maps and Sets included', async () => {
    await irregularItems();
    const here = await readProgramItemsInProcess(store, book.programId, AFTER_XO);
    const there = await readProgramItemsOffMain(store, book.programId, AFTER_XO);
    expect(here.items.items.length).toBeGreaterThanOrEqual(5);
    expect(there).toEqual(here);
    expect(there.head).toEqual(await store.read((r) => r.journal.head()));
    const first = there.items.items[0]!;
    expect(there.items.byKey).toBeInstanceOf(Map);
    expect(first.hands).toBeInstanceOf(Set);
    // One clone: the index points at the very items of the list, as the reading built it.
    expect(there.items.byKey.get(itemKey(first.ref))).toBe(first);
  });

  it('serves the same queue and the same daily report as the reading in process', async () => {
    await irregularItems();
    const filter = queueFilterSchema.parse({ programId: book.programId, status: 'all' });
    const queue = (read: ProgramItemsReader) => listQueue(store, filter, 0, 50, AFTER_XO, read);
    const inProcess = await queue(readProgramItemsInProcess);
    // A new change, so the cache reads the whole program again, this time in the worker.
    await store.change(actorOf(book.supervisor), 'test.touched', async () => ({ payload: {}, result: null }));
    const offMain = await queue(readProgramItemsOffMain);
    expect({ ...offMain, drawnAtSeq: 0 }).toEqual({ ...inProcess, drawnAtSeq: 0 });
    expect(offMain.drawnAtSeq).toBe(inProcess.drawnAtSeq + 1);
    const daily = (read: ProgramItemsReader) => withReportSource(store, book.programId, AFTER_XO, (_r, source) => dailyFrom(source, '2003-12-01'), read);
    expect(await daily(readProgramItemsOffMain)).toEqual(await daily(readProgramItemsInProcess));
  });

  it('never serves a report from items read at another journal entry than the report names', async () => {
    await keyed('H-1003/A', 100);
    let moved = 0;
    // The book moves on right after each of the first two readings, as another desk saving would.
    const racing: ProgramItemsReader = async (s, programId, asOf) => {
      const read = await readProgramItemsOffMain(s, programId, asOf);
      if (moved < 2) {
        moved += 1;
        await keyed('H-1002/B', 1 + moved);
      }
      return read;
    };
    const drawn = await withReportSource(store, book.programId, AFTER_XO, async (r, source) => ({ source, head: await r.journal.head() }), racing);
    expect(moved).toBe(2);
    expect(drawn.source.head).toEqual(drawn.head);
    expect(drawn.source.items).toHaveLength(3);
  });

  it('runs a body on items read at the very journal entry its own snapshot stands at, however the book races', async () => {
    await keyed('H-1003/A', 100);
    let moved = 0;
    const racing: ProgramItemsReader = async (s, programId, asOf) => {
      const read = await readProgramItemsOffMain(s, programId, asOf);
      moved += 1;
      await keyed('H-1002/B', moved);
      return read;
    };
    // The book moves after every reading: after three the body's own snapshot is read in process.
    const drawn = await withProgramItems(store, book.programId, AFTER_XO, racing, async (r, items) => ({ count: items.items.length, head: await r.journal.head() }));
    expect(moved).toBe(3);
    expect(drawn.count).toBe(4);
    const calm = await withProgramItems(store, book.programId, AFTER_XO, readProgramItemsOffMain, async (r, items) => ({ items, head: await r.journal.head() }));
    expect(calm.items).toEqual((await readProgramItemsInProcess(store, book.programId, AFTER_XO)).items);
    expect(calm.head).toEqual(drawn.head);
  });

  it('shares one reading among callers asking for the same program on the same day while it is under way', async () => {
    await keyed('H-1003/A', 100);
    let started = 0;
    const counted: ProgramItemsReader = (s, programId, asOf) => {
      started += 1;
      return readProgramItemsOffMain(s, programId, asOf);
    };
    const shared = oneReadingAtATime(counted);
    const later = new Date(AFTER_XO.getTime() + 60_000);
    const [a, b] = await Promise.all([shared(store, book.programId, AFTER_XO), shared(store, book.programId, later)]);
    expect(started).toBe(1);
    expect(b).toBe(a);
    // Once it is done, the next caller gets a reading of its own.
    await shared(store, book.programId, later);
    expect(started).toBe(2);
    // A caller after a change never joins a reading of the book as it stood before.
    const before = shared(store, book.programId, later);
    await keyed('H-1002/B', 3);
    const fresh = await shared(store, book.programId, later);
    await before;
    expect(started).toBe(4);
    expect(fresh.items.items).toHaveLength(2);
    expect(fresh.head).toEqual(await store.read((r) => r.journal.head()));
  });
});

describe('a large program read off main', () => {
  it('leaves main\'s event loop free while 20,000 elections are read and assessed', async () => {
    const { programId } = await largeProgramBook(store, 20_000);
    const cache = new ItemsCache();
    const read = await longestGapWhile(() => cache.items(store, programId, new Date('2003-12-05T15:00:00.000Z'), readProgramItemsOffMain), 10);
    expect(read.value.items.items).toHaveLength(20_000);
    expect(read.value.items.items.filter((i) => i.standing.status === 'open')).toHaveLength(2_000);
    // In process the same reading holds the loop for the whole read (~600 ms on a quiet machine).
    expect(read.ticks).toBeGreaterThan(5);
    expect(read.longestGapMs).toBeLessThan(150);
  }, 180_000);
});
