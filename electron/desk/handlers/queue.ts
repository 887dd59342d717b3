// The supervisor's queue: the irregular items of a program, one item opened, a decision on it.
// Supervisors and administrators only (the channel's access); the service checks the role again
// and four-eyes (nobody decides an item they keyed or changed).
import { decideItem } from '../services/supervision/decide';
import { openItem } from '../services/supervision/item-file';
import { listQueue } from '../services/supervision/queue';
import { signedIn, type HandlerTable } from './types';

export const queueHandlers = {
  'queue.list': (input, ctx) => listQueue(ctx.store, input.filter, input.offset, input.limit, ctx.now(), ctx.readItems),
  'queue.item': (input, ctx) => openItem(ctx.store, signedIn(ctx), input.programId, input.item, ctx.now()),
  'queue.decide': (input, ctx) => decideItem(ctx.store, signedIn(ctx), input),
} satisfies Partial<HandlerTable>;
