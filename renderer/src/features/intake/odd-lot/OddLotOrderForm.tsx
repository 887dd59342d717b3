import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { OddLotEligibilityView, OddLotOrderInput } from '../../../../../shared/ipc/intake-more';
import { useDesk } from '../../../app/DeskContext';
import { useStatus } from '../../../app/StatusContext';
import { EntryForm } from '../../../components/EntryForm';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { useEntryForm } from '../../../components/useEntryForm';
import { invalidateTopics, useDeskQuery } from '../../../frame/query';
import { plainDecimal } from '../../../lib/amounts';
import { formatInstant, normalizeKeyedDate, parseKeyedDate } from '../../../lib/dates';
import { normalizeKeyedTime, parseKeyedTime } from '../../../lib/times';
import { useDebounced } from '../../../lib/useDebounced';
import { formSchema, type FieldCheck } from '../../../lib/validation';
import { EnvelopeField } from '../more/EnvelopeField';
import { requiredText } from '../more/keyed';

type Values = { envelopeId: string; account: string; action: string; orderDate: string; orderTime: string; orderPrice: string };
const INITIAL: Values = { envelopeId: '', account: '', action: 'sell', orderDate: '', orderTime: '', orderPrice: '' };
const ACTIONS = [
  { value: 'sell', label: 'Sell all shares' },
  { value: 'buy-up', label: 'Buy up to a round lot' },
];

const dateCheck: FieldCheck<Values> = (v) => {
  const parsed = parseKeyedDate(v, 'Order date');
  return parsed.ok ? null : parsed.message;
};
const timeCheck: FieldCheck<Values> = (v) => (parseKeyedTime(v) === null ? 'Order time: type the time as HHMM (New York), e.g. 1015' : null);
const priceCheck: FieldCheck<Values> = (v, values) => {
  if (v.trim() === '') return values.action === 'buy-up' ? 'Price on the order date: needed for a buy-up' : null;
  return /^\d{1,6}(\.\d{1,6})?$/.test(plainDecimal(v)) && !/^0+(\.0*)?$/.test(plainDecimal(v)) ? null : 'Price on the order date: type a price per share, e.g. 7.05';
};
const schema = formSchema<Values>(() => ({ envelopeId: requiredText('Envelope'), account: requiredText('Account'), orderDate: dateCheck, orderTime: timeCheck, orderPrice: priceCheck }));
const NORMALIZE: Record<string, (v: string) => string> = { orderDate: normalizeKeyedDate, orderTime: normalizeKeyedTime };

function inputOf(v: Values): OddLotOrderInput | null {
  const date = parseKeyedDate(v.orderDate, 'Order date');
  const time = parseKeyedTime(v.orderTime);
  if (v.envelopeId === '' || v.account.trim() === '' || !date.ok || time === null) return null;
  const price = plainDecimal(v.orderPrice);
  return { envelopeId: Number(v.envelopeId), account: v.account.trim(), action: v.action as OddLotOrderInput['action'], orderedAt: `${date.iso}T${time}`, ...(price !== '' ? { orderPrice: price } : {}) };
}

