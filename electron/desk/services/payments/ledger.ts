/**
 * The escrow ledger (§6b) as the screen and the reports read it: balances by business day (with
 * running totals), by method and by status, and the tie-out against the payments, their events
 * and their splits. A ledger that does not tie is shown with every difference named.
 */
import { ESCROW_METHODS, heldOf, LEDGER_KINDS, ledgerFigures, type Balances } from '../../../../shared/domain/escrow';
import { tieOut } from '../../../../shared/domain/escrow-tie-out';
import { formatCents } from '../../../../shared/domain/money';
import type { BalancesView, LedgerView } from '../../../../shared/ipc/payments';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { BookStore, ReadRepos } from '../../store/port';
import { carriedMoreThanOnce } from './carried';

const balancesView = (b: Balances): BalancesView => ({
  pending: formatCents(b.pending), good: formatCents(b.good), returned: formatCents(b.returned), refunded: formatCents(b.refunded), paid: formatCents(b.paid), held: formatCents(heldOf(b)),
});

/** The ledger of one program, read in one snapshot so that its figures and its tie-out agree. */
export async function ledgerOf(r: ReadRepos, programId: number): Promise<LedgerView> {
  if (!(await r.programs.byId(programId))) throw new DeskFailure('NOT_FOUND', 'There is no such program in this book', 'programId');
  const [entries, keyed, events, allocations, reversals] = [await r.payments.ledger(programId), await r.payments.ofProgram(programId), await r.payments.events(programId), await r.payments.allocations(programId), await r.payments.reversals(programId)];
  const reversed = new Set(reversals.map((x) => x.paymentId));
  const payments = keyed.map((p) => ({ ...p, reversed: reversed.has(p.id) }));
  const figures = ledgerFigures(entries);
  // A payment carried through several corrections has one allocation of its full amount per link: not a split to sum.
  const carried = await carriedMoreThanOnce(r, new Map(keyed.map((p) => [p.id, p])), allocations);
  const tie = tieOut({ payments, events, entries, allocations: allocations.filter((a) => !carried.has(a.paymentId)) });
  return {
    programId,
    entries: figures.entries,
    byDay: figures.byDay.map((d) => ({ businessDate: d.businessDate, moved: Object.fromEntries(LEDGER_KINDS.map((k) => [k, formatCents(d.moved[k])])), closing: balancesView(d.closing) })),
    byMethod: ESCROW_METHODS.map((method) => ({ method, ...balancesView(figures.byMethod[method]) })),
    totals: balancesView(figures.totals),
    tieOut: { ties: tie.ties, payments: tie.payments, events: tie.events, entries: tie.entries, differences: tie.differences.map((d) => ({ ...d })) },
  };
}

export const escrowLedger = (store: BookStore, programId: number): Promise<LedgerView> => store.read((r) => ledgerOf(r, programId));
