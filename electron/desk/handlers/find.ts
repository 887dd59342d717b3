import { findInBook } from '../services/find';
import { signedIn, type HandlerTable } from './types';

export const findHandlers = {
  find: (input, ctx) => findInBook(ctx.store, signedIn(ctx).role, input),
} satisfies Partial<HandlerTable>;
