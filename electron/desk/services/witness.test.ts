// Witnessed heads, on both stores: a journal cut back or rewritten below what this workstation
// saw is found when the book is opened, journaled as book.headBehind, and witnessed once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPrefs, type PrefsStore } from '../prefs/prefs';
import { SYSTEM_ACTOR, type BookStore } from '../store/port';
import { storeKit, type StoreKit } from '../testing/store-kit';
import { witnessHead, witnessOpening } from './witness';

let kit: StoreKit;
let prefs: PrefsStore;
/** The book's location as the store names it (an office database's without its password). */
let location = '';

beforeEach(async () => {
  kit = await storeKit();
  prefs = await openPrefs(kit.dir.file('prefs.json'));
});
afterEach(async () => kit.cleanup());

const note = (store: BookStore, n: number) => store.change(SYSTEM_ACTOR, 'test.note', async () => ({ payload: { n }, result: null }));

/** A book of 5 entries witnessed at its head, closed; returns that head. */
async function witnessedBook() {
  const store = await kit.open();
  expect(await witnessOpening(store, prefs)).toBeNull();
  for (const n of [1, 2, 3, 4]) await note(store, n);
  await witnessHead(store, prefs);
  const head = (await store.info()).head;
  await store.close();
  location = store.location;
  expect(prefs.getWitnessedHead(location)).toEqual(head);
  return head;
}

describe('witnessed heads', () => {
  it('keeps the highest head seen, never a lower one', async () => {
    const head = await witnessedBook();
    await prefs.witnessHead(location, { seq: 2, hash: 'a'.repeat(64) });
    expect(prefs.getWitnessedHead(location)).toEqual(head);
    if (kit.book.kind === 'postgres') expect(location).not.toContain(`:${new URL(kit.book.location).password}@`); // never a password
    // and it is kept in the file, for the next start
    expect((await openPrefs(kit.dir.file('prefs.json'))).getWitnessedHead(location)).toEqual(head);
  });

  it('finds a journal cut back below the witnessed head, journals both heads, and says so once', async () => {
    const witnessed = await witnessedBook();
    await kit.disableJournalGuards();
    await kit.raw('DELETE FROM journal WHERE seq > 2');
    const store = await kit.open();
    const warning = await witnessOpening(store, prefs);
    expect(warning).toMatchObject({ kind: 'behind', witnessed, current: { seq: 2 } });
    expect(warning?.message).toMatch(/^The book's journal ends at #2 [0-9a-f]{64}, behind #5 [0-9a-f]{64} which this workstation saw/);
    const [entry] = await store.read((r) => r.journal.list({ limit: 1 }));
    expect(entry).toMatchObject({ seq: 3, action: 'book.headBehind', payload: { kind: 'behind', witnessed: { seq: 5, hash: witnessed?.hash }, current: { seq: 2 } } });
    expect(await witnessOpening(store, prefs)).toBeNull();
  });

  it('finds a journal rewritten from some entry on, even when it is as long again', async () => {
    const witnessed = await witnessedBook();
    await kit.disableJournalGuards();
    await kit.raw('DELETE FROM journal WHERE seq > 3');
    const rewriter = await kit.open();
    for (const n of [30, 40]) await note(rewriter, n);
    await rewriter.close();
    const store = await kit.open();
    expect(await witnessOpening(store, prefs)).toMatchObject({ kind: 'rewritten', witnessed, current: { seq: 5 } });
  });
});
