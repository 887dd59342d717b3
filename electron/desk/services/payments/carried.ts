/**
 * Payments carried by corrections (§4a). Correcting an election form or a DTC instruction applies
 * the payments of the item reversed to the item that replaces it, a payment_allocations row each
 * at the payment's full amount (services/intake/elections.ts correctElection, dtc-correction.ts).
 * Such allocations are not a supervisor's split: nobody divided the money, it follows its own item
 * along that item's chain of corrections. An item corrected twice leaves the payment with one such
 * allocation per link, each of its full amount; only the live end of the chain holds it.
 */
import { parseCents } from '../../../../shared/domain/money';
import type { IntakeRecord, ReadRepos } from '../../store/port';

interface Allocated {
  readonly electionId: number;
  readonly amount: string;
}

interface Paid {
  readonly electionId: number | null;
  readonly amount: string;
}

/** Whether `electionId` corrects `original`, directly or through the items between them. */
async function correctsChainOf(r: ReadRepos, electionId: number, original: number): Promise<boolean> {
  const seen = new Set<number>();
  let e: IntakeRecord<'elections'> | undefined = await r.intake.byId('elections', electionId);
  while (e && e.correctsId !== null && !seen.has(e.id)) {
    if (e.correctsId === original) return true;
    seen.add(e.id);
    e = await r.intake.byId('elections', e.correctsId);
  }
  return false;
}

/** Every allocation is of the payment's full amount and goes to an item of its own election's chain of corrections. */
export async function isCarried(r: ReadRepos, p: Paid, allocations: readonly Allocated[]): Promise<boolean> {
  const original = p.electionId;
  if (original === null || allocations.length === 0) return false;
  const full = parseCents(p.amount);
  if (allocations.some((a) => parseCents(a.amount) !== full)) return false;
  for (const a of allocations) if (!(await correctsChainOf(r, a.electionId, original))) return false;
  return true;
}

/** The item a carried payment applies to now: the one of its allocations' items that no reversal withdrew (null if none is live). */
export async function carriedHolder(r: ReadRepos, allocations: readonly Allocated[]): Promise<number | null> {
  for (const a of allocations) if ((await r.intake.count('election_reversals', 'electionId', a.electionId)) === 0) return a.electionId;
  return null;
}

/**
 * The payments whose allocations are carries through two or more corrections (each of the full
 * amount, so a split's sum rule does not apply to them). A single allocation of the full amount
 * sums either way, so it is left to the split rule without reading its chain.
 */
export async function carriedMoreThanOnce(r: ReadRepos, payments: ReadonlyMap<number, Paid>, allocations: readonly (Allocated & { readonly paymentId: number })[]): Promise<Set<number>> {
  const byPayment = new Map<number, Allocated[]>();
  for (const a of allocations) byPayment.set(a.paymentId, [...(byPayment.get(a.paymentId) ?? []), a]);
  const out = new Set<number>();
  for (const [paymentId, parts] of byPayment) {
    const p = payments.get(paymentId);
    if (p && parts.length > 1 && (await isCarried(r, p, parts))) out.add(paymentId);
  }
  return out;
}
