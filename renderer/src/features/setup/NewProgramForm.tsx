import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isValidCusip } from '../../../../shared/domain/cusip';
import { cusipSchema, isoDateSchema, newProgramInput, PROGRAM_KINDS, type ProgramKind } from '../../../../shared/ipc/schemas';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { invalidateTopics } from '../../frame/query';
import { EntryForm } from '../../components/EntryForm';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useEntryForm } from '../../components/useEntryForm';
import { normalizeKeyedDate, parseKeyedDate } from '../../lib/dates';
import { normalizeKeyedCusip, KEYED_CUSIP_MAX_LENGTH } from '../../lib/keyed-cusip';
import { KIND_LABELS } from '../../lib/labels';
import { allOf, checkWith, type FieldCheck, formSchema } from '../../lib/validation';

type Values = { kind: string; name: string; issuer: string; cusip: string; recordDate: string };

const cusipCheckDigit: FieldCheck<Values> = (v) =>
  isValidCusip(normalizeKeyedCusip(v)) ? null : 'CUSIP check digit does not match: check the nine characters';
const cusipShape: FieldCheck<Values> = (v, values) => checkWith<Values>(cusipSchema, 'CUSIP')(normalizeKeyedCusip(v), values);

const keyedDate =
  (label: string): FieldCheck<Values> =>
  (v) => {
    const parsed = parseKeyedDate(v, label);
    if (!parsed.ok) return parsed.message;
    return checkWith<Values>(isoDateSchema, label)(parsed.iso, {} as Values);
  };

const checks = {
  kind: checkWith<Values>(newProgramInput.shape.kind, 'Kind'),
  name: checkWith<Values>(newProgramInput.shape.name, 'Program name'),
  issuer: checkWith<Values>(newProgramInput.shape.issuer, 'Issuer'),
  cusip: allOf<Values>(cusipShape, cusipCheckDigit),
  recordDate: keyedDate('Record date'),
};
const schema = formSchema<Values>(() => checks);

const normalize = {
  cusip: normalizeKeyedCusip,
  recordDate: normalizeKeyedDate,
};

const KIND_OPTIONS = PROGRAM_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }));

interface NewProgramFormProps {
  readonly onClose: (discarded: boolean) => void;
}

export function NewProgramForm({ onClose }: NewProgramFormProps) {
  const call = useDesk();
  const status = useStatus();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useEntryForm<Values>({
    id: 'new-program',
    initial: { kind: 'rights-offering', name: '', issuer: '', cusip: '', recordDate: '' },
    schema,
    normalize: (name) => normalize[name as keyof typeof normalize],
    onProblem: (m) => status.report(m, 'problem'),
  });

  const save = async () => {
    setProblem(null);
    if (!(await form.checkForSave())) return false;
    const v = form.values;
    const date = parseKeyedDate(v.recordDate, 'Record date');
    if (!date.ok) return false;
    const result = await call('programs.create', {
      kind: v.kind as ProgramKind,
      name: v.name,
      issuer: v.issuer,
      cusip: normalizeKeyedCusip(v.cusip),
      recordDate: date.iso,
    });
    if (!result.ok) {
      if (!(result.error.field && form.showFieldProblem(result.error.field, result.error.message))) setProblem(result.error.message);
      status.report(result.error.message, 'problem');
      return false;
    }
    // Saved: nothing keyed is left to abandon, even while the list below is being fetched again.
    form.reset({ kind: v.kind });
    // The list shows the new item before the focus goes back to the first field.
    await invalidateTopics(queryClient, ['programs']);
    status.report(`Program “${result.value.name}” created (CUSIP ${result.value.cusip}).`, 'done');
    return true;
  };

  return (
    <EntryForm title="New program" onSave={save} onAbandon={onClose} dirty={form.dirty} saveLabel="Create program" problem={problem}>
      <SelectField label="Kind" field={form.bind('kind')} options={KIND_OPTIONS} autoFocus hint="R: rights offering, O: odd-lot" />
      <TextField label="Program name" field={form.bind('name')} />
      <TextField label="Issuer" field={form.bind('issuer')} />
      <TextField label="CUSIP" field={form.bind('cusip')} maxLength={KEYED_CUSIP_MAX_LENGTH} upperCase hint="9 characters, check digit last; spaces as printed are fine" />
      <TextField label="Record date" field={form.bind('recordDate')} inputMode="numeric" hint="MMDDYY, MMDDYYYY or MM/DD/YYYY" />
    </EntryForm>
  );
}
