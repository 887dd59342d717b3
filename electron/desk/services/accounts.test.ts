import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskFailure } from '../../../shared/ipc/result';
import { openBook } from '../store/open';
import type { BookStore } from '../store/store';
import { fakeClock, tempDir } from '../testing/temp';
import { createFirstAdmin, setUserActive } from './accounts';

let t: ReturnType<typeof tempDir>;
let store: BookStore;
beforeEach(() => {
  t = tempDir();
  store = openBook(t.file('b.book'), { now: fakeClock().now });
});
afterEach(() => {
  store.close();
  t.cleanup();
});

describe('setUserActive', () => {
  it('never deactivates the last active administrator, whoever asks', async () => {
    const ada = await createFirstAdmin(store, { username: 'ada', displayName: 'Ada', password: 'correct horse battery' });
    // Through the desk an admin cannot reach this (they may not deactivate themself); the service still guards it.
    const someoneElse = { id: 999, username: 'ghost', displayName: 'Ghost', role: 'admin' as const };
    const before = store.read((r) => r.journal.count());
    let caught: unknown;
    try {
      setUserActive(store, someoneElse, { userId: ada.id, active: false });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DeskFailure);
    expect(caught).toMatchObject({ code: 'CONFLICT', field: 'active', message: 'The last active administrator cannot be deactivated' });
    expect(store.read((r) => r.users.byId(ada.id)?.active)).toBe(true);
    expect(store.read((r) => r.journal.count())).toBe(before);
  });
});
