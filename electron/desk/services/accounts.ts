import { DeskFailure } from '../../../shared/ipc/result';
import type { Role } from '../../../shared/ipc/schemas';
import type { SessionUser, UserSummary } from '../../../shared/ipc/types';
import { checkNewPassword } from '../security/password-policy';
import { hashPassword, needsRehash, verifyAgainstDecoy, verifyPassword } from '../security/password';
import { signInGuardOf } from '../security/sign-in-guard';
import { SYSTEM_ACTOR, type BookStore } from '../store/port';
import { actorOf, toSessionUser, toUserSummary } from './views';

/** One message for every failed sign-in, so it never tells which part was wrong. */
export const BAD_CREDENTIALS_MESSAGE = 'User name or password is not right';

export const needsFirstAdmin = (store: BookStore): Promise<boolean> => store.read(async (r) => (await r.users.count()) === 0);

export async function createFirstAdmin(store: BookStore, input: { username: string; displayName: string; password: string }): Promise<SessionUser> {
  if (!(await needsFirstAdmin(store))) throw new DeskFailure('CONFLICT', 'The book already has users; sign in instead');
  checkNewPassword(input.password, input.username, 'Password', 'password');
  const passwordHash = await hashPassword(input.password);
  return store.change(SYSTEM_ACTOR, 'user.created', async (tx, at) => {
    // Checked again inside the transaction: another request may have won while we hashed.
    if ((await tx.users.count()) !== 0) throw new DeskFailure('CONFLICT', 'The book already has users; sign in instead');
    const user = await tx.users.insert({ ...input, role: 'admin', passwordHash, createdAt: at, createdBy: null });
    return { payload: { firstAdmin: true, after: toUserSummary(user) }, result: toSessionUser(user) };
  });
}

/**
 * Checks a user name and password; every failure is journaled (never the password) and answered
 * alike. The typed name is journaled only when it is a known user: a password typed into the
 * name field by mistake must never be kept.
 */
export async function signIn(
  store: BookStore,
  input: { username: string; password: string },
  options: { logRefusedHash?: (message: string) => void; clock?: () => number } = {},
): Promise<SessionUser> {
  const user = await store.read((r) => r.users.byUsername(input.username));
  const guard = signInGuardOf(store, options.clock);
  await guard.check(user); // too soon after failures, or locked out: refused before any hashing
  // A stored hash the desk will not try (malformed, or a cost that would stall it) fails the sign-in and is logged.
  const refused = (why: string) => options.logRefusedHash?.(`The stored password hash of user #${user?.id ?? '?'} was refused: ${why}`);
  const passwordRight = user ? await verifyPassword(input.password, user.passwordHash, refused) : await verifyAgainstDecoy(input.password);
  if (!user || !passwordRight || !user.active) {
    await guard.failed(user); // journaled as a count per user and minute
    throw new DeskFailure('BAD_CREDENTIALS', BAD_CREDENTIALS_MESSAGE);
  }
  await guard.succeeded(user);
  // A hash made at an older, lower cost is replaced by one at today's cost, with the password just checked.
  const rehashed = needsRehash(user.passwordHash) ? await hashPassword(input.password) : null;
  await store.change(actorOf(user), 'session.signedIn', async (tx, at) => {
    await tx.users.recordSignIn(user.id, at);
    const failures = await tx.signInFailures.ofUser(user.id);
    if (failures && failures.failures > 0) await tx.signInFailures.put({ userId: user.id, failures: 0, lastFailedAt: failures.lastFailedAt, lockedAt: null });
    if (rehashed !== null) await tx.users.setPassword(user.id, rehashed, user.mustChangePassword);
    return { payload: { userId: user.id }, result: null };
  });
  return toSessionUser(user);
}

export async function recordSignOut(store: BookStore, user: SessionUser): Promise<void> {
  await store.change(actorOf(user), 'session.signedOut', async () => ({ payload: { userId: user.id }, result: null }));
}

