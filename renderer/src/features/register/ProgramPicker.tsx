import { useLayoutEffect, useRef } from 'react';
import type { ProgramSummary } from '../../../../shared/ipc/types';
import { Grid, type GridColumn } from '../../frame/grid/Grid';
import { useArraySource } from '../../frame/grid/sources';
import { useDeskQuery } from '../../frame/query';
import { formatIsoDate } from '../../lib/dates';
import { KIND_LABELS } from '../../lib/labels';

const COLUMNS: readonly GridColumn<ProgramSummary>[] = [
  { id: 'name', header: 'Program', cell: (p) => p.name, text: (p) => p.name },
  { id: 'kind', header: 'Kind', cell: (p) => KIND_LABELS[p.kind] },
  { id: 'cusip', header: 'CUSIP', cell: (p) => p.cusip, className: 'code' },
  { id: 'recordDate', header: 'Record date', cell: (p) => formatIsoDate(p.recordDate) },
];
const keyOf = (p: ProgramSummary) => p.id;

/** Choose a program: its register (or certificates) opens with Enter. */
export function ProgramPicker({ heading, label, onOpen }: { heading: string; label: string; onOpen: (programId: number) => void }) {
  const programs = useDeskQuery('programs.list', {}, { topics: ['programs'] });
  const grid = useRef<HTMLTableElement>(null);
  const loaded = programs.data !== undefined;
  // Coming back to the choice (Esc from a program) puts the focus on the list, where it was chosen from.
  useLayoutEffect(() => {
    if (loaded) grid.current?.focus();
  }, [loaded]);
  const source = useArraySource(programs.data ?? [], keyOf);
  return (
    <>
      <h2>{heading}</h2>
      <p className="muted">Choose a program: arrows move, Enter opens.</p>
      {programs.error ? (
        <p className="form-problem" role="alert">
          The programs cannot be listed: {programs.error.message}
        </p>
      ) : null}
      {programs.isPending ? <p>Loading the programs…</p> : null}
      {programs.data ? <Grid ref={grid} label={label} columns={COLUMNS} source={source} onOpen={(p) => onOpen(p.id)} emptyText="No programs yet. A supervisor creates them in Setup." /> : null}
    </>
  );
}
