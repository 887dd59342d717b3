import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BAD_CREDENTIALS_MESSAGE } from '../services/accounts';
import { deskFixture, PASSWORD, type DeskFixture } from '../testing/desk-harness';

let f: DeskFixture;
beforeEach(async () => {
  f = await deskFixture();
});
afterEach(async () => f.close());

describe('session.createFirstAdmin', () => {
  it('creates the administrator, signs them in and journals it', async () => {
    const ada = await f.firstAdmin();
    expect(ada).toEqual({ id: 1, username: 'ada', displayName: 'Ada Admin', role: 'admin' });
    expect(await f.value('session.status')).toMatchObject({ needsFirstAdmin: false, user: ada, locked: false });
    const [entry] = await f.value('journal.list', { limit: 1 });
    expect(entry).toMatchObject({ action: 'user.created', username: null, at: f.clock.now().toISOString() });
    expect(entry?.payload).toMatchObject({ firstAdmin: true, after: { username: 'ada', role: 'admin', active: true } });
    expect(JSON.stringify(entry?.payload)).not.toContain(PASSWORD);
  });

  it('is refused once any user exists', async () => {
    await f.firstAdmin();
    await f.value('session.signOut');
    await f.refused('session.createFirstAdmin', { username: 'eve', displayName: 'Eve', password: PASSWORD }, 'CONFLICT');
  });

  it('refuses a short password, naming the field', async () => {
    const error = await f.refused('session.createFirstAdmin', { username: 'ada', displayName: 'Ada', password: 'short' }, 'INVALID_INPUT', 'password');
    expect(error.message).toBe('Password must be at least 12 characters');
  });

  it('refuses only spaces, the user name, and a common password, naming the field', async () => {
    const first = (password: string) => f.refused('session.createFirstAdmin', { username: 'ada', displayName: 'Ada', password }, 'INVALID_INPUT', 'password');
    expect((await first('              ')).message).toBe('Password cannot be only spaces');
    expect((await first('ADA-is-my-name-1')).message).toBe('Password: choose one that is not and does not contain the user name');
    expect((await first('Password2024!')).message).toMatch(/^Password: this is one of the most common passwords/);
    expect(await f.value('session.status')).toMatchObject({ needsFirstAdmin: true });
  });
});

describe('session.signIn / signOut', () => {
  beforeEach(async () => {
    await f.firstAdmin();
    await f.addUser('carl', 'clerk');
    await f.addUser('ivy', 'clerk');
    const ivy = (await f.value('users.list')).find((u) => u.username === 'ivy');
    await f.value('users.setActive', { userId: ivy?.id ?? 0, active: false, reason: 'Left the firm today' });
    await f.value('session.signOut');
  });

  it('signs in with the right password (user names are not case-sensitive)', async () => {
    expect(await f.value('session.signIn', { username: 'CARL', password: PASSWORD })).toMatchObject({ username: 'carl', role: 'clerk' });
    expect((await f.value('session.status')).user?.username).toBe('carl');
  });

  it('answers unknown user, wrong password and inactive user alike, and journals each without the password', async () => {
    const attempts = [
      { username: 'nobody', password: PASSWORD },
      { username: 'carl', password: 'not the password' },
      { username: 'ivy', password: PASSWORD },
    ];
    for (const attempt of attempts) {
      const error = await f.refused('session.signIn', attempt, 'BAD_CREDENTIALS');
      expect(error).toEqual({ code: 'BAD_CREDENTIALS', message: BAD_CREDENTIALS_MESSAGE });
    }
    expect((await f.value('session.status')).user).toBeNull();
    const minute = `${f.clock.now().toISOString().slice(0, 16)}Z`;
    f.clock.advanceMinutes(1); // the minute's counts are journaled once it has ended
    await f.signInAs('ada');
    const entries = (await f.value('journal.list', { limit: 4 })).reverse();
    expect(entries.map((e) => [e.action, e.payload])).toEqual([
      // an unknown name is not kept: it may be a password typed into the wrong field
      ['session.signInFailed', { reason: 'unknown user', minute, failures: 1 }],
      ['session.signInFailed', { userId: expect.any(Number) as unknown, username: 'carl', minute, failures: 1, consecutive: 1 }],
      ['session.signInFailed', { userId: expect.any(Number) as unknown, username: 'ivy', minute, failures: 1, consecutive: 1 }],
      ['session.signedIn', { userId: 1 }],
    ]);
    expect(JSON.stringify(entries)).not.toContain(PASSWORD);
    expect(JSON.stringify(entries)).not.toContain('nobody');
    expect(JSON.stringify(entries)).not.toContain('not the password');
  });

  it('signs out, journaling who', async () => {
    await f.signInAs('carl');
    expect(await f.value('session.signOut')).toBeNull();
    expect((await f.value('session.status')).user).toBeNull();
    await f.refused('programs.list', {}, 'NOT_SIGNED_IN');
    await f.signInAs('ada');
    const [signOut] = await f.value('journal.list', { limit: 1, beforeSeq: (await f.value('journal.list', { limit: 1 }))[0]?.seq ?? 0 });
    expect(signOut).toMatchObject({ action: 'session.signedOut', username: 'carl' });
  });

  it('refuses a malformed user name, naming the field', async () => {
    await f.refused('session.signIn', { username: '1x', password: PASSWORD }, 'INVALID_INPUT', 'username');
  });
});
