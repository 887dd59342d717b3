import { existsSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, channels } from '../../shared/ipc/channels';
import { DeskFailure } from '../../shared/ipc/result';
import { openDesk } from './desk';
import { INTERNAL_MESSAGE } from './serve-desk';
import { deskFixture, fakeHost, PASSWORD, type DeskFixture } from './testing/desk-harness';
import { listDir, sha256File, tempDir } from './testing/temp';

let f: DeskFixture;
beforeEach(async () => {
  f = await deskFixture();
});
afterEach(async () => f.close());

describe('dispatch: channels', () => {
  it.each([['no.such.channel'], ['__proto__'], ['toString'], ['constructor'], [42], [null], [{ channel: 'session.status' }], ['x'.repeat(1_000_000)]])(
    'refuses an unknown channel %#',
    async (channel) => {
      const error = await f.refused(channel as string, {}, 'UNKNOWN_CHANNEL');
      expect(error.message.length).toBeLessThan(100);
    },
  );

  it('treats a missing input as no fields', async () => {
    expect(await f.value('session.status')).toMatchObject({ needsFirstAdmin: true, user: null, locked: false, idleLockMinutes: 10, bookPath: f.shownLocation });
  });
});

describe('dispatch: hostile and malformed inputs are refused cleanly', () => {
  beforeEach(async () => {
    await f.firstAdmin();
  });

  it('refuses a prototype-pollution key and pollutes nothing', async () => {
    const hostile = JSON.parse('{"username":"ada","password":"x","__proto__":{"isAdmin":true}}') as unknown;
    const error = await f.refused('session.signIn', hostile, 'INVALID_INPUT', '__proto__');
    expect(error.message).toBe('"__proto__" is not a field this request takes');
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    await f.refused('programs.list', { constructor: { prototype: { x: 1 } } }, 'INVALID_INPUT', 'constructor');
    await f.refused('programs.list', { prototype: 1 }, 'INVALID_INPUT', 'prototype');
  });

  it('refuses extra fields, naming the first', async () => {
    await f.refused('users.setActive', { userId: 1, active: true, role: 'admin' }, 'INVALID_INPUT', 'role');
  });

  it.each([
    ['null', null],
    ['an array', [{ userId: 1, active: true }]],
    ['a string', 'userId=1'],
    ['a number', 7],
    ['a boolean', true],
  ])('refuses %s where an object is expected', async (_what, input) => {
    const error = await f.refused('users.setActive', input, 'INVALID_INPUT');
    expect(error.field).toBeUndefined();
    expect(error.message).toMatch(/named fields/);
  });

  it('refuses wrong types, naming the field in words', async () => {
    let error = await f.refused('users.setActive', { userId: '1', active: true }, 'INVALID_INPUT', 'userId');
    expect(error.message).toBe('User must be a number');
    error = await f.refused('users.setActive', { userId: 1, active: 'yes' }, 'INVALID_INPUT', 'active');
    expect(error.message).toBe('Active must be true or false');
    error = await f.refused('journal.list', { limit: 1.5 }, 'INVALID_INPUT', 'limit');
    expect(error.message).toMatch(/^Number of entries: /);
  });

  it('says which required field is missing', async () => {
    const error = await f.refused('users.create', { username: 'bob', displayName: 'Bob', role: 'clerk' }, 'INVALID_INPUT', 'password');
    expect(error.message).toBe('Password is required');
  });

  it('refuses huge strings without echoing them', async () => {
    const huge = 'a'.repeat(5_000_000);
    let error = await f.refused('session.signIn', { username: huge, password: 'x' }, 'INVALID_INPUT', 'username');
    expect(error.message.length).toBeLessThan(200);
    error = await f.refused('programs.create', { kind: 'odd-lot', name: huge, issuer: 'I', cusip: '037833100', recordDate: '2026-01-02' }, 'INVALID_INPUT', 'name');
    expect(error.message).toBe('Program name must be at most 120 characters');
    error = await f.refused('programs.list', { [huge]: 1 }, 'INVALID_INPUT');
    expect(error.message.length).toBeLessThan(200);
    expect(error.field?.length).toBeLessThan(100);
  });
});

