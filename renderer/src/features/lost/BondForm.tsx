import { useState } from 'react';
import { keyBondInput } from '../../../../shared/ipc/lost';
import { useStatus } from '../../app/StatusContext';
import { EntryForm } from '../../components/EntryForm';
import { TextField } from '../../components/TextField';
import { useEntryForm } from '../../components/useEntryForm';
import { normalizeMoney, plainDecimal } from '../../lib/amounts';
import { checkWith, formSchema } from '../../lib/validation';
import { keyedMoney, useLostCall } from './form-kit';

type Values = { expenses: string; paymentReceived: string; surety: string; bondReference: string };
const schema = formSchema<Values>(() => ({
  expenses: keyedMoney<Values>('Expenses reimbursed'),
  paymentReceived: keyedMoney<Values>('Payment received'),
  surety: checkWith<Values>(keyBondInput.shape.surety, 'Surety'),
  bondReference: checkWith<Values>(keyBondInput.shape.bondReference, 'Bond number'),
}));
const money = (n: string) => (n === 'expenses' || n === 'paymentReceived' ? normalizeMoney : undefined);

/** The indemnity bond as received: the premium is worked out in main from the program's settings. */
export function BondForm({ caseId }: { caseId: number }) {
  const status = useStatus();
  const run = useLostCall();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useEntryForm<Values>({ id: 'bond', initial: { expenses: '0.00', paymentReceived: '', surety: '', bondReference: '' }, schema, normalize: money, onProblem: (m) => status.report(m, 'problem') });
  const save = async () => {
    setProblem(null);
    if (!(await form.checkForSave())) return false;
    const v = form.values;
    const result = await run('lost.keyBond', { caseId, expenses: plainDecimal(v.expenses), paymentReceived: plainDecimal(v.paymentReceived), surety: v.surety, bondReference: v.bondReference }, (c) => {
      const b = c.bonds.at(-1);
      return `Bond ${b?.bondReference ?? ''} keyed: premium ${b?.premium ?? ''} on a market value of ${b?.marketValue ?? ''}; it awaits a supervisor’s approval.`;
    });
    if (!result.ok) {
      if (!(result.field && form.showFieldProblem(result.field, result.message))) setProblem(result.message);
      return false;
    }
    form.reset();
    return true;
  };
  return (
    <EntryForm title="Indemnity bond" onSave={save} dirty={form.dirty} saveLabel="Key the bond" problem={problem}>
      <TextField label="Expenses reimbursed" field={form.bind('expenses')} inputMode="decimal" />
      <TextField label="Payment received" field={form.bind('paymentReceived')} inputMode="decimal" hint="premium + processing fee + expenses" />
      <TextField label="Surety" field={form.bind('surety')} />
      <TextField label="Bond number" field={form.bind('bondReference')} />
    </EntryForm>
  );
}
