import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { BatchSummaryView } from '../../../../../shared/ipc/batch-control';
import type { AreaScreenProps } from '../../../frame/registry';
import { Grid, type GridColumn } from '../../../frame/grid/Grid';
import { useArraySource } from '../../../frame/grid/sources';
import { useDeskQuery } from '../../../frame/query';
import { formatIsoDate } from '../../../lib/dates';
import { ProgramPicker } from '../../register/ProgramPicker';
import { BatchControlSection } from './BatchControlSection';

const COLUMNS: readonly GridColumn<BatchSummaryView>[] = [
  { id: 'batch', header: 'Batch', cell: (b) => String(b.batchId), text: (b) => String(b.batchId), className: 'num' },
  { id: 'label', header: 'Label', cell: (b) => b.label, text: (b) => b.label },
  { id: 'date', header: 'Receipt date', cell: (b) => formatIsoDate(b.receiptDate) },
  { id: 'envelopes', header: 'Envelopes', cell: (b) => b.envelopes.toLocaleString('en-US'), className: 'num' },
  { id: 'state', header: 'State', cell: (b) => (b.closed ? 'Closed' : 'Open') },
];
const keyOf = (b: BatchSummaryView) => b.batchId;

function BatchList({ programId, onOpen }: { programId: number; onOpen: (batchId: number) => void }) {
  const batches = useDeskQuery('batchControl.list', { programId }, { topics: ['journal'] });
  const grid = useRef<HTMLTableElement>(null);
  const loaded = batches.data !== undefined;
  useLayoutEffect(() => {
    if (loaded) grid.current?.focus();
  }, [loaded]);
  const source = useArraySource(batches.data ?? [], keyOf);
  return (
    <>
      <h2>Batches</h2>
      <p className="muted">Choose a batch to balance, close and print: arrows move, Enter opens, Esc goes back.</p>
      {batches.error ? (
        <p className="form-problem" role="alert">
          {batches.error.message}
        </p>
      ) : null}
      {batches.data ? <Grid ref={grid} label="Batches" columns={COLUMNS} source={source} onOpen={(b) => onOpen(b.batchId)} emptyText="No batch opened for this program yet." /> : null}
    </>
  );
}

/**
 * Batch control in the Intake area: a program, its batches, one batch's control section. Esc
 * goes back one step (from the batch to the list, from the list to the programs).
 */
export function BatchArea(_props: AreaScreenProps) {
  const [programId, setProgramId] = useState<number | null>(null);
  const [batchId, setBatchId] = useState<number | null>(null);
  const back = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    if (batchId !== null) setBatchId(null);
    else setProgramId(null);
  };
  if (programId === null) return <ProgramPicker heading="Intake" label="Programs" onOpen={setProgramId} />;
  return (
    <div className="detail intake-batches" onKeyDown={back}>
      {batchId === null ? <BatchList programId={programId} onOpen={setBatchId} /> : <BatchControlSection batchId={batchId} />}
    </div>
  );
}
