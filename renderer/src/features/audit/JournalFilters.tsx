import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { JournalFilterInput } from '../../../../shared/ipc/audit';
import { useDeskQuery } from '../../frame/query';
import { parseKeyedDate } from '../../lib/dates';

interface Keyed {
  username: string;
  programId: string;
  action: string;
  text: string;
  fromDate: string;
  toDate: string;
}

const BLANK: Keyed = { username: '', programId: '', action: '', text: '', fromDate: '', toDate: '' };

type Problems = Partial<Record<keyof Keyed, string>>;

/** The keyed filter as the channel's: blanks dropped, dates read as a clerk types them (MMDDYY…). */
export function readFilter(k: Keyed): { filter: JournalFilterInput; problems: Problems } {
  const problems: Problems = {};
  const date = (text: string, label: string, key: 'fromDate' | 'toDate') => {
    if (text.trim() === '') return undefined;
    const parsed = parseKeyedDate(text, label);
    if (parsed.ok) return parsed.iso;
    problems[key] = parsed.message;
    return undefined;
  };
  const fromDate = date(k.fromDate, 'From', 'fromDate');
  const toDate = date(k.toDate, 'To', 'toDate');
  if (fromDate !== undefined && toDate !== undefined && toDate < fromDate) problems.toDate = 'To: the last day comes before the first';
  const filter: JournalFilterInput = {
    ...(k.username.trim() ? { username: k.username.trim() } : {}),
    ...(k.programId ? { programId: Number(k.programId) } : {}),
    ...(k.action ? { action: k.action } : {}),
    ...(k.text.trim() ? { text: k.text.trim() } : {}),
    ...(fromDate ? { fromDate } : {}),
    ...(toDate ? { toDate } : {}),
  };
  return { filter, problems };
}

/** The audit trail's filter: who, which program, what, which item, which New York days. Enter applies it. */
export function JournalFilters({ onApply }: { readonly onApply: (filter: JournalFilterInput) => void }) {
  const id = useId();
  const [keyed, setKeyed] = useState<Keyed>(BLANK);
  const [problems, setProblems] = useState<Problems>({});
  const programs = useDeskQuery('programs.list', {}, { topics: ['programs'] });
  const actions = useDeskQuery('journal.actions', {}, { topics: ['journal'] });
  const set = (key: keyof Keyed) => (e: { target: { value: string } }) => setKeyed((k) => ({ ...k, [key]: e.target.value }));

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const read = readFilter(keyed);
    setProblems(read.problems);
    if (Object.keys(read.problems).length === 0) onApply(read.filter);
  };
  const clear = () => {
    setKeyed(BLANK);
    setProblems({});
    onApply({});
  };
  const field = (key: keyof Keyed, label: string, input: ReactNode) => (
    <div className={problems[key] ? 'field has-problem' : 'field'}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {input}
      {problems[key] ? (
        <span className="field-problem" id={`${id}-${key}-problem`}>
          {problems[key]}
        </span>
      ) : null}
    </div>
  );
  const described = (key: keyof Keyed) => (problems[key] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${key}-problem` } : {});

  return (
    <form className="journal-filters" aria-label="Filter the audit trail" onSubmit={apply}>
      {field('username', 'User', <input id={`${id}-username`} value={keyed.username} onChange={set('username')} autoComplete="off" spellCheck={false} maxLength={64} />)}
      {field(
        'programId',
        'Program',
        <select id={`${id}-programId`} value={keyed.programId} onChange={set('programId')}>
          <option value="">Any program</option>
          {(programs.data ?? []).map((p) => (
            <option key={p.id} value={String(p.id)}>
              {p.name}
            </option>
          ))}
        </select>,
      )}
      {field(
        'action',
        'What',
        <select id={`${id}-action`} value={keyed.action} onChange={set('action')}>
          <option value="">Anything</option>
          {(actions.data ?? []).map((a) => (
            <option key={a.action} value={a.action}>
              {a.words} ({a.entries})
            </option>
          ))}
        </select>,
      )}
      {field('text', 'Item', <input id={`${id}-text`} value={keyed.text} onChange={set('text')} autoComplete="off" spellCheck={false} maxLength={100} placeholder="certificate, account, file…" />)}
      {field('fromDate', 'From', <input id={`${id}-fromDate`} value={keyed.fromDate} onChange={set('fromDate')} autoComplete="off" inputMode="numeric" maxLength={10} placeholder="MMDDYY" {...described('fromDate')} />)}
      {field('toDate', 'To', <input id={`${id}-toDate`} value={keyed.toDate} onChange={set('toDate')} autoComplete="off" inputMode="numeric" maxLength={10} placeholder="MMDDYY" {...described('toDate')} />)}
      <div className="toolbar">
        <button type="submit">Filter</button>
        <button type="button" onClick={clear}>
          Clear
        </button>
      </div>
    </form>
  );
}
