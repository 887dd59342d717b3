import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useDesk } from '../../../app/DeskContext';
import { useStatus } from '../../../app/StatusContext';
import { EntryForm } from '../../../components/EntryForm';
import { useEntryForm } from '../../../components/useEntryForm';
import { invalidateTopics } from '../../../frame/query';
import { formSchema } from '../../../lib/validation';
import { AssessmentPanel } from '../more/AssessmentPanel';
import { EnvelopeField } from '../more/EnvelopeField';
import { DtcInstructionFields } from './DtcInstructionFields';
import { INITIAL_DTC, inputOf, instructionChecks, normalizeDtc, useDtcPreview, type DtcValues, type Flat } from './dtc-values';

const schema = formSchema<Flat>(instructionChecks);

/** A nominee's DTC instruction with its Nominee Holder Certification; the engine reads it as the clerk types. */
export function DtcInstructionForm({ programId }: { programId: number }) {
  const call = useDesk();
  const status = useStatus();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useEntryForm<DtcValues>({ id: 'dtc', initial: INITIAL_DTC, schema, normalize: normalizeDtc, onProblem: (m) => status.report(m, 'problem') });
  const input = useMemo(() => inputOf(form.values), [form.values]);
  const preview = useDtcPreview(input, 'Key the instruction: the engine reads it as you type.');

  const save = async () => {
    setProblem(null);
    if (!(await form.checkForSave())) return false;
    const keyed = inputOf(form.values);
    if (!keyed) return false;
    const result = await call('dtc.save', keyed);
    if (!result.ok) {
      if (!(result.error.field && form.showFieldProblem(result.error.field, result.error.message))) setProblem(result.error.message);
      status.report(result.error.message, 'problem');
      return false;
    }
    const saved = result.value;
    form.reset({ envelopeId: form.values.envelopeId });
    preview.clear('Key the next instruction.');
    await invalidateTopics(queryClient, ['intake']);
    const codes = saved.assessment.deficiencies.map((d) => d.code);
    status.report(`VOI ${saved.voiNumber} saved on ${saved.certificateNumber}${codes.length > 0 ? ` — deficient: ${codes.join(', ')}` : ' — no deficiencies'}.`, 'done');
    return true;
  };

  return (
    <div className="intake-item">
      <div>
        <EntryForm title="DTC instruction" onSave={save} onAbandon={() => form.reset({ envelopeId: form.values.envelopeId })} dirty={form.dirty} saveLabel="Save instruction" problem={problem}>
          <EnvelopeField programId={programId} field={form.bind('envelopeId')} autoFocus />
          <DtcInstructionFields form={form} preview={preview.preview} />
        </EntryForm>
      </div>
      <AssessmentPanel assessment={preview.preview?.assessment ?? null} problem={preview.problem} />
    </div>
  );
}
