import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { SessionUser } from '../../../../shared/ipc/types';
import { useDeskQuery } from '../../frame/query';
import { formatInstant, formatIsoDate } from '../../lib/dates';
import { KIND_LABELS } from '../../lib/labels';
import { TermsSection } from './TermsSection';

interface ProgramDetailProps {
  readonly route: { readonly programId: number; readonly section?: 'terms' };
  readonly user: SessionUser;
  readonly onBack: () => void;
}

/** One program ("program 12", or "program 12 › terms" to land on its terms); Esc or the button goes back to the list. */
export function ProgramDetail({ route, user, onBack }: ProgramDetailProps) {
  const { programId, section } = route;
  const query = useDeskQuery('programs.get', { programId }, { topics: ['programs'] });
  const program = query.data ?? null;
  const problem = query.error?.message ?? null;
  const heading = useRef<HTMLHeadingElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const loaded = program !== null;

  // Opening a program is the clerk's own act, so the detail takes the focus (its terms, when asked for).
  useEffect(() => {
    const terms = section === 'terms' ? root.current?.querySelector<HTMLElement>('.terms h3') : null;
    (terms ?? heading.current)?.focus();
  }, [programId, section, loaded]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onBack();
    }
  };

  return (
    <div className="detail" ref={root} onKeyDown={onKeyDown}>
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
