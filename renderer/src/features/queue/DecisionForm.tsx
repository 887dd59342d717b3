import { useId, useState, type ReactNode } from 'react';
import type { DeficiencyCode } from '../../../../shared/domain/deficiencies';
import type { DecisionKindInput, ItemFileView } from '../../../../shared/ipc/queue';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { EntryForm } from '../../components/EntryForm';
import { normalizeKeyedDate } from '../../lib/dates';
import { readDecision, type DecisionKeyed, type DecisionProblems } from './decision-values';

const KINDS: readonly { value: DecisionKindInput; label: string }[] = [
  { value: 'waive', label: 'Waive' },
  { value: 'allow-cure', label: 'Allow a cure by a date' },
  { value: 'cured', label: 'Cured' },
  { value: 'reject', label: 'Reject (good funds refunded)' },
];

interface Props {
  readonly programId: number;
  readonly file: ItemFileView;
  readonly yourHands: boolean;
  readonly onDecided: () => void;
  readonly onAbandon: () => void;
}

/** The supervisor's decision: what, which open deficiencies, why, and by when for a cure. Enter on the last field (or Ctrl+Enter) decides; Esc goes back. */
export function DecisionForm({ programId, file, yourHands, onDecided, onAbandon }: Props) {
  const id = useId();
  const call = useDesk();
  const status = useStatus();
  const open = file.deficiencies.filter((d) => d.state === 'open');
  const [keyed, setKeyed] = useState<DecisionKeyed>({ decision: 'waive', codes: [], reason: '', cureBy: '' });
  const [shown, setShown] = useState<DecisionProblems>({});
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const dirty = keyed.codes.length > 0 || keyed.reason !== '' || keyed.cureBy !== '';

  // Problems follow each change once a field was left (or a decision tried).
  const update = (next: DecisionKeyed, touch?: string) => {
    setKeyed(next);
    const seen = touch ? new Set([...touched, touch]) : touched;
    if (touch) setTouched(seen);
    const { problems } = readDecision(next);
    setShown(Object.fromEntries(Object.entries(problems).filter(([k]) => seen.has(k))));
  };
  const toggle = (code: DeficiencyCode, on: boolean) => update({ ...keyed, codes: on ? [...keyed.codes, code] : keyed.codes.filter((c) => c !== code) }, 'codes');

  const decide = async (): Promise<boolean> => {
    const { input, problems } = readDecision(keyed);
    setTouched(new Set(['codes', 'reason', 'cureBy']));
    setShown(problems);
    const first = (['codes', 'reason', 'cureBy'] as const).find((k) => problems[k]);
    if (!input) {
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return false;
    }
    const result = await call('queue.decide', { programId, item: file.ref, ...input });
    if (!result.ok) {
      const field = result.error.field?.split('.')[0];
      if (field === 'reason' || field === 'cureBy' || field === 'codes') {
        setShown({ [field]: result.error.message });
        document.getElementById(`${id}-${field}`)?.focus();
      } else setProblem(result.error.message);
      status.report(result.error.message, 'problem');
      return false;
    }
    const v = result.value;
    status.report(`${file.itemWords}: ${v.statusWords}${v.refund ? `; $${v.refund} scheduled for refund` : ''}${v.warning ? `. ${v.warning}` : ''}`, v.warning ? 'info' : 'done');
    onDecided();
    return true;
  };

  const field = (key: keyof DecisionProblems, label: string, input: ReactNode) => (
    <div className={shown[key] ? 'field has-problem' : 'field'}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {input}
      {shown[key] ? (
        <span className="field-problem" id={`${id}-${key}-problem`}>
          {shown[key]}
        </span>
      ) : null}
    </div>
  );
  const described = (key: keyof DecisionProblems) => (shown[key] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${key}-problem` } : {});

  return (
    <EntryForm title="Decision" onSave={decide} onAbandon={() => onAbandon()} dirty={dirty} saveLabel="Decide" problem={problem}>
      {yourHands ? <p className="notice">You keyed or changed this item: under four-eyes another supervisor must decide it.</p> : null}
      <div className="field">
        <label htmlFor={`${id}-decision`}>Decision</label>
        <select id={`${id}-decision`} data-field autoFocus value={keyed.decision} onChange={(e) => update({ ...keyed, decision: e.target.value as DecisionKindInput })}>
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      <fieldset className={shown.codes ? 'field has-problem' : 'field'} aria-describedby={shown.codes ? `${id}-codes-problem` : undefined}>
        <legend>Deficiencies it covers{keyed.decision === 'reject' ? ' (none ticked: every open one)' : ''}</legend>
        {open.map((d, i) => (
          <div key={d.code} className="check-field">
            <input
              id={i === 0 ? `${id}-codes` : `${id}-codes-${d.code}`}
              type="checkbox"
              data-field
              checked={keyed.codes.includes(d.code)}
              onChange={(e) => toggle(d.code, e.target.checked)}
              {...(shown.codes ? { 'aria-invalid': true as const } : {})}
            />
            <label htmlFor={i === 0 ? `${id}-codes` : `${id}-codes-${d.code}`}>
              {d.title}
              {d.waivable ? '' : ' (never waivable)'}
            </label>
          </div>
        ))}
        {open.length > 1 ? (
          <button type="button" onClick={() => update({ ...keyed, codes: open.map((d) => d.code) }, 'codes')}>
            Tick every open deficiency
          </button>
        ) : null}
        {shown.codes ? (
          <span className="field-problem" id={`${id}-codes-problem`}>
            {shown.codes}
          </span>
        ) : null}
      </fieldset>
      {field(
        'reason',
        'Reason',
        <input id={`${id}-reason`} data-field value={keyed.reason} maxLength={500} autoComplete="off" onChange={(e) => update({ ...keyed, reason: e.target.value })} onBlur={() => update(keyed, keyed.reason === '' && !touched.has('reason') ? undefined : 'reason')} {...described('reason')} />,
      )}
      {keyed.decision === 'allow-cure'
        ? field(
            'cureBy',
            'Cure by (MMDDYY)',
            <input
              id={`${id}-cureBy`}
              data-field
              value={keyed.cureBy}
              inputMode="numeric"
              maxLength={10}
              autoComplete="off"
              onChange={(e) => update({ ...keyed, cureBy: e.target.value })}
              onBlur={() => update({ ...keyed, cureBy: normalizeKeyedDate(keyed.cureBy) }, keyed.cureBy === '' && !touched.has('cureBy') ? undefined : 'cureBy')}
              {...described('cureBy')}
            />,
          )
        : null}
    </EntryForm>
  );
}
