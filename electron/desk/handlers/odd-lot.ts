// Odd-lot orders: eligibility before saving, saving, the program's orders. Clerks and up. There
// is no channel to withdraw or change an order: the notice gives no withdrawal privilege.
import { checkOddLotOrder, keyOddLotOrder, listOddLotOrders } from '../services/intake/odd-lot-orders';
import { signedIn, type HandlerTable } from './types';

export const oddLotHandlers = {
  'oddLot.check': (input, ctx) => checkOddLotOrder(ctx.store, input),
  'oddLot.save': (input, ctx) => keyOddLotOrder(ctx.store, signedIn(ctx), input),
  'oddLot.list': (input, ctx) => listOddLotOrders(ctx.store, input.programId),
} satisfies Partial<HandlerTable>;
