import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskFailure } from '../../../shared/ipc/result';
import type { BookStore } from '../store/port';
import { storeKit, type StoreKit } from '../testing/store-kit';
import { SYSTEM_ACTOR } from '../store/port';
import { hashPassword, setHashCostForTests } from '../security/password';
import { createFirstAdmin, setUserActive, signIn } from './accounts';

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

describe('signIn and the stored hash', () => {
  const setHash = (id: number, hash: string) =>
    store.change(SYSTEM_ACTOR, 'user.passwordReset', async (tx) => {
      await tx.users.setPassword(id, hash, false);
      return { payload: { userId: id, mustChangePassword: false }, result: null };
    });

  it('refuses a crafted hash with a huge cost as a failed sign-in, and logs it', async () => {
    const ada = await createFirstAdmin(store, { username: 'ada', displayName: 'Ada', password: 'correct horse battery' });
    const salt = Buffer.alloc(16, 1).toString('base64');
    await setHash(ada.id, `scrypt$1073741824$8$1$${salt}$${Buffer.alloc(32).toString('base64')}`);
    const logged: string[] = [];
    const started = performance.now();
    await expect(signIn(store, { username: 'ada', password: 'correct horse battery' }, { logRefusedHash: (m) => logged.push(m) })).rejects.toMatchObject({ code: 'BAD_CREDENTIALS' });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(logged).toEqual([expect.stringMatching(/refused: its cost \(N=1073741824/)]);
  });

  it('keeps an older, cheaper hash working and replaces it at the next sign-in', async () => {
    const ada = await createFirstAdmin(store, { username: 'ada', displayName: 'Ada', password: 'correct horse battery' });
    const before = setHashCostForTests({ N: 2 ** 4, r: 8, p: 1 });
    const old = await hashPassword('correct horse battery');
    setHashCostForTests(before);
    await setHash(ada.id, old);
    await signIn(store, { username: 'ada', password: 'correct horse battery' });
    const now = (await store.read((r) => r.users.byId(ada.id)))?.passwordHash ?? '';
    expect(now).not.toBe(old);
    expect(now.startsWith(`scrypt$${before.N}$`)).toBe(true);
    await signIn(store, { username: 'ada', password: 'correct horse battery' });
  });
});
