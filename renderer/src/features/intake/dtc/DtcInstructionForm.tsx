import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { AssessmentView, DtcInstructionInput, NomineePositionView } from '../../../../../shared/ipc/intake-more';
import { useDesk } from '../../../app/DeskContext';
import { useStatus } from '../../../app/StatusContext';
import { CheckField } from '../../../components/CheckField';
import { EntryForm } from '../../../components/EntryForm';
import { TextField } from '../../../components/TextField';
import { useEntryForm } from '../../../components/useEntryForm';
import { invalidateTopics } from '../../../frame/query';
import { normalizeMoney, normalizeShares, plainDecimal } from '../../../lib/amounts';
import { useDebounced } from '../../../lib/useDebounced';
import { formSchema, type FieldCheck } from '../../../lib/validation';
import { AssessmentPanel } from '../more/AssessmentPanel';
import { EnvelopeField } from '../more/EnvelopeField';
import { keyedCertificate, moneyCheck, requiredText, sharesCheck, sharesOf, yes } from '../more/keyed';

const MAX_LINES = 50;
type Line = { ownerReference: string; recordDateHolding: string; basicExercised: string; oversubscriptionRequested: string };
type Values = {
  envelopeId: string; certificateNumber: string; voiNumber: string; participantNumber: string; participantName: string;
  rightsSurrendered: string; basicShares: string; oversubscriptionShares: string; amount: string; settled: string; certified: string; lines: Line[];
};
type Flat = Record<string, string>;

const blankLine = (): Line => ({ ownerReference: '', recordDateHolding: '', basicExercised: '', oversubscriptionRequested: '' });
const INITIAL: Values = {
  envelopeId: '', certificateNumber: '', voiNumber: '', participantNumber: '', participantName: '', rightsSurrendered: '', basicShares: '', oversubscriptionShares: '0',
  amount: '', settled: 'yes', certified: 'no', lines: Array.from({ length: MAX_LINES }, blankLine),
};
const LINE_FIELDS = ['ownerReference', 'recordDateHolding', 'basicExercised', 'oversubscriptionRequested'] as const;
const lineBlank = (flat: Flat, i: number) => LINE_FIELDS.every((f) => (flat[`lines.${i}.${f}`] ?? '').trim() === '');

const schema = formSchema<Flat>((flat) => {
  const checks: Record<string, FieldCheck<Flat>> = {
    envelopeId: requiredText('Envelope'),
    certificateNumber: requiredText('Certificate number'),
    voiNumber: requiredText('VOI number', /^[A-Za-z0-9-]{1,20}$/, 'letters and digits as DTC gave it, e.g. 0012345'),
    participantNumber: requiredText('Participant number', /^\d{1,5}$/, 'DTC’s participant number, up to 5 digits'),
    participantName: requiredText('Participant name'),
    rightsSurrendered: sharesCheck('Rights surrendered'),
    basicShares: sharesCheck('Basic shares'),
    oversubscriptionShares: sharesCheck('Oversubscription shares'),
    amount: moneyCheck('DTC settlement amount'),
  };
  for (let i = 0; i < MAX_LINES; i += 1) {
    if (lineBlank(flat, i)) continue;
    checks[`lines.${i}.ownerReference`] = requiredText(`Line ${i + 1} beneficial owner`);
    checks[`lines.${i}.recordDateHolding`] = sharesCheck(`Line ${i + 1} record-date holding`);
    checks[`lines.${i}.basicExercised`] = sharesCheck(`Line ${i + 1} basic exercised`);
    checks[`lines.${i}.oversubscriptionRequested`] = sharesCheck(`Line ${i + 1} oversubscription requested`);
  }
  return checks;
});

const NORMALIZE: Record<string, (v: string) => string> = { amount: normalizeMoney, rightsSurrendered: normalizeShares, basicShares: normalizeShares, oversubscriptionShares: normalizeShares, certificateNumber: keyedCertificate };

/** The keyed values as the channel's input, or null while something needed does not read yet. */
function inputOf(v: Values): DtcInstructionInput | null {
  if (v.envelopeId === '' || v.certificateNumber.trim() === '' || v.voiNumber.trim() === '' || v.participantNumber.trim() === '' || v.participantName.trim() === '' || v.amount.trim() === '' || v.rightsSurrendered.trim() === '' || v.basicShares.trim() === '') return null;
  const lines = v.lines.filter((l) => LINE_FIELDS.some((f) => l[f].trim() !== '')).map((l) => ({ ownerReference: l.ownerReference.trim(), recordDateHolding: sharesOf(l.recordDateHolding), basicExercised: sharesOf(l.basicExercised), oversubscriptionRequested: sharesOf(l.oversubscriptionRequested) }));
  return {
    envelopeId: Number(v.envelopeId), certificateNumber: keyedCertificate(v.certificateNumber), voiNumber: v.voiNumber.trim(), participantNumber: v.participantNumber.trim(), participantName: v.participantName.trim(),
    rightsSurrendered: sharesOf(v.rightsSurrendered), basicShares: sharesOf(v.basicShares), oversubscriptionShares: sharesOf(v.oversubscriptionShares), amount: plainDecimal(v.amount),
    settled: yes(v.settled), certified: yes(v.certified), lines,
  };
}

