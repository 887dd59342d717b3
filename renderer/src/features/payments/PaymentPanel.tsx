import { useQueryClient } from '@tanstack/react-query';
import { useLayoutEffect, useRef, useState } from 'react';
import type { PaymentView } from '../../../../shared/ipc/payments';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { EntryForm } from '../../components/EntryForm';
import { TextField } from '../../components/TextField';
import { useEntryForm } from '../../components/useEntryForm';
import { invalidateTopics, useDeskQuery } from '../../frame/query';
import { formatIsoDate, normalizeKeyedDate, parseKeyedDate } from '../../lib/dates';
import { formSchema, type FieldCheck } from '../../lib/validation';
import { dollars, METHOD_LABELS, stateInWords } from './format';
import { SplitForm } from './SplitForm';

type Values = { businessDate: string; reason: string };

const dateCheck = (label: string): FieldCheck<Values> => (value) => {
  const parsed = parseKeyedDate(value, label);
  return parsed.ok ? null : parsed.message;
};
const reasonCheck: FieldCheck<Values> = (value) => (value.trim() === '' ? 'Reason for the return is required (e.g. NSF, stop payment)' : value.length > 200 ? 'Reason for the return must be at most 200 characters' : null);
const clearSchema = formSchema<Values>(() => ({ businessDate: dateCheck('Cleared on') }));
const returnSchema = formSchema<Values>(() => ({ businessDate: dateCheck('Returned on'), reason: reasonCheck }));

/** Clears or returns the payment: the business day (MMDDYY) and, for a return, why. */
function SettleForm({ payment, kind, onBack }: { payment: PaymentView; kind: 'clear' | 'return'; onBack: () => void }) {
  const call = useDesk();
  const status = useStatus();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const label = kind === 'clear' ? 'Cleared on' : 'Returned on';
  const form = useEntryForm<Values>({
    id: `${kind}-${payment.id}`, initial: { businessDate: '', reason: '' }, schema: kind === 'clear' ? clearSchema : returnSchema,
    normalize: (name) => (name === 'businessDate' ? normalizeKeyedDate : undefined), onProblem: (m) => status.report(m, 'problem'),
  });
  const save = async () => {
    setProblem(null);
    if (!(await form.checkForSave())) return false;
    const parsed = parseKeyedDate(form.values.businessDate, label);
    if (!parsed.ok) return false;
    const result = kind === 'clear'
      ? await call('payments.clear', { paymentId: payment.id, businessDate: parsed.iso })
      : await call('payments.return', { paymentId: payment.id, businessDate: parsed.iso, reason: form.values.reason });
    if (!result.ok) {
      if (!(result.error.field && form.showFieldProblem(result.error.field, result.error.message))) setProblem(result.error.message);
      status.report(result.error.message, 'problem');
      return false;
    }
    form.reset();
    await invalidateTopics(queryClient, ['payments']);
    const what = `${METHOD_LABELS[payment.method]} ${payment.checkNumber ?? payment.reference ?? `#${payment.id}`} (${dollars(payment.amount)})`;
    status.report(`${what} ${kind === 'clear' ? 'cleared' : 'returned'} on ${formatIsoDate(parsed.iso)}: ${result.value.goodFunds ? 'now good funds' : 'not good funds'}.`, 'done');
    return true;
  };
  return (
    <EntryForm title={kind === 'clear' ? 'Clear this payment' : 'Return this payment'} onSave={save} onAbandon={(discarded) => {
        form.reset();
        // Esc on an empty form goes back to the list; with something keyed it first asks, then stays.
        if (!discarded) onBack();
      }} dirty={form.dirty} saveLabel={kind === 'clear' ? 'Clear' : 'Return'} problem={problem} className={`settle-${kind}`}>
      <TextField label={label} field={form.bind('businessDate')} hint="the bank's business day, MMDDYY" inputMode="numeric" />
      {kind === 'return' ? <TextField label="Reason for the return" field={form.bind('reason')} hint="e.g. NSF, stop payment, account closed" maxLength={200} /> : null}
    </EntryForm>
  );
}

/** One payment: what was received, its state (§6a), and — while it is unsettled and clears — the clear and return forms. */
export function PaymentPanel({ paymentId, onBack, maySplit }: { paymentId: number; onBack: () => void; maySplit: boolean }) {
  const payment = useDeskQuery('payments.get', { paymentId }, { topics: ['payments'] });
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = payment.data !== undefined;
  useLayoutEffect(() => {
    if (!loaded) return;
    const first = document.querySelector<HTMLElement>('.payment-page [data-field]');
    (first ?? heading.current)?.focus();
  }, [loaded]);
  // Once cleared, returned or split, the form used is gone: the focus goes to the payment's heading, not to nowhere.
  const shape = payment.data ? `${payment.data.status}:${payment.data.allocations.length}` : null;
  const shapeSeen = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (shape !== null && shapeSeen.current !== null && shape !== shapeSeen.current) heading.current?.focus();
    shapeSeen.current = shape;
  }, [shape]);
  if (payment.error) {
    return (
      <p className="form-problem" role="alert">
        {payment.error.message} <button type="button" onClick={onBack}>Back</button>
      </p>
    );
  }
  const p = payment.data;
  if (!p) return <p>Loading the payment…</p>;
  const open = p.status === 'received' && p.clears;
  return (
    <section className="payment-page" aria-label={`Payment ${p.id}`}>
      <h3 ref={heading} tabIndex={-1}>
        {METHOD_LABELS[p.method]} {p.checkNumber ?? p.reference ?? `#${p.id}`}: {dollars(p.amount)}
      </h3>
      <dl className="facts">
        <dt>Payer</dt>
        <dd>{p.payer}</dd>
        <dt>State</dt>
        <dd className={`state-${p.status}`}>{stateInWords(p)}</dd>
        {p.abaRouting ? (<><dt>ABA routing</dt><dd className="code">{p.abaRouting}</dd></>) : null}
        {p.bankAccount ? (<><dt>Account</dt><dd className="code">{p.bankAccount}</dd></>) : null}
        {p.reference ? (<><dt>Reference</dt><dd className="code">{p.reference}</dd></>) : null}
        <dt>Applied to</dt>
        <dd>{p.allocations.length > 0 ? p.allocations.map((a) => `election #${a.electionId}: ${dollars(a.amount)}`).join('; ') : p.electionId !== null ? `election #${p.electionId}` : 'no election'}</dd>
        <dt>Batch</dt>
        <dd>#{p.batchId}</dd>
      </dl>
      {open ? (
        <div className="settle-forms">
          <SettleForm payment={p} kind="clear" onBack={onBack} />
          <SettleForm payment={p} kind="return" onBack={onBack} />
        </div>
      ) : (
        <p className="muted">{p.clears ? 'This payment is settled: a payment clears or comes back once.' : 'Good funds on receipt (§6a): nothing to clear.'}</p>
      )}
      {maySplit && p.status !== 'returned' && p.allocations.length === 0 ? <SplitForm payment={p} /> : null}
    </section>
  );
}
