import type { AssessmentView, NomineePositionView } from '../../../../../shared/ipc/intake-more';
import { CheckField } from '../../../components/CheckField';
import { TextField } from '../../../components/TextField';
import type { EntryFormState } from '../../../components/useEntryForm';
import { LINE_FIELDS, MAX_LINES, type DtcValues } from './dtc-values';

/** What the fields need of their form (keying one, or correcting one with its reason besides). */
type InstructionForm = Pick<EntryFormState<DtcValues>, 'bind' | 'setValue'> & { readonly values: DtcValues };

interface Props {
  readonly form: InstructionForm;
  readonly preview: { assessment: AssessmentView; position: NomineePositionView } | null;
  /** Correcting: the settlement stays as received, shown, not keyed; the position's figures leave out the instruction replaced. */
  readonly correcting?: boolean;
}

const count = (n: number) => n.toLocaleString('en-US');

/** What the settlement is when it is not keyed again: shown in words, with why it does not change. */
function SettlementAsReceived({ form }: { form: InstructionForm }) {
  const v = form.values;
  return (
    <dl className="fixed-fields" aria-label="DTC settlement as received">
      <dt>DTC settlement amount</dt>
      <dd>{`$${v.amount} — stays as received`}</dd>
      <dt>Settled through DTC</dt>
      <dd>{v.settled === 'yes' ? 'Yes — collected, stays as received' : 'No — not collected yet, stays as received'}</dd>
      <dd className="muted">A different amount or settlement is corrected as a payment, not by correcting the instruction.</dd>
    </dl>
  );
}

/** The instruction's fields from its position to its Nominee Holder Certification, as keyed and as corrected. */
export function DtcInstructionFields({ form, preview, correcting = false }: Props) {
  const p = preview?.position;
  const visibleLines = Math.min(MAX_LINES, Math.max(1, form.values.lines.reduce((last, l, i) => (LINE_FIELDS.some((f) => l[f].trim() !== '') ? i + 1 : last), 0) + 1));
  const certificationMissing = preview?.assessment.deficiencies.find((d) => d.code === 'NOMINEE_CERTIFICATION_MISSING');
  return (
    <>
      <TextField label="Certificate number" field={form.bind('certificateNumber')} upperCase hint="the nominee’s position, e.g. RT-000008 (Cede & Co)" />
      {p ? (
        <p className="muted">
          {`${p.nominee}: ${count(p.firmRights)} firm rights, ${count(p.surrendered)} surrendered, ${count(p.left)} left`}
          {correcting ? ' — not counting the instruction being corrected, which is reversed when the correction is saved' : ''}
        </p>
      ) : null}
      <TextField label="VOI number" field={form.bind('voiNumber')} />
      <TextField label="Participant number" field={form.bind('participantNumber')} inputMode="numeric" />
      <TextField label="Participant name" field={form.bind('participantName')} />
      <TextField label="Rights surrendered" field={form.bind('rightsSurrendered')} inputMode="numeric" />
      <TextField label="Basic shares" field={form.bind('basicShares')} inputMode="numeric" />
      <TextField label="Oversubscription shares" field={form.bind('oversubscriptionShares')} inputMode="numeric" />
      {correcting ? (
        <SettlementAsReceived form={form} />
      ) : (
        <>
          <TextField label="DTC settlement amount" field={form.bind('amount')} inputMode="decimal" hint="dollars and cents" />
          <CheckField label="Settled through DTC" field={form.bind('settled')} onToggle={(on) => form.setValue('settled', on ? 'yes' : 'no')} hint="Space: DTC’s settlement is collected (good funds, like a wire)" />
        </>
      )}
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
    </>
  );
}
