import { useId, useState, type FormEvent } from 'react';
import { useDeskQuery } from '../../frame/query';
import { formatIsoDate } from '../../lib/dates';
import { DrawnAt, FiguresTable, useReportOutput } from './report-parts';

const dueWords = (wall: string) => `${formatIsoDate(wall.slice(0, 10))} 5:00 p.m. New York time`;

/**
 * The final certified report: its due moment always shown (and warned about when close or
 * past), the cumulative totals through the Expiration Time once it has passed, and the officer
 * who certifies it, named before it is printed or exported.
 */
export function FinalPanel({ programId }: { programId: number }) {
  const id = useId();
  const report = useDeskQuery('reports.final', { programId }, { topics: ['journal'] });
  const { print, exportCsv } = useReportOutput();
  const [officer, setOfficer] = useState({ name: '', title: '' });
  const [problems, setProblems] = useState<{ name?: string; title?: string }>({});
  const v = report.data;

  const output = (what: 'print' | 'export') => (e?: FormEvent) => {
    e?.preventDefault();
    const found = {
      ...(officer.name.trim().length < 2 ? { name: 'Officer name: type the certifying officer’s name, e.g. Jane Doe' } : {}),
      ...(officer.title.trim().length < 2 ? { title: 'Officer title: type the certifying officer’s title, e.g. Vice President' } : {}),
    };
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const request = { programId, report: 'final' as const, officer: { name: officer.name.trim(), title: officer.title.trim() } };
    void (what === 'print' ? print(request) : exportCsv(request));
  };
  const field = (key: 'name' | 'title', label: string) => (
    <div className={problems[key] ? 'field has-problem' : 'field'}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`} value={officer[key]} onChange={(e) => setOfficer((o) => ({ ...o, [key]: e.target.value }))} autoComplete="off" maxLength={100}
        {...(problems[key] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${key}-problem` } : {})}
      />
      {problems[key] ? <span className="field-problem" id={`${id}-${key}-problem`}>{problems[key]}</span> : null}
    </div>
  );

  return (
    <section aria-labelledby={`${id}-title`} className="report-panel">
      <h3 id={`${id}-title`}>Final certified report</h3>
      {report.error ? <p className="form-problem" role="alert">The final report cannot be drawn: {report.error.message}</p> : null}
      {v ? (
        <>
          <p>
            Due to the company at or before <strong>{dueWords(v.due.dueAt)}</strong> (the 7th business day after the Expiration Time, §10).
          </p>
          {v.due.warning ? <p className="form-problem" role="alert">{v.due.warning}</p> : null}
          {!v.available ? <p className="muted">{v.unavailableReason}</p> : null}
          {v.available && v.totals ? (
            <>
              {v.awaitingDecision > 0 ? <p className="form-problem">{v.awaitingDecision.toLocaleString('en-US')} exercise(s) still await a decision or a cure.</p> : null}
              <form className="toolbar" aria-label="Certify and print the final report" onSubmit={output('print')}>
                {field('name', 'Officer name')}
                {field('title', 'Officer title')}
                <button type="submit">Print PDF…</button>
                <button type="button" onClick={() => output('export')()}>
                  Export CSV…
                </button>
              </form>
              <FiguresTable caption="Cumulative totals through the Expiration Time" columns={['Total']} sets={[v.totals]} />
              <DrawnAt header={v} />
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