/** A nominee's DTC instruction with its Nominee Holder Certification; the engine reads it as the clerk types. */
export function DtcInstructionForm({ programId }: { programId: number }) {
  const call = useDesk();
  const status = useStatus();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ assessment: AssessmentView; position: NomineePositionView } | null>(null);
  const [previewProblem, setPreviewProblem] = useState<string | null>('Key the instruction: the engine reads it as you type.');
  const form = useEntryForm<Values>({ id: 'dtc', initial: INITIAL, schema, normalize: (name) => NORMALIZE[name], onProblem: (m) => status.report(m, 'problem') });
  const input = useMemo(() => inputOf(form.values), [form.values]);
  const settledInput = useDebounced(JSON.stringify(input), 250);

  useEffect(() => {
    const keyed = JSON.parse(settledInput) as DtcInstructionInput | null;
    if (!keyed) return;
    let live = true;
    void call('dtc.preview', keyed).then((r) => {
      if (!live) return;
      if (r.ok) {
        setPreview(r.value);
        setPreviewProblem(null);
      } else {
        setPreview(null);
        setPreviewProblem(r.error.message);
      }
    });
    return () => {
      live = false;
    };
  }, [settledInput, call]);

  const visibleLines = Math.min(MAX_LINES, Math.max(1, form.values.lines.reduce((last, l, i) => (LINE_FIELDS.some((f) => l[f].trim() !== '') ? i + 1 : last), 0) + 1));
  const certificationMissing = preview?.assessment.deficiencies.find((d) => d.code === 'NOMINEE_CERTIFICATION_MISSING');

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
    setPreview(null);
    setPreviewProblem('Key the next instruction.');
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
        <TextField label="Certificate number" field={form.bind('certificateNumber')} upperCase hint="the nominee’s position, e.g. RT-000008 (Cede & Co)" />
        {preview ? <p className="muted">{`${preview.position.nominee}: ${preview.position.firmRights.toLocaleString('en-US')} firm rights, ${preview.position.surrendered.toLocaleString('en-US')} surrendered, ${preview.position.left.toLocaleString('en-US')} left`}</p> : null}
        <TextField label="VOI number" field={form.bind('voiNumber')} />
        <TextField label="Participant number" field={form.bind('participantNumber')} inputMode="numeric" />
        <TextField label="Participant name" field={form.bind('participantName')} />
        <TextField label="Rights surrendered" field={form.bind('rightsSurrendered')} inputMode="numeric" />
        <TextField label="Basic shares" field={form.bind('basicShares')} inputMode="numeric" />
        <TextField label="Oversubscription shares" field={form.bind('oversubscriptionShares')} inputMode="numeric" />
        <TextField label="DTC settlement amount" field={form.bind('amount')} inputMode="decimal" hint="dollars and cents" />
        <CheckField label="Settled through DTC" field={form.bind('settled')} onToggle={(on) => form.setValue('settled', on ? 'yes' : 'no')} hint="Space: DTC’s settlement is collected (good funds, like a wire)" />
        <CheckField label="Certification made" field={form.bind('certified')} onToggle={(on) => form.setValue('certified', on ? 'yes' : 'no')} hint="Space: the nominee certifies each beneficial owner exercised its basic rights in full" />
        {certificationMissing ? <p className="field-problem" role="status">{`${certificationMissing.title} — deficiency ${certificationMissing.code}`}</p> : null}
        <fieldset className="certification-lines">
          <legend>Nominee Holder Certification: one line per beneficial owner</legend>
          {Array.from({ length: visibleLines }, (_, i) => (
            <div className="certification-line" key={i}>
              <TextField label={`Line ${i + 1} beneficial owner`} field={form.bind(`lines.${i}.ownerReference`)} />
              <TextField label={`Line ${i + 1} record-date holding`} field={form.bind(`lines.${i}.recordDateHolding`)} inputMode="numeric" />
              <TextField label={`Line ${i + 1} basic exercised`} field={form.bind(`lines.${i}.basicExercised`)} inputMode="numeric" />
              <TextField label={`Line ${i + 1} oversubscription requested`} field={form.bind(`lines.${i}.oversubscriptionRequested`)} inputMode="numeric" />
            </div>
          ))}
        </fieldset>
      </EntryForm>
      </div>
      <AssessmentPanel assessment={preview?.assessment ?? null} problem={previewProblem} />
    </div>
  );
}
