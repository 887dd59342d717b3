import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BAD_CREDENTIALS_MESSAGE } from '../services/accounts';
import { LOCKOUT_AFTER } from '../security/sign-in-guard';
import { openStore } from '../store/open-store';
import { deskFixture, PASSWORD, type DeskFixture } from '../testing/desk-harness';

let f: DeskFixture;
beforeEach(async () => {
  f = await deskFixture();
  await f.firstAdmin();
  await f.addUser('carl', 'clerk');
  await f.value('session.signOut');
});
afterEach(async () => f.close());

const seconds = (s: number) => f.clock.advanceMinutes(s / 60);
const wrong = (username = 'carl') => f.refused('session.signIn', { username, password: 'not the password' }, 'BAD_CREDENTIALS');
const journalCount = async () => (await lastEntries(1))[0]?.seq ?? 0;
/** The newest entries, read from the book itself (no one need be signed in). */
async function lastEntries(limit: number) {
  const store = await openStore(f.bookPath, { now: f.clock.now, mode: 'open' });
  try {
    return await store.read((r) => r.journal.list({ limit }));
  } finally {
    await store.close();
  }
}

describe('failed sign-ins', () => {
  it('slow a user down after two failures, doubling the wait, and refuse early tries before checking any password', async () => {
    expect((await wrong()).message).toBe(BAD_CREDENTIALS_MESSAGE);
    expect((await wrong()).message).toBe(BAD_CREDENTIALS_MESSAGE);
    expect((await wrong()).message).toBe(BAD_CREDENTIALS_MESSAGE); // the third is still checked…
    // …and then the user must wait 1 s: even the right password is refused until then.
    expect((await f.refused('session.signIn', { username: 'carl', password: PASSWORD }, 'BAD_CREDENTIALS')).message).toBe('Too many failed sign-ins: wait 1 seconds before trying again');
    seconds(1);
    await wrong();
    expect((await wrong()).message).toBe('Too many failed sign-ins: wait 2 seconds before trying again');
    seconds(2);
    expect(await f.value('session.signIn', { username: 'carl', password: PASSWORD })).toMatchObject({ username: 'carl' });
  });

  it('slow the desk down whatever names are tried', async () => {
    for (let i = 0; i < 5; i++) await wrong(`guess${i}`);
    await wrong('guess5');
    expect((await wrong('guess6')).message).toBe('Too many failed sign-ins: wait 1 seconds before trying again');
  });

  it(`lock a user out after ${LOCKOUT_AFTER}, until an administrator unlocks them; the lock holds on the right password`, async () => {
    for (let i = 0; i < LOCKOUT_AFTER; i++) {
      await wrong();
      seconds(61); // past any delay, and into a new minute
    }
    const locked = await f.refused('session.signIn', { username: 'carl', password: PASSWORD }, 'BAD_CREDENTIALS');
    expect(locked.message).toBe(`This account is locked after ${LOCKOUT_AFTER} failed sign-ins; an administrator can unlock it`);
    const [lockEntry] = await lastEntries(1);
    expect(lockEntry).toMatchObject({ action: 'session.signInFailed', payload: { username: 'carl', failures: 1, consecutive: LOCKOUT_AFTER, lockedOut: true } });

    await f.signInAs('ada');
    const carl = (await f.value('users.list')).find((u) => u.username === 'carl');
    expect(carl?.lockedAt).toBe(lockEntry?.at);
    await f.refused('users.unlock', { userId: 1 }, 'CONFLICT'); // ada is not locked
    expect((await f.value('users.unlock', { userId: carl?.id ?? 0 })).username).toBe('carl');
    expect((await f.value('users.list')).find((u) => u.username === 'carl')?.lockedAt).toBeNull();
    const [unlocked] = await f.value('journal.list', { limit: 1 });
    expect(unlocked).toMatchObject({ action: 'user.unlocked', username: 'ada', payload: { username: 'carl', before: { failures: LOCKOUT_AFTER }, after: { failures: 0, lockedAt: null } } });
    await f.value('session.signOut');
    expect(await f.value('session.signIn', { username: 'carl', password: PASSWORD })).toMatchObject({ username: 'carl' });
  });

  it('are journaled as one count per user and minute, so a flood leaves a few entries', async () => {
    const before = await journalCount();
    for (let i = 0; i < 200; i++) {
      await f.call('session.signIn', { username: i % 2 === 0 ? 'carl' : `nobody${i}`, password: `guess ${i}` });
      seconds(0.25); // 200 tries in 50 seconds, one minute
    }
    expect(await journalCount()).toBe(before); // nothing yet: the minute is not over
    seconds(60);
    await f.signInAs('ada'); // the next attempt journals the minute that ended
    const entries = (await f.value('journal.list', { limit: 3 })).reverse();
    expect(entries.map((e) => e.action)).toEqual(['session.signInFailed', 'session.signInFailed', 'session.signedIn']);
    expect(await journalCount()).toBe(before + 3);
    const counted = entries.slice(0, 2).map((e) => (e.payload as { failures: number }).failures);
    // Most tries were refused by the delays before any password was checked, and counted as nothing.
    expect(counted.reduce((a, b) => a + b, 0)).toBeLessThan(20);
    expect(JSON.stringify(entries)).not.toContain('nobody');
    expect(JSON.stringify(entries)).not.toContain('guess');
  });

  it('are journaled when the desk closes, not lost', async () => {
    await wrong();
    expect((await lastEntries(1))[0]?.action).toBe('session.signedOut'); // held for the minute…
    await f.desk.close(); // …and journaled as the desk closes
    const [entry] = await lastEntries(1);
    expect(entry).toMatchObject({ action: 'session.signInFailed', payload: { username: 'carl', failures: 1, consecutive: 1 } });
  });
});
