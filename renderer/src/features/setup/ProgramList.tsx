import type { Ref } from 'react';
import type { ProgramSummary } from '../../../../shared/ipc/types';
import { Grid, type GridColumn } from '../../frame/grid/Grid';
import { useArraySource } from '../../frame/grid/sources';
import { formatIsoDate } from '../../lib/dates';
import { KIND_LABELS } from '../../lib/labels';

interface ProgramListProps {
  readonly ref?: Ref<HTMLTableElement>;
  readonly programs: readonly ProgramSummary[];
  readonly onOpen: (programId: number) => void;
  readonly emptyText: string;
}

const COLUMNS: readonly GridColumn<ProgramSummary>[] = [
  { id: 'name', header: 'Name', cell: (p) => p.name, text: (p) => p.name },
  { id: 'kind', header: 'Kind', cell: (p) => KIND_LABELS[p.kind] },
  { id: 'issuer', header: 'Issuer', cell: (p) => p.issuer },
  { id: 'cusip', header: 'CUSIP', cell: (p) => p.cusip, className: 'code' },
  { id: 'recordDate', header: 'Record date', cell: (p) => formatIsoDate(p.recordDate) },
];

const keyOf = (p: ProgramSummary) => p.id;

/** The programs as a grid: arrows move, letters find, Enter opens. */
export function ProgramList({ ref, programs, onOpen, emptyText }: ProgramListProps) {
  const source = useArraySource(programs, keyOf);
  return <Grid ref={ref} label="Programs" columns={COLUMNS} source={source} onOpen={(p) => onOpen(p.id)} emptyText={emptyText} />;
}
