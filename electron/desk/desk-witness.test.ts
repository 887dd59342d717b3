// The desk and its workstation's witness: a book reopened behind the head this workstation saw
// says so, journaled in the book and logged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk } from './desk';
import { openStore } from './store/open-store';
import { fakeHost } from './testing/desk-harness';
import { storeKitFor } from './testing/store-kit';
import { fakeClock, tempDir } from './testing/temp';

let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir('desk-witness-');
});
afterEach(() => t.cleanup());

describe('a book opened behind what this workstation witnessed', () => {
  it('warns: book.headBehind in its journal, in the log, and from the desk', async () => {
    const clock = fakeClock();
    const bookPath = t.file('office.book');
    const prefsPath = t.file('prefs.json');
    const first = fakeHost();
    let desk = await openDesk({ bookPath, prefsPath, host: first.host, now: clock.now, mode: 'create' });
    expect(await desk.headWarning()).toBeNull();
    expect((await desk.dispatch('session.createFirstAdmin', { username: 'ada', displayName: 'Ada', password: 'correct horse battery' })).ok).toBe(true);
    await desk.close();

    // Someone with the file cuts the journal back to its first entry.
    const { raw } = storeKitFor(bookPath);
    await raw('DROP TRIGGER journal_no_delete');
    await raw('DELETE FROM journal WHERE seq > 1');

    const second = fakeHost();
    desk = await openDesk({ bookPath, prefsPath, host: second.host, now: clock.now });
    const warning = await desk.headWarning();
    // Every screen shows it: it comes with the session status, before anyone signs in.
    const status = await desk.dispatch('session.status', {});
    expect(status).toMatchObject({ ok: true, value: { bookWarning: expect.stringMatching(/^The book's journal ends at #1 .*Tell a supervisor/) as unknown } });
    await desk.close();
    expect(warning).toMatchObject({ kind: 'behind', current: { seq: 1 } });
    expect(warning?.witnessed.seq).toBeGreaterThan(1);
    expect(second.logged.map((l) => l.channel)).toContain('book.headBehind');
    const store = await openStore(bookPath, { now: clock.now, mode: 'open' });
    const [entry] = await store.read((r) => r.journal.list({ limit: 1 }));
    await store.close();
    expect(entry).toMatchObject({ seq: 2, action: 'book.headBehind', payload: { kind: 'behind', current: { seq: 1 } } });
  });
});
