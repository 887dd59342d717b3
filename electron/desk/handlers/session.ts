import { DeskFailure } from '../../../shared/ipc/result';
import { checkUnlock, createFirstAdmin, needsFirstAdmin, recordSignOut, signIn } from '../services/accounts';
import { changeOwnPassword } from '../services/user-admin';
import type { HandlerTable } from './types';

export const sessionHandlers = {
  'session.status': async (_input, ctx) => {
    const { user, locked } = ctx.session.current();
    const warning = await ctx.headWarning();
    return {
      needsFirstAdmin: await needsFirstAdmin(ctx.store),
      user,
      locked,
      idleLockMinutes: ctx.session.idleLockMinutes,
      bookPath: ctx.store.location,
      bookWarning: warning?.message ?? null,
    };
  },
  'session.createFirstAdmin': async (input, ctx) => {
    const user = await createFirstAdmin(ctx.store, input);
    ctx.session.signIn(user);
    return user;
  },
  // Signing in replaces whoever was signed in, locked or not (a change of shift at the desk).
  'session.signIn': async (input, ctx) => {
    const user = await signIn(ctx.store, input, {
      logRefusedHash: (message) => ctx.host.logError(new Error(message), { channel: 'session.signIn' }),
      clock: () => ctx.now().getTime(),
    });
    ctx.session.signIn(user);
    return user;
  },
  'session.signOut': async (_input, ctx) => {
    if (ctx.user) await recordSignOut(ctx.store, ctx.user);
    ctx.session.signOut();
    return null;
  },
  'session.lock': (_input, ctx) => {
    ctx.session.lock();
    return null;
  },
  // dispatch has already restarted the idle timer; refused with LOCKED while locked.
  'session.touch': () => null,
  'session.unlock': async (input, ctx) => {
    if (!ctx.user) throw new DeskFailure('NOT_SIGNED_IN', 'No one is signed in; sign in instead');
    const user = await checkUnlock(ctx.store, ctx.user, input.password);
    ctx.session.replaceUser(user);
    ctx.session.unlock();
    return user;
  },
  'session.changePassword': async (input, ctx) => {
    if (!ctx.user) throw new DeskFailure('NOT_SIGNED_IN', 'Please sign in first');
    const user = await changeOwnPassword(ctx.store, ctx.user, input);
    ctx.session.replaceUser(user);
    return user;
  },
} satisfies Partial<HandlerTable>;
