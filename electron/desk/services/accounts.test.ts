import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskFailure } from '../../../shared/ipc/result';
import type { BookStore } from '../store/port';
import { storeKit, type StoreKit } from '../testing/store-kit';
import { createFirstAdmin, setUserActive } from './accounts';

let kit: StoreKit;
let store: BookStore;
beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
});
afterEach(async () => kit.cleanup());

describe('setUserActive', () => {
  it('never deactivates the last active administrator, whoever asks', async () => {
    const ada = await createFirstAdmin(store, { username: 'ada', displayName: 'Ada', password: 'correct horse battery' });
    // Through the desk an admin cannot reach this (they may not deactivate themself); the service still guards it.
    const someoneElse = { id: 999, username: 'ghost', displayName: 'Ghost', role: 'admin' as const };
    const before = await store.read((r) => r.journal.count());
    let caught: unknown;
    try {
      await setUserActive(store, someoneElse, { userId: ada.id, active: false, reason: 'Left the firm today' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DeskFailure);
    expect(caught).toMatchObject({ code: 'CONFLICT', field: 'active', message: 'The last active administrator cannot be deactivated' });
    expect((await store.read((r) => r.users.byId(ada.id)))?.active).toBe(true);
    expect(await store.read((r) => r.journal.count())).toBe(before);
  });
});