describe('dispatch: access', () => {
  it('refuses signed-in channels before sign-in, before even looking at the input', async () => {
    await f.refused('programs.list', {}, 'NOT_SIGNED_IN');
    await f.refused('programs.create', { nonsense: true }, 'NOT_SIGNED_IN');
    await f.refused('book.info', {}, 'NOT_SIGNED_IN');
  });

  it('refuses a role the map does not list', async () => {
    await f.firstAdmin();
    await f.addUser('carl', 'clerk');
    await f.signInAs('carl');
    const error = await f.refused('users.list', {}, 'FORBIDDEN');
    expect(error.message).toMatch(/clerk/);
    await f.refused('journal.list', {}, 'FORBIDDEN');
    expect(await f.value('programs.list')).toEqual([]); // signed-in channels still open
  });

  it('lets a user work on after a password reset made meanwhile; the temporary password binds at the next sign-in', async () => {
    await f.firstAdmin();
    const carl = await f.addUser('carl', 'clerk');
    await f.signInAs('carl');
    const other = await openDesk({ bookPath: f.bookPath, prefsPath: f.dir.file('other-prefs.json'), host: fakeHost().host, now: f.clock.now });
    await other.dispatch('session.signIn', { username: 'ada', password: PASSWORD });
    expect(await other.dispatch('users.resetPassword', { userId: carl.id, password: 'temporary-pass-1' })).toMatchObject({ ok: true });
    await other.close();
    expect(await f.value('programs.list')).toEqual([]); // the open session goes on
    expect((await f.value('session.status')).user).not.toHaveProperty('mustChangePassword');
    await f.value('session.signIn', { username: 'carl', password: 'temporary-pass-1' });
    await f.refused('programs.list', {}, 'FORBIDDEN');
  });

  it('signs out a user who has been deactivated meanwhile', async () => {
    await f.firstAdmin();
    const carl = await f.addUser('carl', 'clerk');
    await f.signInAs('carl');
    // deactivate through a second desk on the same book, as another admin's machine would
    const other = await openDesk({ bookPath: f.bookPath, prefsPath: f.dir.file('other-prefs.json'), host: fakeHost().host, now: f.clock.now });
    await other.dispatch('session.signIn', { username: 'ada', password: PASSWORD });
    expect(await other.dispatch('users.setActive', { userId: carl.id, active: false, reason: 'Left the firm today' })).toMatchObject({ ok: true });
    await other.close();
    await f.refused('programs.list', {}, 'NOT_SIGNED_IN');
    expect((await f.value('session.status')).user).toBeNull();
  });
});

describe('every channel of the map', () => {
  const guarded = CHANNEL_NAMES.filter((c) => channels[c].access !== 'public');
  const adminOnly = CHANNEL_NAMES.filter((c) => { const a = channels[c].access; return Array.isArray(a) && !a.includes('clerk'); });

  it('refuses each signed-in channel to someone not signed in', async () => {
    expect(guarded.length).toBeGreaterThan(10);
    for (const channel of guarded) await f.refused(channel, {}, 'NOT_SIGNED_IN');
  });

  it('refuses each role-listed channel to a role it does not list', async () => {
    await f.firstAdmin();
    await f.addUser('carl', 'clerk');
    await f.signInAs('carl');
    expect(adminOnly.length).toBeGreaterThan(5);
    for (const channel of adminOnly) await f.refused(channel, {}, 'FORBIDDEN');
  });

  it('refuses an extra field on each channel, naming it (or first the required field it lacks)', async () => {
    await f.firstAdmin();
    for (const channel of CHANNEL_NAMES) {
      const error = await f.refused(channel, { sneaky: 1 }, 'INVALID_INPUT');
      expect([...Object.keys(channels[channel].input.shape), 'sneaky']).toContain(error.field);
    }
    await f.refused('session.status', { sneaky: 1 }, 'INVALID_INPUT', 'sneaky');
  });
});

