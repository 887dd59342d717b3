import type { BatchControlView } from '../../../../../shared/ipc/batch-control';
import { balanceLabel, dollars, methodLabel, sourceLabel, stampLabel, whole } from './batch-words';

/** A batch's control figures as tables a clerk reads down: envelopes, items, shares, amounts, deficiencies. */
export function BatchFigures({ view }: { view: BatchControlView }) {
  const f = view.figures;
  const items: [string, number][] = [
    ['Election forms', f.items.forms],
    ['DTC instructions', f.items.dtc],
    ['Odd-lot orders', f.items.oddLots],
    ['Certificates delivered for notices', f.items.covers],
    ['Items keyed', f.items.total],
    ['Items stated on the envelopes', f.items.stated],
    ['Corrections (not counted again)', f.items.corrections],
  ];
  const shares: [string, string][] = [
    ['Basic shares written', whole(f.shares.basicWritten)],
    ['Forms with no number written', whole(f.shares.basicNotIndicated)],
    ['Basic shares exercised (after §4b)', whole(f.shares.basicDeemed)],
    ['Oversubscription shares written / paid for', `${whole(f.shares.oversubscriptionWritten)} / ${whole(f.shares.oversubscriptionPaid)}`],
    ['Rights surrendered through DTC', whole(f.shares.rightsSurrendered)],
    ['Odd-lot shares to sell / to buy', `${whole(f.shares.oddLotSell)} / ${whole(f.shares.oddLotBuyUp)}`],
  ];
  return (
    <div className="batch-figures">
      <table className="figures" aria-label="Envelopes">
        <caption>Envelopes</caption>
        <thead>
          <tr><th scope="col">Envelope</th><th scope="col">Source</th><th scope="col">Stamped (New York)</th><th scope="col" className="num">Stated</th><th scope="col" className="num">Keyed</th><th scope="col">Balance</th></tr>
        </thead>
        <tbody>
          {f.envelopes.map((e) => (
            <tr key={e.envelopeId} className={e.difference === 0 ? undefined : 'has-problem'}>
              <td className="num">{e.seq}</td><td>{sourceLabel(e.source)}</td><td>{stampLabel(e.stampedLocal)}</td><td className="num">{whole(e.stated)}</td><td className="num">{whole(e.keyed.total)}</td><td>{balanceLabel(e.difference)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr><th scope="row" colSpan={3}>{whole(f.envelopes.length)} envelopes</th><td className="num">{whole(f.items.stated)}</td><td className="num">{whole(f.items.total)}</td><td>{balanceLabel(f.items.total - f.items.stated)}</td></tr>
        </tfoot>
      </table>
      <table className="figures" aria-label="Items keyed">
        <caption>Items keyed</caption>
        <tbody>{items.map(([label, n]) => <tr key={label}><th scope="row">{label}</th><td className="num">{whole(n)}</td></tr>)}</tbody>
      </table>
      <table className="figures" aria-label="Shares">
        <caption>Shares</caption>
        <tbody>{shares.map(([label, v]) => <tr key={label}><th scope="row">{label}</th><td className="num">{v}</td></tr>)}</tbody>
      </table>
      <table className="figures" aria-label="Amounts by payment method">
        <caption>Amounts by payment method</caption>
        <thead><tr><th scope="col">Method</th><th scope="col" className="num">Payments</th><th scope="col" className="num">Amount</th></tr></thead>
        <tbody>{f.methods.map((m) => <tr key={m.method}><th scope="row">{methodLabel(m.method)}</th><td className="num">{whole(m.payments)}</td><td className="num">{dollars(m.amount)}</td></tr>)}</tbody>
        <tfoot><tr><th scope="row">Total received</th><td className="num">{whole(f.amountTotal.payments)}</td><td className="num">{dollars(f.amountTotal.amount)}</td></tr></tfoot>
      </table>
      <table className="figures" aria-label="Deficiencies by code">
        <caption>Deficiencies by code</caption>
        <tbody>
          {f.deficiencies.length === 0 ? <tr><td>None found.</td></tr> : null}
          {f.deficiencies.map((d) => <tr key={d.code}><th scope="row">{view.deficiencyTitles[d.code] ?? d.code} <span className="code">({d.code})</span></th><td className="num">{whole(d.items)}</td></tr>)}
        </tbody>
      </table>
    </div>
  );
}
