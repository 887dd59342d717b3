import { Fragment, useRef, type KeyboardEvent } from 'react';
import type { ItemFileView, ItemRefView } from '../../../../shared/ipc/queue';
import type { SessionUser } from '../../../../shared/ipc/types';
import { useDeskQuery } from '../../frame/query';
import { formatInstant, formatIsoDate } from '../../lib/dates';
import { PrintLetterAction } from '../letters/PrintLetterAction';
import { DecisionForm } from './DecisionForm';
import { formatWall } from './QueueView';

interface Props {
  readonly programId: number;
  readonly item: ItemRefView;
  readonly user: SessionUser;
  readonly onBack: () => void;
}

/** The letter the item's standing calls for: its rejection, the cure allowed (naming its date), or its open deficiencies. */
function letterFor(f: ItemFileView): 'deficiency' | 'cure' | 'rejection' | null {
  if (f.status === 'rejected') return 'rejection';
  if (f.status === 'withdrawn') return null;
  if (f.cureBy) return 'cure';
  return f.deficiencies.some((d) => d.state === 'open') ? 'deficiency' : null;
}

/** One item opened: what was keyed, its deficiencies, payments, envelope, decisions and history; the decision form. Esc goes back. */
export function ItemPage({ programId, item, user, onBack }: Props) {
  const file = useDeskQuery('queue.item', { programId, item }, { topics: ['journal'] });
  const backButton = useRef<HTMLButtonElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      onBack();
    }
  };
  if (file.error) {
    return (
      <section onKeyDown={onKeyDown} aria-label="Item">
        <p className="form-problem" role="alert">
          The item cannot be read: {file.error.message}
        </p>
        <button type="button" onClick={onBack} autoFocus>
          Back to the queue <span className="key-hint">Esc</span>
        </button>
      </section>
    );
  }
  const f = file.data;
  if (!f) return <p className="notice">Reading the item…</p>;
  const decidable = f.deficiencies.some((d) => d.state === 'open') && f.status !== 'rejected' && f.status !== 'withdrawn';
  return (
    <section className="queue-item" aria-labelledby="item-title" onKeyDown={onKeyDown}>
      <h2 id="item-title">
        {f.itemWords} — {f.statusWords}
        {f.cureBy ? `, cure by ${formatIsoDate(f.cureBy)}` : ''}
      </h2>
      <div className="toolbar">
        <button ref={backButton} type="button" onClick={onBack} autoFocus={!decidable}>
          Back to the queue <span className="key-hint">Esc</span>
        </button>
        {letterFor(f) && <PrintLetterAction programId={programId} item={item} letter={letterFor(f)!} />}
      </div>
      <Holder file={f} />
      <Keyed file={f} />
      <Deficiencies file={f} />
      <Payments file={f} />
      <Decisions file={f} />
      <History file={f} />
      {decidable ? (
        <DecisionForm programId={programId} file={f} yourHands={f.yourHands} onDecided={onBack} onAbandon={onBack} />
      ) : (
        <p className="notice">Nothing is open on this item: there is nothing to decide{user.role === 'clerk' ? '' : ' (look back at its decisions above)'}.</p>
      )}
    </section>
  );
}

function Holder({ file }: { file: ItemFileView }) {
  const e = file.envelope;
  return (
    <dl className="facts">
      <dt>Certificate</dt>
      <dd>{file.certificate || '—'}</dd>
      <dt>Account</dt>
      <dd>{file.account}</dd>
      <dt>Registration</dt>
      <dd>{file.holder.join(' / ')}</dd>
      <dt>Envelope</dt>
      <dd>
        {e.batch}, envelope {e.seq}, stamped {formatWall(e.stamped)}, came by {e.source}
      </dd>
      <dt>Keyed by</dt>
      <dd>{file.keyedBy}</dd>
      {file.corrects.length > 0 ? (
        <>
          <dt>Corrects</dt>
          <dd>{file.corrects.map((id) => `item ${id}`).join(', ')}</dd>
        </>
      ) : null}
    </dl>
  );
}

function Keyed({ file }: { file: ItemFileView }) {
  return (
    <>
      <h3>As keyed</h3>
      <dl className="facts">
        {file.keyed.map((l) => (
          <Fragment key={l.label}>
            <dt>{l.label}</dt>
            <dd>{l.value}</dd>
          </Fragment>
        ))}
      </dl>
    </>
  );
}

function Deficiencies({ file }: { file: ItemFileView }) {
  const s = file.funds;
  return (
    <>
      <h3>Deficiencies</h3>
      {file.deficiencies.length === 0 ? <p className="muted">None.</p> : null}
      <ul>
        {file.deficiencies.map((d) => (
          <li key={d.code}>
            <strong>{d.title}</strong> ({d.state}
            {d.waivable ? '' : ', never waivable'}): {d.description}
          </li>
        ))}
      </ul>
      {s ? (
        <p>
          Good funds ${s.good}; not yet good ${s.pending}; returned ${s.returned}; cost ${s.cost}; still due ${s.due}.
        </p>
      ) : null}
    </>
  );
}

function Payments({ file }: { file: ItemFileView }) {
  if (file.payments.length === 0) return <h3>Payments: none</h3>;
  return (
    <>
      <h3>Payments</h3>
      <table className="plain">
        <thead>
          <tr>
            <th scope="col">Method</th>
            <th scope="col">Check no.</th>
            <th scope="col">Payer</th>
            <th scope="col">Amount</th>
            <th scope="col">Applied here</th>
            <th scope="col">Clearance</th>
          </tr>
        </thead>
        <tbody>
          {file.payments.map((p) => (
            <tr key={p.id}>
              <td>{p.method}</td>
              <td>{p.checkNumber ?? ''}</td>
              <td>{p.payer}</td>
              <td className="num">${p.amount}</td>
              <td className="num">${p.applied}</td>
              <td>{p.events.length === 0 ? 'received' : p.events.map((e) => `${e.kind} ${formatIsoDate(e.businessDate)}${e.reason ? ` (${e.reason})` : ''}`).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Decisions({ file }: { file: ItemFileView }) {
  if (file.decisions.length === 0) return null;
  return (
    <>
      <h3>Decisions</h3>
      <ul>
        {file.decisions.map((d) => (
          <li key={d.id}>
            {formatInstant(d.decidedAt)} — {d.words} by {d.decidedBy}: {d.codes.join(', ')}
            {d.cureBy ? `, cure by ${formatIsoDate(d.cureBy)}` : ''}. “{d.reason}”
          </li>
        ))}
      </ul>
    </>
  );
}

function History({ file }: { file: ItemFileView }) {
  return (
    <>
      <h3>History</h3>
      <ol className="history">
        {file.history.map((h) => (
          <li key={h.seq}>
            {formatInstant(h.at)} — {h.words} by {h.username ?? 'system'} (entry {h.seq})
          </li>
        ))}
      </ol>
    </>
  );
}