/** Eligibility before saving: every reason an order cannot be taken, in words with its code. */
function Eligibility({ view, problem }: { view: OddLotEligibilityView | null; problem: string | null }) {
  return (
    <section className="assessment" aria-label="Eligibility" aria-live="polite">
      <h3>Eligibility</h3>
      {problem ? <p className="muted">{problem}</p> : null}
      {view ? (
        <>
          {view.holder ? <p>{`${view.holder.name} (${view.holder.account}, ${view.holder.jurisdiction}): ${view.holder.sharesOnRecordDate} shares on the record date, ${view.holder.planShares} plan shares; source ${view.source}`}</p> : null}
          {view.eligible ? (
            <p className="assessment-clean">{`Eligible: the order moves ${view.shares} shares.`}</p>
          ) : (
            <ul className="deficiencies">
              {view.problems.map((p) => (
                <li key={p.code}>{`Not eligible — ${p.message} (${p.code})`}</li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}

/** An odd-lot order keyed from mail, a call or a broker's instruction; no withdrawal once saved. */
export function OddLotOrderForm({ programId }: { programId: number }) {
  const call = useDesk();
  const status = useStatus();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [view, setView] = useState<OddLotEligibilityView | null>(null);
  const [viewProblem, setViewProblem] = useState<string | null>('Key the order: eligibility shows before it is saved.');
  const form = useEntryForm<Values>({ id: 'odd-lot', initial: INITIAL, schema, normalize: (n) => NORMALIZE[n], onProblem: (m) => status.report(m, 'problem') });
  const input = useMemo(() => inputOf(form.values), [form.values]);
  const settled = useDebounced(JSON.stringify(input), 200);
  const orders = useDeskQuery('oddLot.list', { programId }, { topics: ['intake'] });

  useEffect(() => {
    const keyed = JSON.parse(settled) as OddLotOrderInput | null;
    if (!keyed) return;
    let live = true;
    void call('oddLot.check', keyed).then((r) => {
      if (!live) return;
      setView(r.ok ? r.value : null);
      setViewProblem(r.ok ? null : r.error.message);
    });
    return () => {
      live = false;
    };
  }, [settled, call]);

  const save = async () => {
    setProblem(null);
    if (!(await form.checkForSave())) return false;
    const keyed = inputOf(form.values);
    if (!keyed) return false;
    const result = await call('oddLot.save', keyed);
    if (!result.ok) {
      if (!(result.error.field && form.showFieldProblem(result.error.field, result.error.message))) setProblem(result.error.message);
      status.report(result.error.message, 'problem');
      return false;
    }
    form.reset({ envelopeId: form.values.envelopeId });
    setView(null);
    setViewProblem('Key the next order.');
    await invalidateTopics(queryClient, ['intake']);
    status.report(`Order saved: ${result.value.account} ${result.value.action === 'sell' ? 'sells' : 'buys'} ${result.value.shares} shares.`, 'done');
    return true;
  };

  return (
    <div className="intake-item">
      <div>
      <EntryForm title="Odd-lot order" onSave={save} onAbandon={() => form.reset({ envelopeId: form.values.envelopeId })} dirty={form.dirty} saveLabel="Save order" problem={problem}>
        <EnvelopeField programId={programId} field={form.bind('envelopeId')} autoFocus />
        <TextField label="Account" field={form.bind('account')} upperCase hint="the holder’s account on the record-date register" />
        <SelectField label="Order" field={form.bind('action')} options={ACTIONS} hint="S: sell all, B: buy up" />
        <TextField label="Order date" field={form.bind('orderDate')} inputMode="numeric" hint="MMDDYY" />
        <TextField label="Order time" field={form.bind('orderTime')} inputMode="numeric" hint="HHMM, New York time" />
        <TextField label="Price on the order date" field={form.bind('orderPrice')} inputMode="decimal" hint="buy-up: it pays the greater of this and the close on the transfer date" />
        <p className="muted">A saved order cannot be withdrawn or changed: the notice gives no withdrawal privilege.</p>
      </EntryForm>
      </div>
      <Eligibility view={view} problem={viewProblem} />
      <table className="plain-list" aria-label="Odd-lot orders keyed">
        <caption>Odd-lot orders keyed (newest first)</caption>
        <thead>
          <tr><th>Account</th><th>Order</th><th>Shares</th><th>Source</th><th>Ordered</th><th>Order-date price</th></tr>
        </thead>
        <tbody>
          {(orders.data ?? []).map((o) => (
            <tr key={o.orderId}>
              <td className="code">{o.account}</td>
              <td>{o.action === 'sell' ? 'Sell all' : 'Buy up'}</td>
              <td>{o.shares}</td>
              <td>{o.source}</td>
              <td>{formatInstant(o.orderedAt)}</td>
              <td>{o.orderPrice ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
