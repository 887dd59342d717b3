import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskFixture, PASSWORD, type DeskFixture } from '../testing/desk-harness';

let f: DeskFixture;
beforeEach(async () => {
  f = await deskFixture();
  await f.firstAdmin();
});
afterEach(async () => f.close());

describe('users.create', () => {
  it('creates a user (never showing the password hash) and journals who did it', async () => {
    const carl = await f.addUser('carl', 'clerk');
    expect(carl).toEqual({ id: 2, username: 'carl', displayName: 'carl (clerk)', role: 'clerk', active: true, createdAt: f.clock.now().toISOString(), lastSignedInAt: null, lockedAt: null });
    const [entry] = await f.value('journal.list', { limit: 1 });
    expect(entry).toMatchObject({ action: 'user.created', username: 'ada', payload: { after: carl } });
    expect(JSON.stringify(entry)).not.toMatch(/scrypt|passwordHash/);
  });

  it('refuses a taken user name, naming the field', async () => {
    await f.addUser('carl', 'clerk');
    const before = await f.journalCount();
    const error = await f.refused('users.create', { username: 'Carl', displayName: 'Other Carl', password: PASSWORD, role: 'clerk' }, 'CONFLICT', 'username');
    expect(error.message).toMatch(/"carl" is already taken/);
    expect(await f.journalCount()).toBe(before);
  });

  it('refuses an unknown role, naming the field', async () => {
    await f.refused('users.create', { username: 'x1', displayName: 'X', password: PASSWORD, role: 'root' }, 'INVALID_INPUT', 'role');
  });

  it('is for administrators only', async () => {
    await f.addUser('sue', 'supervisor');
    await f.signInAs('sue');
    await f.refused('users.create', { username: 'x1', displayName: 'X', password: PASSWORD, role: 'clerk' }, 'FORBIDDEN');
    await f.refused('users.list', {}, 'FORBIDDEN');
    await f.refused('users.setActive', { userId: 1, active: false }, 'FORBIDDEN');
  });
});

describe('users.list', () => {
  it('lists everyone by user name', async () => {
    await f.addUser('zed', 'clerk');
    await f.addUser('bea', 'supervisor');
    expect((await f.value('users.list')).map((u) => [u.username, u.role, u.active])).toEqual([
      ['ada', 'admin', true],
      ['bea', 'supervisor', true],
      ['zed', 'clerk', true],
    ]);
  });
});

describe('users.setActive', () => {
  it('deactivates and reactivates, journaling before and after', async () => {
    const carl = await f.addUser('carl', 'clerk');
    expect(await f.value('users.setActive', { userId: carl.id, active: false, reason: 'Left the firm today' })).toMatchObject({ username: 'carl', active: false });
    expect(await f.value('users.setActive', { userId: carl.id, active: true })).toMatchObject({ active: true });
    const entries = await f.value('journal.list', { limit: 2 });
    expect(entries.map((e) => [e.action, e.username, e.payload])).toEqual([
      ['user.activated', 'ada', { userId: carl.id, username: 'carl', before: { active: false }, after: { active: true } }],
      ['user.deactivated', 'ada', { userId: carl.id, username: 'carl', reason: 'Left the firm today', before: { active: true }, after: { active: false } }],
    ]);
  });

  it('writes nothing when nothing changes', async () => {
    const carl = await f.addUser('carl', 'clerk');
    const before = await f.journalCount();
    await f.value('users.setActive', { userId: carl.id, active: true });
    expect(await f.journalCount()).toBe(before);
  });

  it('will not let an admin deactivate themself', async () => {
    const before = await f.journalCount();
    const error = await f.refused('users.setActive', { userId: 1, active: false, reason: 'Left the firm today' }, 'CONFLICT', 'active');
    expect(error.message).toMatch(/your own account/);
    expect((await f.value('users.list'))[0]?.active).toBe(true);
    expect(await f.journalCount()).toBe(before);
  });

  it('may deactivate another admin while one active admin remains', async () => {
    const bob = await f.addUser('bob', 'admin');
    expect(await f.value('users.setActive', { userId: bob.id, active: false, reason: 'Left the firm today' })).toMatchObject({ active: false });
  });

  it('says when there is no such user', async () => {
    await f.refused('users.setActive', { userId: 999, active: false }, 'NOT_FOUND', 'userId');
  });
});
