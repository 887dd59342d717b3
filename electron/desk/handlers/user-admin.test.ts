import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskFixture, PASSWORD, type DeskFixture } from '../testing/desk-harness';

let f: DeskFixture;
beforeEach(async () => {
  f = await deskFixture();
  await f.firstAdmin();
});
afterEach(async () => f.close());

const TEMPORARY = 'temporary-pass-1';

describe('users.setActive with a reason', () => {
  it('refuses to deactivate without a real reason, and journals the reason given', async () => {
    const carl = await f.addUser('carl', 'clerk');
    const before = await f.journalCount();
    await f.refused('users.setActive', { userId: carl.id, active: false }, 'INVALID_INPUT', 'reason');
    const short = await f.refused('users.setActive', { userId: carl.id, active: false, reason: 'x' }, 'INVALID_INPUT', 'reason');
    expect(short.message).toBe('Reason for deactivating: say why in a few words (at least 10 characters), e.g. Left the firm on 03/31');
    expect(await f.journalCount()).toBe(before);
    await f.value('users.setActive', { userId: carl.id, active: false, reason: 'Moved to the Boston office' });
    const [entry] = await f.value('journal.list', { limit: 1 });
    expect(entry).toMatchObject({ action: 'user.deactivated', payload: { username: 'carl', reason: 'Moved to the Boston office' } });
  });
});

describe('users.setRole', () => {
  it('changes another user’s role and journals before and after', async () => {
    const carl = await f.addUser('carl', 'clerk');
    expect(await f.value('users.setRole', { userId: carl.id, role: 'supervisor' })).toMatchObject({ username: 'carl', role: 'supervisor' });
    const [entry] = await f.value('journal.list', { limit: 1 });
    expect(entry).toMatchObject({ action: 'user.roleChanged', username: 'ada', payload: { userId: carl.id, username: 'carl', before: { role: 'clerk' }, after: { role: 'supervisor' } } });
  });

  it('never changes the caller’s own role, nor leaves the desk without an active administrator', async () => {
    const before = await f.journalCount();
    const own = await f.refused('users.setRole', { userId: 1, role: 'clerk' }, 'CONFLICT', 'role');
    expect(own.message).toBe('You cannot change your own role; another administrator can');
    const bob = await f.addUser('bob', 'admin');
    // Only another active administrator may change an administrator's role, so one always remains.
    await f.signInAs('bob');
    await f.value('users.setActive', { userId: 1, active: false, reason: 'On leave until June' }); // ada is off; bob is the one active admin
    await f.addUser('eve', 'admin');
    await f.value('users.setActive', { userId: (await f.value('users.list')).find((u) => u.username === 'eve')!.id, active: false, reason: 'Not started yet' });
    await f.signInAs('bob');
    // Demoting ada (inactive) is fine; bob cannot demote himself.
    expect(await f.value('users.setRole', { userId: 1, role: 'supervisor' })).toMatchObject({ role: 'supervisor' });
    await f.refused('users.setRole', { userId: bob.id, role: 'clerk' }, 'CONFLICT', 'role');
    expect((await f.journalCount()) > before).toBe(true);
  });

  it('is for administrators only, checked in main', async () => {
    const sue = await f.addUser('sue', 'supervisor');
    await f.signInAs('sue');
    await f.refused('users.setRole', { userId: sue.id, role: 'admin' }, 'FORBIDDEN');
    await f.refused('users.resetPassword', { userId: 1, password: TEMPORARY }, 'FORBIDDEN');
  });
});

describe('users.resetPassword and session.changePassword', () => {
  it('sets a temporary password the user must change at the next sign-in; the journal never holds a password', async () => {
    const carl = await f.addUser('carl', 'clerk');
    await f.value('users.resetPassword', { userId: carl.id, password: TEMPORARY });
    const [entry] = await f.value('journal.list', { limit: 1 });
    expect(entry).toMatchObject({ action: 'user.passwordReset', username: 'ada', payload: { userId: carl.id, username: 'carl', mustChangePassword: true } });
    expect(JSON.stringify(entry)).not.toContain(TEMPORARY);

    await f.refused('session.signIn', { username: 'carl', password: PASSWORD }, 'BAD_CREDENTIALS'); // the old one is gone
    expect(await f.value('session.signIn', { username: 'carl', password: TEMPORARY })).toMatchObject({ username: 'carl', mustChangePassword: true });
    const refused = await f.refused('programs.list', {}, 'FORBIDDEN');
    expect(refused.message).toBe('Choose your own password first: an administrator set a temporary one');

    await f.refused('session.changePassword', { currentPassword: 'not-it-at-all', newPassword: 'my-own-choice-9' }, 'BAD_CREDENTIALS', 'currentPassword');
    await f.refused('session.changePassword', { currentPassword: TEMPORARY, newPassword: TEMPORARY }, 'INVALID_INPUT', 'newPassword');
    const changed = await f.value('session.changePassword', { currentPassword: TEMPORARY, newPassword: 'my-own-choice-9' });
    expect(changed).toEqual({ id: carl.id, username: 'carl', displayName: carl.displayName, role: 'clerk' });
    expect(await f.value('programs.list', {})).toEqual([]);
    await f.signInAs('ada');
    const entries = await f.value('journal.list', { limit: 5 });
    expect(entries.find((e) => e.action === 'user.passwordChanged')).toMatchObject({ username: 'carl', payload: { userId: carl.id, wasTemporary: true } });
    expect(JSON.stringify(entries)).not.toContain('my-own-choice-9');
  });

  it('holds a reset and a change to the password policy, naming each field', async () => {
    const carl = await f.addUser('carl', 'clerk');
    const reset = await f.refused('users.resetPassword', { userId: carl.id, password: 'Carl-temporary-1' }, 'INVALID_INPUT', 'password');
    expect(reset.message).toBe('Temporary password: choose one that is not and does not contain the user name');
    await f.value('users.resetPassword', { userId: carl.id, password: TEMPORARY });
    await f.value('session.signIn', { username: 'carl', password: TEMPORARY });
    const common = await f.refused('session.changePassword', { currentPassword: TEMPORARY, newPassword: 'qwertyuiop123' }, 'INVALID_INPUT', 'newPassword');
    expect(common.message).toMatch(/^New password: this is one of the most common passwords/);
    const short = await f.refused('session.changePassword', { currentPassword: TEMPORARY, newPassword: 'short-one' }, 'INVALID_INPUT', 'newPassword');
    expect(short.message).toMatch(/12 characters/);
  });

  it('shows when each user last signed in', async () => {
    const carl = await f.addUser('carl', 'clerk');
    expect((await f.value('users.list')).find((u) => u.id === carl.id)?.lastSignedInAt).toBeNull();
    f.clock.advanceMinutes(5);
    await f.signInAs('carl');
    const at = f.clock.now().toISOString();
    await f.signInAs('ada');
    expect((await f.value('users.list')).find((u) => u.id === carl.id)?.lastSignedInAt).toBe(at);
  });
});
