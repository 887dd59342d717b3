import type { BalancesView, LedgerView } from '../../../../shared/ipc/payments';
import { useDeskQuery } from '../../frame/query';
import { formatIsoDate } from '../../lib/dates';
import { dollars, METHOD_LABELS } from './format';

const BALANCE_HEADERS: readonly { readonly key: keyof BalancesView; readonly label: string }[] = [
  { key: 'pending', label: 'Received, not yet good' },
  { key: 'good', label: 'Good funds' },
  { key: 'held', label: 'Held in escrow' },
  { key: 'returned', label: 'Returned' },
  { key: 'refunded', label: 'Refunded' },
  { key: 'paid', label: 'Paid to the company' },
];

function BalanceCells({ b }: { b: BalancesView }) {
  return (
    <>
      {BALANCE_HEADERS.map((h) => (
        <td key={h.key} className="num">
          {dollars(b[h.key])}
        </td>
      ))}
    </>
  );
}

function TieOut({ tie }: { tie: LedgerView['tieOut'] }) {
  if (tie.ties) {
    return (
      <p className="tie-out ties">
        The ledger ties: {tie.payments} payments, {tie.events} clearances and returns, {tie.entries} ledger entries — every one accounted for to the cent.
      </p>
    );
  }
  return (
    <section role="alert" className="tie-out broken" aria-label="The ledger does not tie">
      <p>
        The ledger does NOT tie: {tie.differences.length} {tie.differences.length === 1 ? 'difference' : 'differences'} found.
      </p>
      <ul>
        {tie.differences.map((d, i) => (
          <li key={i}>
            {d.message} — {d.code}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The escrow ledger (§6b): balances by status, by method and by business day with running totals, and the tie-out. */
export function LedgerPanel({ programId }: { programId: number }) {
  const ledger = useDeskQuery('payments.ledger', { programId }, { topics: ['payments'] });
  if (ledger.error) {
    return (
      <p className="form-problem" role="alert">
        The ledger cannot be read: {ledger.error.message}
      </p>
    );
  }
  const l = ledger.data;
  if (!l) return <p>Reading the ledger…</p>;
  return (
    <section aria-label="Escrow ledger" className="ledger">
      <TieOut tie={l.tieOut} />
      <table className="plain figures" aria-label="Balances by method">
        <caption>By method ({l.entries} entries)</caption>
        <thead>
          <tr>
            <th scope="col">Method</th>
            {BALANCE_HEADERS.map((h) => (
              <th key={h.key} scope="col">
                {h.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {l.byMethod.map((m) => (
            <tr key={m.method}>
              <th scope="row">{METHOD_LABELS[m.method]}</th>
              <BalanceCells b={m} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <BalanceCells b={l.totals} />
          </tr>
        </tfoot>
      </table>
      <table className="plain figures" aria-label="Balances by business day">
        <caption>By business day: what moved, and the balances at the end of the day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Deposited</th>
            <th scope="col">Cleared</th>
            <th scope="col">Returned that day</th>
            {BALANCE_HEADERS.map((h) => (
              <th key={h.key} scope="col">
                {h.label} (end of day)
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {l.byDay.map((d) => (
            <tr key={d.businessDate}>
              <th scope="row">{formatIsoDate(d.businessDate)}</th>
              <td className="num">{dollars(d.moved['deposited'] ?? '0.00')}</td>
              <td className="num">{dollars(d.moved['cleared'] ?? '0.00')}</td>
              <td className="num">{dollars(d.moved['returned'] ?? '0.00')}</td>
              <BalanceCells b={d.closing} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
