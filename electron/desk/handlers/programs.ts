import { createProgram, getProgram, listPrograms } from '../services/programs';
import { signedIn, type HandlerTable } from './types';

export const programsHandlers = {
  'programs.list': (_input, ctx) => listPrograms(ctx.store),
  'programs.get': (input, ctx) => getProgram(ctx.store, input.programId),
  'programs.create': (input, ctx) => createProgram(ctx.store, signedIn(ctx), input),
} satisfies Partial<HandlerTable>;
