/**
 * Odd-lot orders (the notice 000_…), keyed from mail, a phone call or a broker's instruction: sell
 * all, or buy up to a round lot. Eligibility is shown before saving — 1 to round lot − 1 shares on
 * the record date (plan shares excluded where the terms say so), not in an excluded jurisdiction,
 * one order per account, before expiry — using the engine's own rules (terms.ts oddLotEligibility,
 * settle-odd-lot.ts oddLotOrderShares). There is no withdrawal: the notice gives no withdrawal
 * privilege, so the book has no way to take a saved order back.
 */
import { oddLotEligibility, oddLotOrderShares, resolveWallTime, toUtcIso, wallTimeToInstant, type OddLotTerms } from '../../../../shared/domain';
import type { OddLotEligibilityView, OddLotOrderInput, OddLotOrderView } from '../../../../shared/ipc/intake-more';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { SessionUser } from '../../../../shared/ipc/types';
import { UniqueViolation, type BookStore, type IntakeRecord, type ReadRepos, type RegisterEntryRecord } from '../../store/port';
import { actorOf } from '../views';
import { holdEnvelopeBatch, itemContext, oddLotTerms, type ItemContext } from './item-context';

type Problem = OddLotEligibilityView['problems'][number];

const WHOLE = /^\d+$/;

/** Record-date shares and plan shares of an account (one row per class; an odd-lot register has one). */
function holdingOf(entries: readonly RegisterEntryRecord[]): { shares: number; plan: number } | null {
  let shares = 0;
  let plan = 0;
  for (const e of entries) {
    if (!WHOLE.test(e.units) || !WHOLE.test(e.planShares)) return null;
    shares += Number(e.units);
    plan += Number(e.planShares);
  }
  return { shares, plan };
}

const jurisdictionOf = (e: RegisterEntryRecord) => (e.country === 'US' && e.state !== '' ? `US-${e.state}` : e.country);

function orderInstant(orderedAt: string, timeZone: string): number {
  const r = resolveWallTime(orderedAt, timeZone);
  if (r.kind === 'nonexistent') throw new DeskFailure('INVALID_INPUT', `Order date and time: ${orderedAt.replace('T', ' ')} does not exist in New York (clocks move forward that night)`, 'orderedAt');
  return r.kind === 'unique' ? r.instant : r.earlier;
}

/** The timing problems: late, or an order dated after the envelope it came in was stamped. */
function timing(terms: OddLotTerms, c: ItemContext, input: OddLotOrderInput): Problem[] {
  const problems: Problem[] = [];
  const expires = wallTimeToInstant(terms.expiresAt, terms.timeZone);
  const ordered = orderInstant(input.orderedAt, terms.timeZone);
  const received = Date.parse(c.envelope.receivedAt);
  if (ordered > received) problems.push({ code: 'ORDER_AFTER_RECEIPT', message: `Order date and time: after the envelope’s stamp ${c.envelope.stampedLocal.replace('T', ' ')}; key the time the order was given`, field: 'orderedAt' });
  if (Math.max(ordered, received) > expires) problems.push({ code: 'LATE', message: `Received after expiry (5:00 p.m. New York time on ${terms.expiresAt.slice(0, 10)}): the order cannot be accepted`, field: 'orderedAt' });
  return problems;
}

