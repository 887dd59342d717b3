import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { ProgramSummary } from '../../../../shared/ipc/types';
import { useDesk } from '../../app/DeskContext';
import { Dialog } from '../../components/Dialog';
import { findPrograms } from '../../lib/find';
import { KIND_LABELS } from '../../lib/labels';
import { nextRow } from '../../lib/listKeys';

interface FindDialogProps {
  readonly onClose: () => void;
  readonly onOpenProgram: (programId: number) => void;
}

/** Ctrl+K: type a name or CUSIP, arrows choose, Enter opens. */
export function FindDialog({ onClose, onOpenProgram }: FindDialogProps) {
  const call = useDesk();
  const inputId = useId();
  const listId = useId();
  const [programs, setPrograms] = useState<readonly ProgramSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  useEffect(() => {
    void call('programs.list', {}).then((result) => {
      if (result.ok) setPrograms(result.value);
      else setProblem(result.error.message);
    });
  }, [call]);

  const found = useMemo(() => findPrograms(programs ?? [], query), [programs, query]);
  const current = Math.min(active, Math.max(found.length - 1, 0));
  const optionId = (i: number) => `${listId}-${i}`;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      const program = found[current];
      if (program) onOpenProgram(program.id);
      return;
    }
    const next = nextRow(e.key, current, found.length);
    if (next !== null && e.key !== 'Home' && e.key !== 'End') {
      e.preventDefault();
      setActive(next);
    }
  };

  return (
    <Dialog title="Find" onClose={onClose} className="find">
      <div className="field">
        <label htmlFor={inputId}>Program name or CUSIP</label>
        <input
          id={inputId}
          data-autofocus
          type="text"
          role="combobox"
          aria-expanded={found.length > 0}
          aria-controls={listId}
          aria-activedescendant={found.length > 0 ? optionId(current) : undefined}
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <span className="field-hint">Holders and certificates will be found here too once the register exists.</span>
      </div>
      {problem ? (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      ) : null}
      <ul id={listId} role="listbox" aria-label="Programs found" className="find-results">
        {found.map((p, i) => (
          <li
            key={p.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === current}
            className={i === current ? 'selected' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onOpenProgram(p.id)}
          >
            <span className="find-name">{p.name}</span> <span className="code">{p.cusip}</span>{' '}
            <span className="muted">
              {KIND_LABELS[p.kind]} · {p.issuer}
            </span>
          </li>
        ))}
      </ul>
      {programs !== null && found.length === 0 ? <p className="notice">No program matches “{query}”.</p> : null}
      <p className="muted">
        <kbd>↑</kbd> <kbd>↓</kbd> choose, <kbd>Enter</kbd> open, <kbd>Esc</kbd> close
      </p>
    </Dialog>
  );
}
