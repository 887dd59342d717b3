import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { BANK_DATE_FORMATS, type BankLayoutSpec } from '../../../../shared/ipc/payments';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { EntryForm } from '../../components/EntryForm';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useEntryForm } from '../../components/useEntryForm';
import { invalidateTopics } from '../../frame/query';
import { formSchema, type FieldCheck } from '../../lib/validation';

type Values = {
  bank: string; name: string; dateFormat: string;
  checkNumber: string; account: string; amount: string; date: string; status: string; returnReason: string; reference: string;
  clearedWords: string; returnedWords: string;
};

/** The columns most banks' files carry: only the bank and the layout's name are left to type. */
const INITIAL: Values = {
  bank: '', name: '', dateFormat: 'MM/DD/YYYY', checkNumber: 'Check No', account: 'Account', amount: 'Amount', date: 'Posted', status: 'Status',
  returnReason: 'Return Reason', reference: 'Reference', clearedWords: 'PAID, CLEARED, COLLECTED', returnedWords: 'RETURNED, NSF',
};

const required = (label: string): FieldCheck<Values> => (v) => (v.trim() === '' ? `${label} is required` : v.length > 100 ? `${label} must be at most 100 characters` : null);
const words = (label: string): FieldCheck<Values> => (v) => (v.split(',').every((w) => w.trim() === '') ? `${label}: name at least one word the bank uses` : null);
const schema = formSchema<Values>(() => ({
  bank: required('Bank'), name: required('Layout name'), checkNumber: required('Check number column'), amount: required('Amount column'), date: required('Date column'),
  status: required('Status column'), clearedWords: words('Words for cleared'), returnedWords: words('Words for returned'),
}));

const list = (text: string) => text.split(',').map((w) => w.trim()).filter((w) => w !== '');
const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

function specOf(v: Values): BankLayoutSpec {
  const columns = { checkNumber: v.checkNumber.trim(), amount: v.amount.trim(), date: v.date.trim(), status: v.status.trim(), account: optional(v.account), returnReason: optional(v.returnReason), reference: optional(v.reference) };
  const present = Object.fromEntries(Object.entries(columns).filter(([, c]) => c !== undefined)) as BankLayoutSpec['columns'];
  return { delimiter: ',', dateFormat: v.dateFormat as BankLayoutSpec['dateFormat'], columns: present, clearedWords: list(v.clearedWords), returnedWords: list(v.returnedWords) };
}

/** A supervisor saves a bank's clearance file layout by name (saving again records a new version). */
export function BankLayoutForm() {
  const call = useDesk();
  const status = useStatus();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useEntryForm<Values>({ id: 'bank-layout', initial: INITIAL, schema, onProblem: (m) => status.report(m, 'problem') });
  const save = async () => {
    setProblem(null);
    if (!(await form.checkForSave())) return false;
    const v = form.values;
    const result = await call('payments.saveBankLayout', { bank: v.bank, name: v.name, spec: specOf(v) });
    if (!result.ok) {
      const field = result.error.field?.replace(/^spec\.(columns\.)?/, '');
      if (!(field && form.showFieldProblem(field, result.error.message))) setProblem(result.error.message);
      status.report(result.error.message, 'problem');
      return false;
    }
    form.reset();
    await invalidateTopics(queryClient, ['payments']);
    status.report(`Layout "${result.value.name}" of ${result.value.bank} saved (version ${result.value.version}).`, 'done');
    return true;
  };
  return (
    <EntryForm title="Save a bank's file layout" onSave={save} onAbandon={() => form.reset()} dirty={form.dirty} saveLabel="Save layout" problem={problem} className="bank-layout">
      <TextField label="Bank" field={form.bind('bank')} hint="as the bank names itself, e.g. First National Escrow Bank" />
      <TextField label="Layout name" field={form.bind('name')} hint="e.g. daily clearance" />
      <SelectField label="Date format" field={form.bind('dateFormat')} options={BANK_DATE_FORMATS.map((f) => ({ value: f, label: f }))} />
      <TextField label="Check number column" field={form.bind('checkNumber')} hint="the header's name for it" />
      <TextField label="Account column" field={form.bind('account')} hint="blank when the bank gives none" />
      <TextField label="Amount column" field={form.bind('amount')} />
      <TextField label="Date column" field={form.bind('date')} />
      <TextField label="Status column" field={form.bind('status')} />
      <TextField label="Return reason column" field={form.bind('returnReason')} hint="blank when the bank gives none" />
      <TextField label="Reference column" field={form.bind('reference')} hint="wires and DTC settlements are matched by it" />
      <TextField label="Words for cleared" field={form.bind('clearedWords')} hint="comma-separated, e.g. PAID, CLEARED" />
      <TextField label="Words for returned" field={form.bind('returnedWords')} hint="comma-separated, e.g. RETURNED, NSF" />
    </EntryForm>
  );
}
