import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PaymentView } from '../../../../shared/ipc/payments';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { EntryForm } from '../../components/EntryForm';
import { TextField } from '../../components/TextField';
import { useEntryForm } from '../../components/useEntryForm';
import { invalidateTopics } from '../../frame/query';
import { normalizeMoney, plainDecimal } from '../../lib/amounts';
import { formSchema, type FieldCheck } from '../../lib/validation';
import { dollars } from './format';

const ROWS = 4;
type Part = { electionId: string; amount: string };
type Values = { parts: Part[]; reason: string };

const MONEY = /^\d{1,13}(?:\.\d{1,2})?$/;

/** Whole cents of typed money, as a bigint (never a float); null when it does not read. */
function centsOf(text: string): bigint | null {
  const plain = plainDecimal(text);
  if (!MONEY.test(plain)) return null;
  const [whole = '0', cents = ''] = plain.split('.');
  return BigInt(whole) * 100n + BigInt(cents.padEnd(2, '0'));
}
const asMoney = (cents: bigint) => `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;

const electionCheck = (n: number): FieldCheck<Record<string, string>> => (value, values) => {
  const amount = values[`parts.${n}.amount`] ?? '';
  if (value.trim() === '' && amount.trim() === '') return null;
  return /^\d{1,9}$/.test(value.trim()) && Number(value) > 0 ? null : `Election ${n + 1}: type the election's number`;
};
const amountCheck = (n: number): FieldCheck<Record<string, string>> => (value, values) => {
  const election = values[`parts.${n}.electionId`] ?? '';
  if (value.trim() === '' && election.trim() === '') return null;
  const cents = centsOf(value);
  return cents !== null && cents > 0n ? null : `Amount ${n + 1}: type dollars and cents, e.g. 615.00`;
};
const schema = formSchema<Record<string, string>>(() => ({
  ...Object.fromEntries(Array.from({ length: ROWS }, (_, n) => [[`parts.${n}.electionId`, electionCheck(n)], [`parts.${n}.amount`, amountCheck(n)]]).flat()),
  reason: (v) => (v.trim().length >= 10 && v.trim().split(/\s+/).length >= 2 ? null : 'Reason for the split: say why in a few words (at least 10 characters)'),
}));

/** A supervisor's split of the payment across elections: the parts must add up to the payment to the cent. */
export function SplitForm({ payment }: { payment: PaymentView }) {
  const call = useDesk();
  const status = useStatus();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const initial: Values = { parts: Array.from({ length: ROWS }, (_, n) => ({ electionId: n === 0 && payment.electionId !== null ? String(payment.electionId) : '', amount: '' })), reason: '' };
  const form = useEntryForm<Values>({ id: `split-${payment.id}`, initial, schema, normalize: (name) => (name.endsWith('.amount') ? normalizeMoney : undefined), onProblem: (m) => status.report(m, 'problem') });
  const filled = form.values.parts.filter((p) => p.electionId.trim() !== '' || p.amount.trim() !== '');
  const sum = filled.reduce((s, p) => s + (centsOf(p.amount) ?? 0n), 0n);
  const want = centsOf(payment.amount) ?? 0n;
  const balance = sum === want ? 'exact' : sum < want ? `${dollars(asMoney(want - sum))} short` : `${dollars(asMoney(sum - want))} too much`;

  const save = async () => {
    setProblem(null);
    if (!(await form.checkForSave())) return false;
    const allocations = filled.map((p) => ({ electionId: Number(p.electionId), amount: plainDecimal(p.amount) }));
    const result = await call('payments.split', { paymentId: payment.id, allocations, reason: form.values.reason });
    if (!result.ok) {
      const field = result.error.field?.replace(/^allocations\./, 'parts.');
      if (!(field && form.showFieldProblem(field, result.error.message))) setProblem(result.error.message);
      status.report(result.error.message, 'problem');
      return false;
    }
    form.reset();
    await invalidateTopics(queryClient, ['payments']);
    status.report(`Payment #${payment.id} (${dollars(payment.amount)}) split across ${allocations.length} elections.`, 'done');
    return true;
  };
  return (
    <EntryForm title="Split across elections (supervisor)" onSave={save} onAbandon={() => form.reset()} dirty={form.dirty} saveLabel="Split" problem={problem} className="split-form">
      {Array.from({ length: ROWS }, (_, n) => (
        <div className="split-row" key={n}>
          <TextField label={`Election ${n + 1}`} field={form.bind(`parts.${n}.electionId`)} inputMode="numeric" hint={n === 0 ? 'the election number; leave unused rows blank' : undefined} />
          <TextField label={`Amount ${n + 1}`} field={form.bind(`parts.${n}.amount`)} inputMode="decimal" />
        </div>
      ))}
      <p className="muted" aria-live="polite">
        Parts add up to {dollars(asMoney(sum))} of {dollars(payment.amount)}: {balance}.
      </p>
      <TextField label="Reason for the split" field={form.bind('reason')} hint="e.g. One check paid for two certificates of the same holder" maxLength={500} />
    </EntryForm>
  );
}
