import { createUser, listUsers, setUserActive } from '../services/accounts';
import { resetPassword, setUserRole, unlockUser } from '../services/user-admin';
import { signedIn, type HandlerTable } from './types';

export const usersHandlers = {
  'users.list': (_input, ctx) => listUsers(ctx.store),
  'users.create': (input, ctx) => createUser(ctx.store, signedIn(ctx), input),
  'users.setActive': (input, ctx) => setUserActive(ctx.store, signedIn(ctx), input),
  'users.setRole': (input, ctx) => setUserRole(ctx.store, signedIn(ctx), input),
  'users.resetPassword': (input, ctx) => resetPassword(ctx.store, signedIn(ctx), input),
  'users.unlock': (input, ctx) => unlockUser(ctx.store, signedIn(ctx), input),
} satisfies Partial<HandlerTable>;