/** Unlocking needs the signed-in user's own password. */
export async function checkUnlock(store: BookStore, user: SessionUser, password: string): Promise<SessionUser> {
  const record = await store.read((r) => r.users.byId(user.id));
  const right = record !== undefined && record.active && (await verifyPassword(password, record.passwordHash));
  if (!right || !record) {
    await store.change(actorOf(user), 'session.unlockFailed', async () => ({ payload: { userId: user.id }, result: null }));
    throw new DeskFailure('BAD_CREDENTIALS', 'Password is not right');
  }
  await store.change(actorOf(user), 'session.unlocked', async () => ({ payload: { userId: user.id }, result: null }));
  return toSessionUser(record);
}

/** The signed-in user as the book has them now, or null if they are gone or deactivated. */
export async function currentUser(store: BookStore, id: number): Promise<SessionUser | null> {
  const record = await store.read((r) => r.users.byId(id));
  return record && record.active ? toSessionUser(record) : null;
}

export async function findActiveUser(store: BookStore, username: string): Promise<SessionUser | null> {
  const record = await store.read((r) => r.users.byUsername(username));
  return record && record.active ? toSessionUser(record) : null;
}

export const listUsers = (store: BookStore): Promise<UserSummary[]> =>
  store.read(async (r) => {
    const locked = new Map((await r.signInFailures.locked()).map((l) => [l.userId, l.lockedAt]));
    return (await r.users.list()).map((u) => toUserSummary(u, locked.get(u.id) ?? null));
  });

export async function createUser(
  store: BookStore,
  by: SessionUser,
  input: { username: string; displayName: string; password: string; role: Role },
): Promise<UserSummary> {
  const taken = () => new DeskFailure('CONFLICT', `The user name "${input.username}" is already taken`, 'username');
  if (await store.read((r) => r.users.byUsername(input.username))) throw taken();
  checkNewPassword(input.password, input.username, 'Password', 'password');
  const passwordHash = await hashPassword(input.password);
  return store.change(actorOf(by), 'user.created', async (tx, at) => {
    if (await tx.users.byUsername(input.username)) throw taken();
    const user = await tx.users.insert({ username: input.username, displayName: input.displayName, role: input.role, passwordHash, createdAt: at, createdBy: by.username });
    const summary = toUserSummary(user);
    return { payload: { after: summary }, result: summary };
  });
}

/** Turns a user off (with a reason, kept in the journal) or on again; nobody is deleted. */
export async function setUserActive(store: BookStore, by: SessionUser, input: { userId: number; active: boolean; reason?: string | undefined }): Promise<UserSummary> {
  const target = await store.read((r) => r.users.byId(input.userId));
  if (!target) throw new DeskFailure('NOT_FOUND', 'There is no such user', 'userId');
  if (target.active === input.active) return toUserSummary(target); // nothing changes, nothing to journal
  const reason = input.reason?.trim() ?? '';
  if (!input.active && reason === '') throw new DeskFailure('INVALID_INPUT', 'Reason for deactivating is required', 'reason');
  return store.change(actorOf(by), input.active ? 'user.activated' : 'user.deactivated', async (tx) => {
    const current = await tx.users.byId(input.userId);
    if (!current) throw new DeskFailure('NOT_FOUND', 'There is no such user', 'userId');
    if (!input.active && current.id === by.id) throw new DeskFailure('CONFLICT', 'You cannot deactivate your own account', 'active');
    if (!input.active && current.role === 'admin' && current.active && (await tx.users.activeAdminCount()) <= 1) {
      throw new DeskFailure('CONFLICT', 'The last active administrator cannot be deactivated', 'active');
    }
    await tx.users.setActive(current.id, input.active);
    const after = await tx.users.byId(current.id);
    if (!after) throw new Error('user vanished inside its own transaction');
    return {
      payload: { userId: current.id, username: current.username, ...(reason ? { reason } : {}), before: { active: current.active }, after: { active: after.active } },
      result: toUserSummary(after),
    };
  });
}
