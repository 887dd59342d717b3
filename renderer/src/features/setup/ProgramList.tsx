import { useEffect, useId, useState, type KeyboardEvent, type Ref } from 'react';
import type { ProgramSummary } from '../../../../shared/ipc/types';
import { formatIsoDate } from '../../lib/dates';
import { KIND_LABELS } from '../../lib/labels';
import { nextRow } from '../../lib/listKeys';

interface ProgramListProps {
  readonly ref?: Ref<HTMLTableElement>;
  readonly programs: readonly ProgramSummary[];
  readonly onOpen: (programId: number) => void;
  readonly emptyText: string;
}

/** The programs as a grid: arrows move, Enter opens. */
export function ProgramList({ ref, programs, onOpen, emptyText }: ProgramListProps) {
  const baseId = useId();
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(programs.length - 1, 0));
  const rowId = (i: number) => `${baseId}-row-${i}`;

  useEffect(() => {
    document.getElementById(rowId(current))?.scrollIntoView({ block: 'nearest' });
  });

  if (programs.length === 0) return <p className="notice">{emptyText}</p>;

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      const program = programs[current];
      if (program) onOpen(program.id);
      return;
    }
    const next = nextRow(e.key, current, programs.length);
    if (next !== null) {
      e.preventDefault();
      setActive(next);
    }
  };

  return (
    <table
      ref={ref}
      className="grid"
      role="grid"
      aria-label={`Programs, ${programs.length}`}
      aria-activedescendant={rowId(current)}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Kind</th>
          <th scope="col">Issuer</th>
          <th scope="col">CUSIP</th>
          <th scope="col">Record date</th>
        </tr>
      </thead>
      <tbody>
        {programs.map((p, i) => (
          <tr
            key={p.id}
            id={rowId(i)}
            aria-selected={i === current}
            className={i === current ? 'selected' : undefined}
            onClick={() => setActive(i)}
            onDoubleClick={() => onOpen(p.id)}
          >
            <td>{p.name}</td>
            <td>{KIND_LABELS[p.kind]}</td>
            <td>{p.issuer}</td>
            <td className="code">{p.cusip}</td>
            <td>{formatIsoDate(p.recordDate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
