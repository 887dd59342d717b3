/**
 * An administrator's work on other users' accounts beyond creating and deactivating them: their
 * role and a password reset; and the user's own change of a temporary password.
 */
import { DeskFailure } from '../../../shared/ipc/result';
import type { Role } from '../../../shared/ipc/schemas';
import type { SessionUser, UserSummary } from '../../../shared/ipc/types';
import { hashPassword, verifyPassword } from '../security/password';
import { checkNewPassword } from '../security/password-policy';
import type { BookStore, UserRecord, WriteRepos } from '../store/port';
import { actorOf, toSessionUser, toUserSummary } from './views';

const noUser = () => new DeskFailure('NOT_FOUND', 'There is no such user', 'userId');

async function userIn(tx: WriteRepos, id: number): Promise<UserRecord> {
  const user = await tx.users.byId(id);
  if (!user) throw noUser();
  return user;
}

/** Changes another user's role; the desk always keeps at least one active administrator. */
export async function setUserRole(store: BookStore, by: SessionUser, input: { userId: number; role: Role }): Promise<UserSummary> {
  if (input.userId === by.id) throw new DeskFailure('CONFLICT', 'You cannot change your own role; another administrator can', 'role');
  return store.change(actorOf(by), 'user.roleChanged', async (tx) => {
    const current = await userIn(tx, input.userId);
    if (current.role === input.role) throw new DeskFailure('CONFLICT', `${current.username} already has the role ${input.role}`, 'role');
    if (current.role === 'admin' && current.active && (await tx.users.activeAdminCount()) <= 1) {
      throw new DeskFailure('CONFLICT', 'The last active administrator cannot stop being one', 'role');
    }
    await tx.users.setRole(current.id, input.role);
    const after = await userIn(tx, current.id);
    return {
      payload: { userId: current.id, username: current.username, before: { role: current.role }, after: { role: after.role } },
      result: toUserSummary(after),
    };
  });
}

/**
 * Sets a temporary password for another user, who must choose their own at the next sign-in.
 * The journal says who reset whose password, never the password.
 */
export async function resetPassword(store: BookStore, by: SessionUser, input: { userId: number; password: string }): Promise<UserSummary> {
  if (input.userId === by.id) throw new DeskFailure('CONFLICT', 'Your own password is not reset here: sign in and change it', 'userId');
  const target = await store.read((r) => r.users.byId(input.userId));
  if (!target) throw noUser();
  checkNewPassword(input.password, target.username, 'Temporary password', 'password');
  const passwordHash = await hashPassword(input.password);
  return store.change(actorOf(by), 'user.passwordReset', async (tx) => {
    const current = await userIn(tx, input.userId);
    await tx.users.setPassword(current.id, passwordHash, true);
    const after = await userIn(tx, current.id);
    return { payload: { userId: current.id, username: current.username, mustChangePassword: true }, result: toUserSummary(after) };
  });
}

/** The user replaces their password (a temporary one above all) after typing the current one. */
export async function changeOwnPassword(store: BookStore, user: SessionUser, input: { currentPassword: string; newPassword: string }): Promise<SessionUser> {
  const record = await store.read((r) => r.users.byId(user.id));
  if (!record || !(await verifyPassword(input.currentPassword, record.passwordHash))) {
    throw new DeskFailure('BAD_CREDENTIALS', 'Current password is not right', 'currentPassword');
  }
  if (input.newPassword === input.currentPassword) throw new DeskFailure('INVALID_INPUT', 'New password: choose one different from the current password', 'newPassword');
  checkNewPassword(input.newPassword, record.username, 'New password', 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  return store.change(actorOf(user), 'user.passwordChanged', async (tx) => {
    await tx.users.setPassword(user.id, passwordHash, false);
    const after = await userIn(tx, user.id);
    return { payload: { userId: user.id, wasTemporary: record.mustChangePassword }, result: toSessionUser(after) };
  });
}

/** Lifts the lockout that failed sign-ins set; the user's count of failures starts again. */
export async function unlockUser(store: BookStore, by: SessionUser, input: { userId: number }): Promise<UserSummary> {
  return store.change(actorOf(by), 'user.unlocked', async (tx) => {
    const user = await userIn(tx, input.userId);
    const before = await tx.signInFailures.ofUser(user.id);
    if (!before?.lockedAt) throw new DeskFailure('CONFLICT', `${user.username} is not locked out`, 'userId');
    await tx.signInFailures.put({ userId: user.id, failures: 0, lastFailedAt: before.lastFailedAt, lockedAt: null });
    return {
      payload: { userId: user.id, username: user.username, before: { failures: before.failures, lockedAt: before.lockedAt }, after: { failures: 0, lockedAt: null } },
      result: toUserSummary(user),
    };
  });
}
