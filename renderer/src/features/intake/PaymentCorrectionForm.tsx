import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { BatchItemView } from '../../../../shared/ipc/intake-forms';
import { correctPaymentInput, type PaymentView } from '../../../../shared/ipc/payments';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { EntryForm } from '../../components/EntryForm';
import { useEntryForm } from '../../components/useEntryForm';
import { invalidateTopics, useDeskQuery } from '../../frame/query';
import { normalizeMoney } from '../../lib/amounts';
import { checkWith, formSchema, type FieldCheck } from '../../lib/validation';
import { electionChecks, normalizeField, paymentOf, type PaymentValues, type YesNo } from './election-values';
import { KeyedField } from './KeyedField';
import { PaymentRows } from './PaymentRows';
import { YesNoField } from './YesNoField';

interface Values {
  paymentId: string;
  reason: string;
  replace: YesNo;
  payments: PaymentValues[];
}

type Flat = Record<string, string>;
const schema = formSchema<Flat>((values) => {
  const checks: Record<string, FieldCheck<Flat>> = { reason: checkWith<Flat>(correctPaymentInput.shape.reason, 'Reason for the correction') };
  if (values['replace'] !== 'yes') return checks;
  // The payment keyed in its place is checked as on the election form; an amount it must have.
  for (const [name, check] of Object.entries(electionChecks(values))) if (name.startsWith('payments.')) checks[name] = check;
  const amount = checks['payments.0.amount'];
  checks['payments.0.amount'] = (v, all) => (v.trim() === '' ? 'Amount is required for the payment keyed in its place' : (amount?.(v, all) ?? null));
  return checks;
});

const keyedMethods = new Set(['check', 'certified-check', 'bank-draft', 'money-order', 'wire']);
const rowOf = (p: PaymentView | undefined): PaymentValues => ({
  method: p && keyedMethods.has(p.method) ? p.method : 'check',
  amount: p ? normalizeMoney(p.amount) : '',
  checkNumber: p?.checkNumber ?? '',
  abaRouting: p?.abaRouting ?? '',
  bankAccount: p?.bankAccount ?? '',
  payer: p?.payer ?? '',
  reference: p?.reference ?? '',
});
const nameOf = (p: PaymentView) => `#${p.id}: ${p.method.replace('-', ' ')}${p.checkNumber ? ` ${p.checkNumber}` : p.reference ? ` ${p.reference}` : ''}, ${normalizeMoney(p.amount)}, ${p.status}`;

/**
 * A payment keyed wrong on an item (§6b): reversed with a reason, and keyed again as it should have
 * been, in one change. The payment's own figures come in to start from; only a payment whose money
 * has not moved (not cleared, not returned) can be reversed — main says what to do otherwise.
 */
export function PaymentCorrectionForm({ item, programId, onDone }: { readonly item: BatchItemView; readonly programId: number; readonly onDone: () => void }) {
  const call = useDesk();
  const status = useStatus();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const found = useDeskQuery('payments.find', { programId, electionId: item.electionId, status: 'any', limit: 50 }, { topics: ['intake', 'payments'] });
  const payments = found.data ?? [];
  const form = useEntryForm<Values>({ id: 'payment-correction', initial: { paymentId: '', reason: '', replace: 'yes', payments: [rowOf(undefined)] }, schema, normalize: normalizeField, onProblem: (m) => status.report(m, 'problem') });
  const v = form.values;
  const chosen = payments.find((p) => String(p.id) === v.paymentId);

  // The first payment is chosen once they arrive; choosing another brings its figures in to correct.
  useEffect(() => {
    if (v.paymentId === '' && payments[0]) form.form.reset({ ...form.form.getValues(), paymentId: String(payments[0].id), payments: [rowOf(payments[0])] });
  }, [payments, v.paymentId]);
  const choose = (id: string) => form.form.reset({ ...form.form.getValues(), paymentId: id, payments: [rowOf(payments.find((p) => String(p.id) === id))] });

  const save = async () => {
    setProblem(null);
    if (!chosen) {
      setProblem('Payment to correct: this item has no payment');
      return false;
    }
    if (!(await form.checkForSave())) return false;
    const values = form.form.getValues();
    const replacement = values.replace === 'yes' ? paymentOf(values.payments[0]!) : null;
    const result = await call('payments.correct', { paymentId: chosen.id, reason: values.reason, replacement });
    if (!result.ok) {
      const field = result.error.field?.replace(/^replacement\./, 'payments.0.');
      if (!(field && form.showFieldProblem(field, result.error.message))) setProblem(result.error.message);
      status.report(result.error.message, 'problem');
      return false;
    }
    const kept = result.value.replacement;
    status.report(`Payment #${chosen.id} reversed${kept ? `, keyed again as payment #${kept.id} (${normalizeMoney(kept.amount)})` : ''}: ${values.reason.trim()}.`, 'done');
    await invalidateTopics(queryClient, ['intake', 'payments']);
    onDone();
    return true;
  };

  const pick = form.bind('paymentId');
  return (
    <EntryForm title={`Correct a payment of item ${item.electionId}: ${item.certificateNumber}`} onSave={save} onAbandon={onDone} dirty={form.dirty} saveLabel="Reverse and key again" problem={problem} className="payment-correction-form">
      <div className="field">
        <label htmlFor={pick.id}>Payment to correct</label>
        <select id={pick.id} name={pick.name} data-field data-enter-skip value={pick.value} onChange={(e) => choose(e.target.value)} onBlur={pick.onBlur}>
          {payments.map((p) => (
            <option key={p.id} value={String(p.id)}>
              {nameOf(p)}
            </option>
          ))}
        </select>
      </div>
      <KeyedField label="Reason for the correction" field={form.bind('reason')} hint="what was keyed wrong, e.g. amount keyed as 500.00, the check says 50.00" autoFocus />
      <YesNoField label="Key a payment in its place" field={form.bind('replace')} onAnswer={(yes) => form.setValue('replace', yes ? 'yes' : 'no')} hint="N: the payment should not have been keyed at all" />
      {v.replace === 'yes' ? <PaymentRows rows={v.payments} bind={form.bind} note={null} onAdd={() => undefined} single /> : null}
      <p className="muted">The payment keyed wrong is reversed in the escrow ledger, never edited; a cleared or returned payment cannot be reversed.</p>
    </EntryForm>
  );
}
