// The smaller steps of a case, each its own entry form: a mutilated certificate's remains, a
// recovered original, and the Form X-17F-1A filing with its confirmation.
import { useState } from 'react';
import { recoverInput, remainsInput, secReportedInput, type CaseView } from '../../../../shared/ipc/lost';
import { useStatus } from '../../app/StatusContext';
import { CheckField } from '../../components/CheckField';
import { EntryForm } from '../../components/EntryForm';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useEntryForm } from '../../components/useEntryForm';
import { normalizeKeyedDate } from '../../lib/dates';
import { checkWith, formSchema } from '../../lib/validation';
import { isoOf, keyedDate, useLostCall } from './form-kit';

type Outcome = { ok: true } | { ok: false; message: string; field?: string | undefined };

/** Shows main's refusal beside its field, or above the form. */
function useRefusal() {
  const [problem, setProblem] = useState<string | null>(null);
  const show = (result: Outcome, form: { showFieldProblem(name: string, message: string): boolean }) => {
    if (result.ok) return true;
    if (!(result.field && form.showFieldProblem(result.field, result.message))) setProblem(result.message);
    return false;
  };
  return { problem, clear: () => setProblem(null), show };
}

type RemainsValues = { description: string; identifiable: string };
const remainsSchema = formSchema<RemainsValues>(() => ({ description: checkWith<RemainsValues>(remainsInput.shape.description, 'Remains received') }));

export function RemainsForm({ caseId }: { caseId: number }) {
  const status = useStatus();
  const run = useLostCall();
  const refusal = useRefusal();
  const form = useEntryForm<RemainsValues>({ id: 'remains', initial: { description: '', identifiable: 'yes' }, schema: remainsSchema, onProblem: (m) => status.report(m, 'problem') });
  const save = async () => {
    refusal.clear();
    if (!(await form.checkForSave())) return false;
    const result = await run('lost.recordRemains', { caseId, identifiable: form.values.identifiable === 'yes', description: form.values.description }, () => 'Remains recorded.');
    return refusal.show(result, form);
  };
  return (
    <EntryForm title="Remains surrendered" onSave={save} dirty={form.dirty} saveLabel="Record the remains" problem={refusal.problem}>
      <TextField label="Remains received" field={form.bind('description')} />
      <CheckField label="Identifiable" field={form.bind('identifiable')} onToggle={(c) => form.setValue('identifiable', c ? 'yes' : 'no')} hint="number and registration legible" />
    </EntryForm>
  );
}

type RecoveryValues = { recoveredOn: string; how: string };
const recoverySchema = formSchema<RecoveryValues>(() => ({ recoveredOn: keyedDate<RecoveryValues>('Recovered on'), how: checkWith<RecoveryValues>(recoverInput.shape.how, 'How it was found') }));

export function RecoveryForm({ caseId }: { caseId: number }) {
  const status = useStatus();
  const run = useLostCall();
  const refusal = useRefusal();
  const form = useEntryForm<RecoveryValues>({ id: 'recovery', initial: { recoveredOn: '', how: '' }, schema: recoverySchema, normalize: (n) => (n === 'recoveredOn' ? normalizeKeyedDate : undefined), onProblem: (m) => status.report(m, 'problem') });
  const save = async () => {
    refusal.clear();
    if (!(await form.checkForSave())) return false;
    const result = await run('lost.recover', { caseId, recoveredOn: isoOf(form.values.recoveredOn, 'Recovered on'), how: form.values.how }, () => 'Recovery recorded; the stop stays on the original.');
    return refusal.show(result, form);
  };
  return (
    <EntryForm title="Original recovered" onSave={save} dirty={form.dirty} saveLabel="Record the recovery" problem={refusal.problem}>
      <TextField label="Recovered on" field={form.bind('recoveredOn')} inputMode="numeric" hint="MMDDYY" />
      <TextField label="How it was found" field={form.bind('how')} />
    </EntryForm>
  );
}

type ReportValues = { reportType: string; filedOn: string; confirmation: string };
const reportSchema = formSchema<ReportValues>(() => ({ filedOn: keyedDate<ReportValues>('Filed on'), confirmation: checkWith<ReportValues>(secReportedInput.shape.confirmation, 'Confirmation') }));

export function ReportForm({ c }: { c: CaseView }) {
  const status = useStatus();
  const run = useLostCall();
  const refusal = useRefusal();
  const next = c.recoveredOn !== null && c.reports.some((r) => r.reportType === 'initial') ? 'recovery' : 'initial';
  const form = useEntryForm<ReportValues>({ id: 'sec-report', initial: { reportType: next, filedOn: '', confirmation: '' }, schema: reportSchema, normalize: (n) => (n === 'filedOn' ? normalizeKeyedDate : undefined), onProblem: (m) => status.report(m, 'problem') });
  const save = async () => {
    refusal.clear();
    if (!(await form.checkForSave())) return false;
    const v = form.values;
    const result = await run('lost.recordReport', { caseId: c.id, reportType: v.reportType as 'initial' | 'recovery', filedOn: isoOf(v.filedOn, 'Filed on'), confirmation: v.confirmation }, () => `Form X-17F-1A (${v.reportType}) recorded as filed.`);
    return refusal.show(result, form);
  };
  return (
    <EntryForm title="Form X-17F-1A filed" onSave={save} dirty={form.dirty} saveLabel="Record the filing" problem={refusal.problem}>
      <SelectField label="Report" field={form.bind('reportType')} options={[{ value: 'initial', label: 'Initial' }, { value: 'recovery', label: 'Recovery' }]} />
      <TextField label="Filed on" field={form.bind('filedOn')} inputMode="numeric" hint="MMDDYY" />
      <TextField label="Confirmation" field={form.bind('confirmation')} />
    </EntryForm>
  );
}
