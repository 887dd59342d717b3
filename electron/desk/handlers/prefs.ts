import type { HandlerTable } from './types';

/** Workstation preferences: public, since they belong to the machine, not to a user or the book. */
export const prefsHandlers = {
  'prefs.get': async (_input, ctx) => (await ctx.prefs()).get(),
  'prefs.set': async (input, ctx) => (await ctx.prefs()).update(input),
} satisfies Partial<HandlerTable>;