describe('dispatch: unexpected errors', () => {
  it('logs them in main and answers a plain message, never a stack trace', async () => {
    await f.firstAdmin();
    await f.desk.close(); // the book is gone from under the handlers: an unexpected failure
    const result = await f.desk.dispatch('session.status', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } });
    expect(f.logged).toHaveLength(1);
    expect(f.logged[0]?.channel).toBe('session.status');
    expect(f.logged[0]?.error).toBeInstanceOf(Error);
  });

  it('survives a host whose log throws', async () => {
    f.host.logError = () => {
      throw new Error('disk full');
    };
    await f.desk.close();
    expect(await f.desk.dispatch('session.status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('idle lock', () => {
  beforeEach(async () => {
    await f.firstAdmin();
    await f.addUser('sue', 'supervisor');
  });

  it('locks after idleLockMinutes without activity; status reports it; unlock needs the same user’s password', async () => {
    f.clock.advanceMinutes(9);
    expect(await f.value('programs.list')).toEqual([]); // activity: the timer restarts
    f.clock.advanceMinutes(9);
    expect((await f.value('session.status')).locked).toBe(false);
    f.clock.advanceMinutes(1);
    // polling the status is not activity
    expect(await f.value('session.status')).toMatchObject({ locked: true, user: { username: 'ada' } });
    await f.refused('programs.list', {}, 'LOCKED');
    await f.refused('users.list', {}, 'LOCKED');
    await f.refused('session.lock', {}, 'LOCKED');
    // sue's password is not ada's
    await f.refused('session.unlock', { password: 'wrong password!' }, 'BAD_CREDENTIALS');
    expect((await f.value('session.status')).locked).toBe(true);
    expect(await f.value('session.unlock', { password: PASSWORD })).toMatchObject({ username: 'ada' });
    expect(await f.value('programs.list')).toEqual([]);
    const actions = (await f.value('journal.list', { limit: 3 })).map((e) => e.action);
    expect(actions).toEqual(['session.unlocked', 'session.unlockFailed', 'user.created']);
  });

  it('locks on the monotonic clock: setting the system clock back does not postpone it', async () => {
    f.clock.advanceMinutes(5);
    f.clock.setWallClock('2026-03-01T09:00:00.000Z'); // a day back
    expect((await f.value('session.status')).locked).toBe(false);
    f.clock.advanceMinutes(5);
    expect((await f.value('session.status')).locked).toBe(true);
  });

  it('session.touch (activity on the screen) keeps a long keyed form from being found idle, but never unlocks', async () => {
    for (let minute = 0; minute < 30; minute += 9) {
      f.clock.advanceMinutes(9);
      expect(await f.value('session.touch')).toBeNull();
    }
    expect((await f.value('session.status')).locked).toBe(false);
    expect(await f.value('programs.list')).toEqual([]);
    await f.value('session.lock');
    await f.refused('session.touch', {}, 'LOCKED');
  });

  it('locks at once on session.lock, and honours a custom idle time', async () => {
    await f.value('session.lock');
    await f.refused('programs.list', {}, 'LOCKED');
    await f.value('session.unlock', { password: PASSWORD });

    const g = await deskFixture({ idleLockMinutes: 1 });
    try {
      await g.firstAdmin();
      g.clock.advanceMinutes(1);
      await g.refused('programs.list', {}, 'LOCKED');
      expect((await g.value('session.status')).idleLockMinutes).toBe(1);
    } finally {
      await g.close();
    }
  });

  it('refuses unlock when no one is signed in', async () => {
    await f.value('session.signOut');
    await f.refused('session.unlock', { password: PASSWORD }, 'NOT_SIGNED_IN');
  });
});

describe('openDesk', () => {
  it('refuses a path where there is no book with BOOK_REFUSED, and makes no file', async () => {
    const t = tempDir();
    try {
      const bookPath = t.file('mistyped.book');
      const caught = await openDesk({ bookPath, prefsPath: t.file('prefs.json'), host: fakeHost().host }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(caught).toBeInstanceOf(DeskFailure);
      expect(caught).toMatchObject({ code: 'BOOK_REFUSED', message: expect.stringMatching(/no book at this path.*New book….*offering-desk init/) as unknown });
      expect(existsSync(bookPath)).toBe(false);
      expect(listDir(t.dir).filter((name) => name.startsWith('mistyped'))).toEqual([]);
      // Asked explicitly, it makes one.
      const desk = await openDesk({ bookPath, prefsPath: t.file('prefs.json'), host: fakeHost().host, mode: 'create' });
      await desk.close();
      expect(existsSync(bookPath)).toBe(true);
    } finally {
      t.cleanup();
    }
  });

  it('refuses a book that is not sound, leaving it untouched', async () => {
    const t = tempDir();
    try {
      const bookPath = t.file('broken.book');
      writeFileSync(bookPath, Buffer.alloc(8192, 7));
      const hash = sha256File(bookPath);
      let caught: unknown;
      try {
        await openDesk({ bookPath, prefsPath: t.file('prefs.json'), host: fakeHost().host });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DeskFailure);
      expect((caught as DeskFailure).code).toBe('BOOK_REFUSED');
      expect(sha256File(bookPath)).toBe(hash);
    } finally {
      t.cleanup();
    }
  });
});
