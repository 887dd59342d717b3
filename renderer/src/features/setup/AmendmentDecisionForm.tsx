import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { decideAmendmentInput } from '../../../../shared/ipc/amendment-schemas';
import type { AmendmentView } from '../../../../shared/ipc/types';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { EntryForm } from '../../components/EntryForm';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useEntryForm } from '../../components/useEntryForm';
import { invalidateTopics } from '../../frame/query';
import { checkWith, formSchema } from '../../lib/validation';

type Values = { decision: string; note: string };

const checks = {
  decision: checkWith<Values>(decideAmendmentInput.shape.decision, 'Decision'),
  note: checkWith<Values>(decideAmendmentInput.shape.note, 'Note'),
};
const schema = formSchema<Values>(() => checks);

const DECISIONS = [
  { value: 'approve', label: 'Approve: the proposal becomes the next version' },
  { value: 'reject', label: 'Reject: the terms stay as they are' },
];

/** The second supervisor's decision on a pending amendment: approve or reject, with a note. */
export function AmendmentDecisionForm({ amendment }: { amendment: AmendmentView }) {
  const call = useDesk();
  const status = useStatus();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useEntryForm<Values>({ id: `decide-${amendment.id}`, initial: { decision: 'approve', note: '' }, schema, onProblem: (m) => status.report(m, 'problem') });

  const save = async () => {
    setProblem(null);
    if (!(await form.checkForSave())) return false;
    const { decision, note } = form.values;
    const result = await call('terms.decideAmendment', { amendmentId: amendment.id, decision: decision === 'reject' ? 'reject' : 'approve', note });
    if (!result.ok) {
      if (!(result.error.field && form.showFieldProblem(result.error.field, result.error.message))) setProblem(result.error.message);
      status.report(result.error.message, 'problem');
      return false;
    }
    form.reset();
    await invalidateTopics(queryClient, ['terms']);
    status.report(result.value.status === 'approved' ? `Amendment #${amendment.id} approved: it is now the current version of the terms.` : `Amendment #${amendment.id} rejected: the terms stay as they were.`, 'done');
    return true;
  };

  const abandon = (discarded: boolean) => {
    form.reset();
    if (discarded) status.report(`Decision on amendment #${amendment.id} abandoned; nothing was recorded.`, 'info');
  };

  return (
    <EntryForm title={`Decide amendment #${amendment.id}`} onSave={save} onAbandon={abandon} dirty={form.dirty} saveLabel="Record decision" problem={problem} className="amendment-decision">
      <SelectField label="Decision" field={form.bind('decision')} options={DECISIONS} hint="A: approve, R: reject" />
      <TextField label="Note" field={form.bind('note')} hint="Why, in a few words, e.g. Checked against the notice of extension" />
    </EntryForm>
  );
}
