import { revealTin } from '../services/tin-reveal';
import { actorOf } from '../services/views';
import { keySource } from './tin-key-source';
import { signedIn, type HandlerTable } from './types';

export const tinHandlers = {
  'register.revealTin': async (input, ctx) => revealTin(ctx.store, actorOf(signedIn(ctx)), input.entryId, input.reason, await keySource(ctx), ctx.now),
} satisfies Partial<HandlerTable>;
