import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyedDtcInstruction } from '../../../../../shared/ipc/intake-more';
import { correctDtcInstructionInput } from '../../../../../shared/ipc/intake-more';
import { useDesk } from '../../../app/DeskContext';
import { useStatus } from '../../../app/StatusContext';
import { EntryForm } from '../../../components/EntryForm';
import { TextField } from '../../../components/TextField';
import { useEntryForm } from '../../../components/useEntryForm';
import { invalidateTopics, useDeskQuery } from '../../../frame/query';
import { formatIsoDate } from '../../../lib/dates';
import { checkWith, formSchema } from '../../../lib/validation';
import { AssessmentPanel } from '../more/AssessmentPanel';
import { DtcInstructionFields } from './DtcInstructionFields';
import { inputOf, instructionChecks, normalizeDtc, useDtcPreview, valuesOf, type DtcValues, type Flat } from './dtc-values';

type Values = DtcValues & { reason: string };

const schema = formSchema<Flat>((flat) => ({ reason: checkWith<Flat>(correctDtcInstructionInput.shape.reason, 'Reason for the correction'), ...instructionChecks(flat) }));

/** Main's refusals about the settlement or the instruction as a whole go in the form's problem line: they have no field keyed here. */
const NOT_KEYED_HERE = new Set(['amount', 'settled', 'envelopeId', 'electionId', 'lines']);

/** The envelope the instruction came in, in words: it stays the instruction's own. */
function EnvelopeText({ programId, envelopeId }: { programId: number; envelopeId: number }) {
  const envelopes = useDeskQuery('intakeItems.envelopes', { programId }, { topics: ['intake'] });
  const e = envelopes.data?.find((x) => x.envelopeId === envelopeId);
  const words = e ? `${e.batchLabel} · envelope ${e.seq} · ${e.source} · stamped ${formatIsoDate(e.stampedLocal.slice(0, 10))} ${e.stampedLocal.slice(11)}` : `Envelope ${envelopeId}`;
  return (
    <dl className="fixed-fields" aria-label="Envelope">
      <dt>Envelope</dt>
      <dd>{`${words} — the instruction’s own: its receipt stamp stands for the corrected instruction`}</dd>
    </dl>
  );
}

/**
 * §4a: a saved DTC instruction is never edited. Correcting it keys it again under its VOI number,
 * with a reason: main reverses it and saves the new one in one change, carrying its settlement.
 */
function CorrectionEntry({ programId, keyed, onDone }: { programId: number; keyed: KeyedDtcInstruction; onDone: () => void }) {
  const call = useDesk();
  const status = useStatus();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(keyed.reversed ? `Instruction ${keyed.electionId} (VOI ${keyed.voiNumber}) was already corrected: correct the instruction that replaced it.` : null);
  const form = useEntryForm<Values>({ id: 'dtc-correction', initial: { ...valuesOf(keyed), reason: '' }, schema, normalize: normalizeDtc, onProblem: (m) => status.report(m, 'problem') });
  const input = useMemo(() => inputOf(form.values), [form.values]);
  const preview = useDtcPreview(input, 'The engine reads the corrected instruction as you type.', keyed.electionId);

  const save = async () => {
    setProblem(null);
    if (!(await form.checkForSave())) return false;
    const instruction = inputOf(form.values);
    if (!instruction) return false;
    const result = await call('dtc.correct', { electionId: keyed.electionId, reason: form.values.reason, instruction });
    if (!result.ok) {
      const field = result.error.field?.replace(/^instruction\./, '');
      if (!(field && !NOT_KEYED_HERE.has(field) && form.showFieldProblem(field, result.error.message))) setProblem(result.error.message);
      status.report(result.error.message, 'problem');
      return false;
    }
    const saved = result.value;
    const codes = saved.assessment.deficiencies.map((d) => d.code);
    status.report(`VOI ${saved.voiNumber} corrected: instruction ${keyed.electionId} reversed, keyed again as ${saved.electionId}${codes.length > 0 ? ` — deficient: ${codes.join(', ')}` : ' — no deficiencies'}.`, 'done');
    form.reset();
    await invalidateTopics(queryClient, ['intake']);
    onDone();
    return true;
  };

  return (
    <div className="intake-item">
      <div>
        <EntryForm title={`Correct instruction ${keyed.electionId}: VOI ${keyed.voiNumber}`} onSave={save} onAbandon={onDone} dirty={form.dirty} saveLabel="Correct instruction" problem={problem} className="correction-form">
          <TextField label="Reason for the correction" field={form.bind('reason')} hint="why, in a few words; the instruction is reversed with it" autoFocus />
          <EnvelopeText programId={programId} envelopeId={keyed.envelopeId} />
          <DtcInstructionFields form={form} preview={preview.preview} correcting />
        </EntryForm>
      </div>
      <AssessmentPanel assessment={preview.preview?.assessment ?? null} problem={preview.problem} />
    </div>
  );
}

/** Reads the instruction as keyed, then opens its correction; Esc (or a refusal to read it) goes back to keying new ones. */
export function DtcCorrectionForm({ programId, electionId, onDone }: { programId: number; electionId: number; onDone: () => void }) {
  const call = useDesk();
  const status = useStatus();
  const [keyed, setKeyed] = useState<KeyedDtcInstruction | null>(null);
  // Read once per instruction opened: the status line and the way back need not start another reading.
  const refused = useRef<(message: string) => void>(() => undefined);
  useEffect(() => {
    refused.current = (message) => {
      status.report(message, 'problem');
      onDone();
    };
  }, [status, onDone]);
  useEffect(() => {
    let live = true;
    void call('dtc.keyed', { electionId }).then((r) => {
      if (!live) return;
      if (r.ok) setKeyed(r.value);
      else refused.current(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [call, electionId]);
  if (!keyed) return <p className="muted">{`Reading instruction ${electionId} as it was keyed…`}</p>;
  return <CorrectionEntry programId={programId} keyed={keyed} onDone={onDone} />;
}
