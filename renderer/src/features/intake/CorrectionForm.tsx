import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BatchItemView } from '../../../../shared/ipc/intake-forms';
import { correctElectionInput } from '../../../../shared/ipc/intake-forms';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { EntryForm } from '../../components/EntryForm';
import { useEntryForm } from '../../components/useEntryForm';
import { invalidateTopics } from '../../frame/query';
import { normalizeShares, parseKeyedShares } from '../../lib/amounts';
import { checkWith, formSchema } from '../../lib/validation';
import { CHECK_FIELDS, CHECK_LABELS, type CheckFieldName, type YesNo } from './election-values';
import { KeyedField } from './KeyedField';
import { YesNoField } from './YesNoField';

type Values = { reason: string; basicShares: string; oversubscriptionShares: string; capacity: string } & Record<CheckFieldName, YesNo>;

const shares = (label: string) => (v: string) => (v.trim() === '' || parseKeyedShares(v) !== null ? null : `${label}: type whole shares as digits, e.g. 100`);
const schema = formSchema<Values>(() => ({
  reason: checkWith<Values>(correctElectionInput.shape.reason, 'Reason for the correction'),
  basicShares: shares('Basic shares'),
  oversubscriptionShares: shares('Oversubscription shares'),
}));

const yn = (b: boolean): YesNo => (b ? 'yes' : 'no');

/**
 * §4a: a saved item is never edited. Correcting it keys the form again with a reason: the item is
 * reversed and a new one names it, in one change; its money stays deposited and moves to the new one.
 */
export function CorrectionForm({ item, batchId, onDone }: { readonly item: BatchItemView; readonly batchId: number; readonly onDone: () => void }) {
  const call = useDesk();
  const status = useStatus();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const a = item.answers;
  const form = useEntryForm<Values>({
    id: 'correction',
    initial: {
      reason: '',
      basicShares: item.basicShares === null ? '' : String(item.basicShares),
      oversubscriptionShares: item.oversubscriptionShares === 0 ? '' : String(item.oversubscriptionShares),
      capacity: a.capacity,
      ...(Object.fromEntries(CHECK_FIELDS.map((f) => [f, yn(a[f])])) as Record<CheckFieldName, YesNo>),
    },
    schema,
    normalize: (name) => (name.endsWith('Shares') ? normalizeShares : undefined),
    onProblem: (m) => status.report(m, 'problem'),
  });
  const v = form.values;

  const save = async () => {
    setProblem(null);
    if (!(await form.checkForSave())) return false;
    const yes = (f: CheckFieldName) => v[f] === 'yes';
    const result = await call('intake.correctElection', {
      electionId: item.electionId,
      reason: v.reason,
      draft: {
        batchId, envelopeId: item.envelopeId, certificateNumber: item.certificateNumber,
        basicShares: v.basicShares.trim() === '' ? null : parseKeyedShares(v.basicShares),
        oversubscriptionShares: v.oversubscriptionShares.trim() === '' ? 0 : (parseKeyedShares(v.oversubscriptionShares) ?? 0),
        signed: yes('signed'), signatureMatches: yes('signatureMatches'), allJointHoldersSigned: yes('allJointHoldersSigned'), fiduciary: yes('fiduciary'),
        capacity: yes('fiduciary') ? v.capacity : '', fiduciaryEvidence: yes('fiduciaryEvidence'), deliverElsewhere: yes('deliverElsewhere'), medallion: yes('medallion'),
        taxFormOnFile: yes('taxFormOnFile'), foreignInstruction: a.foreignInstruction, payments: [],
      },
    });
    if (!result.ok) {
      if (!(result.error.field && form.showFieldProblem(result.error.field === 'draft.basicShares' ? 'basicShares' : result.error.field, result.error.message))) setProblem(result.error.message);
      status.report(result.error.message, 'problem');
      return false;
    }
    const codes = result.value.verdict.deficiencies.map((d) => d.code);
    status.report(`Item ${item.electionId} corrected: reversed, and keyed again as item ${result.value.electionId}${codes.length ? ` — deficiencies ${codes.join(', ')}` : ' — no deficiencies'}.`, 'done');
    form.reset();
    await invalidateTopics(queryClient, ['intake']);
    onDone();
    return true;
  };

  return (
    <EntryForm title={`Correct item ${item.electionId}: ${item.certificateNumber}`} onSave={save} onAbandon={onDone} dirty={form.dirty} saveLabel="Correct item" problem={problem} className="correction-form">
      <KeyedField label="Reason for the correction" field={form.bind('reason')} hint="why, in a few words" autoFocus />
      <KeyedField label="Basic shares" field={form.bind('basicShares')} inputMode="numeric" hint="blank: no number indicated" />
      <KeyedField label="Oversubscription shares" field={form.bind('oversubscriptionShares')} inputMode="numeric" />
      {CHECK_FIELDS.map((f) => (
        <YesNoField key={f} label={CHECK_LABELS[f]} field={form.bind(f)} onAnswer={(yes) => form.setValue(f, yes ? 'yes' : 'no')} />
      ))}
      <p className="muted">The item’s payments ({item.amount}) stay deposited and are applied to the corrected item.</p>
    </EntryForm>
  );
}
