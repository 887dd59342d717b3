import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ProgramSummary, SessionUser } from '../../../../shared/ipc/types';
import { useDesk } from '../../app/DeskContext';
import { formatInstant, formatIsoDate } from '../../lib/dates';
import { KIND_LABELS } from '../../lib/labels';
import { TermsSection } from './TermsSection';

/** One program; Esc or the button goes back to the list. */
export function ProgramDetail({ programId, user, onBack }: { programId: number; user: SessionUser; onBack: () => void }) {
  const call = useDesk();
  const [program, setProgram] = useState<ProgramSummary | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    setProgram(null);
    void call('programs.get', { programId }).then((result) => {
      if (!live) return;
      if (result.ok) setProgram(result.value);
      else setProblem(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [call, programId]);

  // Opening a program is the clerk's own act, so the detail takes the focus.
  useEffect(() => {
    heading.current?.focus();
  }, [program]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onBack();
    }
  };

  return (
    <div className="detail" onKeyDown={onKeyDown}>
      <h2 ref={heading} tabIndex={-1}>
        {program ? program.name : 'Program'}
      </h2>
      {problem ? (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      ) : null}
      {program ? (
        <dl className="facts">
          <dt>Kind</dt>
          <dd>{KIND_LABELS[program.kind]}</dd>
          <dt>Issuer</dt>
          <dd>{program.issuer}</dd>
          <dt>CUSIP</dt>
          <dd className="code">{program.cusip}</dd>
          <dt>Record date</dt>
          <dd>{formatIsoDate(program.recordDate)}</dd>
          <dt>Created</dt>
          <dd>
            {formatInstant(program.createdAt)} by {program.createdBy}
          </dd>
        </dl>
      ) : null}
      {!program && !problem ? <p>Loading…</p> : null}
      {program ? <TermsSection program={program} user={user} /> : null}
      <div className="toolbar">
        <button type="button" onClick={onBack}>
          Back to programs <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}
