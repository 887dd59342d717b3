import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { DEFICIENCIES } from '../../../../shared/domain/deficiencies';
import type { QueueFilterInput, QueueStatusFilter } from '../../../../shared/ipc/queue';

type Filter = Omit<QueueFilterInput, 'programId'>;

interface Keyed {
  status: QueueStatusFilter;
  code: string;
  minAge: string;
  batchId: string;
  clerkId: string;
}

const BLANK: Keyed = { status: 'in-queue', code: '', minAge: '', batchId: '', clerkId: '' };

const STATUS_OPTIONS: readonly { value: QueueStatusFilter; label: string }[] = [
  { value: 'in-queue', label: 'Waiting for a decision' },
  { value: 'open', label: 'Open' },
  { value: 'cure-arrived', label: 'Cure arrived' },
  { value: 'cure-lapsed', label: 'Cure lapsed' },
  { value: 'awaiting-cure', label: 'Awaiting cure' },
  { value: 'accepted', label: 'Accepted' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'withdrawn', label: 'Withdrawn (corrected)' },
  { value: 'clean', label: 'Clean' },
  { value: 'all', label: 'Every item' },
];

/** The keyed filter as the channel's; the age must be a whole number of business days. */
export function readQueueFilter(k: Keyed): { filter: Filter; problem: string | null } {
  const age = k.minAge.trim();
  if (age !== '' && !/^\d{1,4}$/.test(age)) return { filter: {}, problem: 'Age: type a whole number of business days, e.g. 3' };
  return {
    filter: {
      status: k.status,
      ...(k.code ? { code: k.code as Filter['code'] } : {}),
      ...(age ? { minAge: Number(age) } : {}),
      ...(k.batchId ? { batchId: Number(k.batchId) } : {}),
      ...(k.clerkId ? { clerkId: Number(k.clerkId) } : {}),
    },
    problem: null,
  };
}

interface Props {
  readonly batches: readonly { id: number; label: string }[];
  readonly clerks: readonly { id: number; name: string }[];
  readonly onApply: (filter: Filter) => void;
}

/** Which items: status, deficiency, age, batch, who keyed it. Enter applies. */
export function QueueFilters({ batches, clerks, onApply }: Props) {
  const id = useId();
  const [keyed, setKeyed] = useState<Keyed>(BLANK);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (key: keyof Keyed) => (e: { target: { value: string } }) => setKeyed((k) => ({ ...k, [key]: e.target.value }));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const read = readQueueFilter(keyed);
    setProblem(read.problem);
    if (read.problem === null) onApply(read.filter);
  };
  const clear = () => {
    setKeyed(BLANK);
    setProblem(null);
    onApply({});
  };
  const field = (key: keyof Keyed, label: string, input: ReactNode, bad = false) => (
    <div className={bad ? 'field has-problem' : 'field'}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {input}
      {bad && problem ? (
        <span className="field-problem" id={`${id}-${key}-problem`}>
          {problem}
        </span>
      ) : null}
    </div>
  );
  const select = (key: keyof Keyed, options: readonly { value: string; label: string }[], any?: string) => (
    <select id={`${id}-${key}`} value={keyed[key]} onChange={set(key)}>
      {any ? <option value="">{any}</option> : null}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );

  return (
    <form className="journal-filters" aria-label="Filter the queue" onSubmit={apply}>
      {field('status', 'Status', select('status', STATUS_OPTIONS))}
      {field('code', 'Deficiency', select('code', DEFICIENCIES.map((d) => ({ value: d.code, label: d.title })), 'Any deficiency'))}
      {field(
        'minAge',
        'Age (business days, at least)',
        <input id={`${id}-minAge`} value={keyed.minAge} onChange={set('minAge')} inputMode="numeric" maxLength={4} autoComplete="off" {...(problem ? { 'aria-invalid': true, 'aria-describedby': `${id}-minAge-problem` } : {})} />,
        problem !== null,
      )}
      {field('batchId', 'Batch', select('batchId', batches.map((b) => ({ value: String(b.id), label: b.label })), 'Any batch'))}
      {field('clerkId', 'Keyed by', select('clerkId', clerks.map((c) => ({ value: String(c.id), label: c.name })), 'Anyone'))}
      <div className="toolbar">
        <button type="submit">Filter</button>
        <button type="button" onClick={clear}>
          Clear
        </button>
      </div>
    </form>
  );
}
