import { useState } from 'react';
import { lostSettingsInput, type LostSettingsView } from '../../../../shared/ipc/lost';
import { useStatus } from '../../app/StatusContext';
import { EntryForm } from '../../components/EntryForm';
import { TextField } from '../../components/TextField';
import { useEntryForm } from '../../components/useEntryForm';
import { normalizeMoney, plainDecimal } from '../../lib/amounts';
import { checkWith, formSchema } from '../../lib/validation';
import { keyedMoney, useLostCall } from './form-kit';

type Values = { bondRate: string; minimumPremium: string; valuePerRight: string; processingFee: string; reason: string };
const s = lostSettingsInput.shape;
const schema = formSchema<Values>(() => ({
  bondRate: checkWith<Values>(s.bondRate, 'Bond rate'),
  minimumPremium: keyedMoney<Values>('Minimum premium'),
  valuePerRight: checkWith<Values>(s.valuePerRight, 'Market value per right'),
  processingFee: keyedMoney<Values>('Processing fee'),
  reason: checkWith<Values>(s.reason, 'Reason'),
}));

/** A supervisor sets the program's bond rate, minimum premium, value per right and fee (a new version each time). */
export function SettingsForm({ programId, current }: { programId: number; current: LostSettingsView | null }) {
  const status = useStatus();
  const run = useLostCall();
  const [problem, setProblem] = useState<string | null>(null);
  const initial = { bondRate: current?.bondRate ?? '', minimumPremium: current?.minimumPremium ?? '', valuePerRight: current?.valuePerRight ?? '', processingFee: current?.processingFee ?? '', reason: '' };
  const form = useEntryForm<Values>({ id: 'lost-settings', initial, schema, normalize: (n) => (n === 'minimumPremium' || n === 'processingFee' ? normalizeMoney : undefined), onProblem: (m) => status.report(m, 'problem') });
  const save = async () => {
    setProblem(null);
    if (!(await form.checkForSave())) return false;
    const v = form.values;
    const result = await run('lost.setSettings', { programId, bondRate: v.bondRate, minimumPremium: plainDecimal(v.minimumPremium), valuePerRight: v.valuePerRight, processingFee: plainDecimal(v.processingFee), reason: v.reason }, (x) => `Indemnity settings version ${x.version} set.`);
    if (!result.ok) {
      if (!(result.field && form.showFieldProblem(result.field, result.message))) setProblem(result.message);
      return false;
    }
    return true;
  };
  return (
    <EntryForm title="Indemnity settings" onSave={save} dirty={form.dirty} saveLabel="Set the settings" problem={problem}>
      <TextField label="Bond rate" field={form.bind('bondRate')} inputMode="decimal" hint="a fraction: 0.02 is 2% of market value" />
      <TextField label="Minimum premium" field={form.bind('minimumPremium')} inputMode="decimal" />
      <TextField label="Market value per right" field={form.bind('valuePerRight')} inputMode="decimal" />
      <TextField label="Processing fee" field={form.bind('processingFee')} inputMode="decimal" />
      <TextField label="Reason" field={form.bind('reason')} />
    </EntryForm>
  );
}
