import { useId, useState, type FormEvent } from 'react';
import { useDeskQuery } from '../../frame/query';
import { formatIsoDate, parseKeyedDate } from '../../lib/dates';
import { DrawnAt, FiguresTable, useReportOutput } from './report-parts';

/**
 * The daily report for a business day typed MMDDYY (the last business day until one is typed):
 * its figures for the day and cumulative through it, printed or exported as shown.
 */
export function DailyPanel({ programId }: { programId: number }) {
  const id = useId();
  const [day, setDay] = useState<string | undefined>(undefined);
  const [keyed, setKeyed] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const report = useDeskQuery('reports.daily', { programId, ...(day === undefined ? {} : { day }) }, { topics: ['journal'] });
  const { print, exportCsv } = useReportOutput();
  const shownDay = report.data?.day;
  const text = keyed ?? (shownDay ? formatIsoDate(shownDay) : '');
  const refused = report.error?.deskError.field === 'day' ? report.error.message : null;
  const fieldProblem = problem ?? refused;

  const show = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseKeyedDate(text, 'Business day');
    if (!parsed.ok) return setProblem(parsed.message);
    setProblem(null);
    setKeyed(formatIsoDate(parsed.iso));
    setDay(parsed.iso);
  };
  const request = shownDay ? { programId, report: 'daily' as const, day: shownDay } : null;

  return (
    <section aria-labelledby={`${id}-title`} className="report-panel">
      <h3 id={`${id}-title`}>Daily report</h3>
      <form className="toolbar" aria-label="Choose the business day" onSubmit={show}>
        <div className={fieldProblem ? 'field has-problem' : 'field'}>
          <label htmlFor={`${id}-day`}>Business day</label>
          <input
            id={`${id}-day`} value={text} onChange={(e) => setKeyed(e.target.value)} autoComplete="off" inputMode="numeric" maxLength={10} placeholder="MMDDYY"
            {...(fieldProblem ? { 'aria-invalid': true, 'aria-describedby': `${id}-day-problem` } : {})}
          />
          {fieldProblem ? <span className="field-problem" id={`${id}-day-problem`}>{fieldProblem}</span> : null}
        </div>
        <button type="submit">Show</button>
        <button type="button" disabled={!request} onClick={() => request && void print(request)}>
          Print PDF…
        </button>
        <button type="button" disabled={!request} onClick={() => request && void exportCsv(request)}>
          Export CSV…
        </button>
      </form>
      {report.error && !refused ? <p className="form-problem" role="alert">The daily report cannot be drawn: {report.error.message}</p> : null}
      {report.isPending ? <p>Drawing the daily report…</p> : null}
      {report.data ? (
        <>
          {report.data.afterExpiration ? <p className="form-problem">This day is after the Expiration Time: what came in is late (§5) and is shown apart, not as exercises.</p> : null}
          <FiguresTable caption={`Section 10 figures for ${formatIsoDate(report.data.day)}`} columns={['That day', 'Cumulative']} sets={[report.data.today, report.data.cumulative]} />
          <DrawnAt header={report.data} />
        </>
      ) : null}
    </section>
  );
}