async function evaluate(r: ReadRepos, input: OddLotOrderInput): Promise<{ view: OddLotEligibilityView; entry: RegisterEntryRecord | null; c: ItemContext }> {
  const c = await itemContext(r, input.envelopeId);
  const terms = oddLotTerms(c);
  const entries = await r.register.byAccount(c.program.id, input.account);
  const problems: Problem[] = [];
  const entry = entries[0] ?? null;
  const holding = holdingOf(entries);
  let eligibleShares = 0;
  if (!entry || !holding) {
    problems.push({ code: 'UNKNOWN_ACCOUNT', message: `Account: ${input.account} is not on the record-date register of this program`, field: 'account' });
  } else {
    const e = oddLotEligibility(terms, { sharesOnRecordDate: holding.shares, planShares: holding.plan, jurisdiction: jurisdictionOf(entry) });
    eligibleShares = Math.max(0, e.eligibleShares);
    if (e.reason === 'EXCLUDED_JURISDICTION') problems.push({ code: 'EXCLUDED_JURISDICTION', message: `Account: the holder’s address is in ${jurisdictionOf(entry)}, where the offer is not made`, field: 'account' });
    if (e.reason === 'NOT_ODD_LOT') {
      const plan = terms.planSharesExcluded && holding.plan > 0 ? ` (${holding.shares} shares less ${holding.plan} plan shares)` : '';
      problems.push({ code: 'NOT_ODD_LOT', message: `Account: ${e.eligibleShares} eligible shares on the record date${plan} is not an odd lot (1 to ${terms.roundLot - 1})`, field: 'account' });
    }
  }
  const earlier = (await r.intake.where('odd_lot_orders', 'account', input.account)).filter((o) => o.programId === c.program.id);
  if (earlier.length > 0) problems.push({ code: 'DUPLICATE_ORDER', message: `Account: ${input.account} already has an order (${earlier[0]!.action}, keyed ${earlier[0]!.keyedAt.slice(0, 10)}); one order per account, and a saved order cannot be withdrawn`, field: 'account' });
  problems.push(...timing(terms, c, input));
  if (input.action === 'buy-up' && input.orderPrice === undefined) problems.push({ code: 'NO_PRICE', message: 'Price on the order date: needed for a buy-up (it pays the greater of this and the close on the transfer date)', field: 'orderPrice' });
  const shares = problems.some((p) => p.code === 'UNKNOWN_ACCOUNT' || p.code === 'NOT_ODD_LOT') ? 0 : oddLotOrderShares(input.action, eligibleShares, terms.roundLot);
  const holder = entry && holding ? { account: entry.account, name: entry.registration.filter((l) => l !== '').join(' / '), jurisdiction: jurisdictionOf(entry), sharesOnRecordDate: holding.shares, planShares: holding.plan } : null;
  return { view: { eligible: problems.length === 0, problems, holder, eligibleShares, shares, source: c.envelope.source }, entry, c };
}

/** Eligibility as the clerk types, before anything is saved. */
export function checkOddLotOrder(store: BookStore, input: OddLotOrderInput): Promise<OddLotEligibilityView> {
  return store.read(async (r) => (await evaluate(r, input)).view);
}

/** Saves an eligible order in one change; an ineligible one is refused with its first reason. */
export async function keyOddLotOrder(store: BookStore, user: SessionUser, input: OddLotOrderInput): Promise<OddLotOrderView> {
  try {
    return await store.change(actorOf(user), 'intake.oddLotOrderKeyed', async (tx, at) => {
      await holdEnvelopeBatch(tx, input.envelopeId);
      const { view, entry, c } = await evaluate(tx, input);
      const first = view.problems[0];
      if (first || !entry) throw new DeskFailure(first?.code === 'DUPLICATE_ORDER' ? 'CONFLICT' : 'INVALID_INPUT', first?.message ?? 'Account: not on the register', first?.field ?? 'account');
      const terms = oddLotTerms(c);
      const orderedAt = toUtcIso(orderInstant(input.orderedAt, terms.timeZone));
      const orderPrice = input.action === 'buy-up' ? (input.orderPrice ?? null) : null;
      const row = {
        programId: c.program.id, batchId: c.batch.id, envelopeId: c.envelope.id, entryId: entry.id, account: input.account, action: input.action,
        shares: view.shares, orderedAt, orderDate: input.orderedAt.slice(0, 10), orderPrice, keyedAt: at, keyedBy: user.id,
      };
      const orderId = await tx.intake.insert('odd_lot_orders', row);
      const payload = { orderId, programId: c.program.id, batchId: c.batch.id, envelopeId: c.envelope.id, account: input.account, action: input.action, shares: view.shares, orderedLocal: input.orderedAt, orderPrice, source: c.envelope.source };
      return { payload, result: orderView({ id: orderId, ...row }, c.envelope.source) };
    });
  } catch (error) {
    if (error instanceof UniqueViolation) throw new DeskFailure('CONFLICT', `Account: an order for ${input.account} was saved on another desk a moment ago; one order per account`, 'account');
    throw error;
  }
}

const orderView = (o: Omit<IntakeRecord<'odd_lot_orders'>, 'batchId' | 'envelopeId' | 'entryId' | 'programId' | 'keyedBy' | 'orderDate'>, source: string): OddLotOrderView => ({
  orderId: o.id, account: o.account, action: o.action as 'sell' | 'buy-up', shares: o.shares, source, orderedAt: o.orderedAt, orderPrice: o.orderPrice, keyedAt: o.keyedAt,
});

/** A program's orders, newest first (at most 500). */
export function listOddLotOrders(store: BookStore, programId: number): Promise<OddLotOrderView[]> {
  return store.read(async (r) => {
    const orders = (await r.intake.where('odd_lot_orders', 'programId', programId)).reverse().slice(0, 500);
    const sources = new Map<number, string>();
    for (const o of orders) if (!sources.has(o.envelopeId)) sources.set(o.envelopeId, (await r.intake.byId('envelopes', o.envelopeId))?.source ?? '');
    return orders.map((o) => orderView(o, sources.get(o.envelopeId) ?? ''));
  });
}
