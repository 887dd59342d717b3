import { useCallback, useId } from 'react';
import type { HolderRow } from '../../../../shared/ipc/reports';
import { useDeskQuery } from '../../frame/query';
import { Grid, type GridColumn } from '../../frame/grid/Grid';
import { useWindowSource } from '../register/useWindowSource';
import { useReportOutput } from './report-parts';

const n = (v: number) => v.toLocaleString('en-US');
const COLUMNS: readonly GridColumn<HolderRow>[] = [
  { id: 'number', header: 'Certificate', cell: (r) => r.certificateNumber, text: (r) => r.certificateNumber, className: 'code' },
  { id: 'account', header: 'Account', cell: (r) => r.account, className: 'code' },
  { id: 'class', header: 'Class', cell: (r) => r.class },
  { id: 'registration', header: 'Registration', cell: (r) => (r.held ? `${r.registration} (held, §9)` : r.registration) },
  { id: 'held', header: 'Rights held', cell: (r) => n(r.rightsHeld), className: 'num' },
  { id: 'exercised', header: 'Exercised', cell: (r) => n(r.rightsExercised), className: 'num' },
  { id: 'oversub', header: 'Oversub.', cell: (r) => n(r.oversubscriptionRequested), className: 'num' },
  { id: 'exercise', header: 'Exercise', cell: (r) => r.exercise },
  { id: 'standing', header: 'Standing', cell: (r) => r.standing },
];

/** §10's listing of holders who exercised fully, partly or not at all, on the frame's grid. */
export function HoldersPanel({ programId }: { programId: number }) {
  const id = useId();
  const keyOf = useCallback((r: HolderRow) => r.seq, []);
  const { source, total, error } = useWindowSource('reports.holders', { programId }, keyOf, ['journal']);
  const head = useDeskQuery('reports.holders', { programId, offset: 0, limit: 1 }, { topics: ['journal'] });
  const { print, exportCsv } = useReportOutput();
  const t = head.data?.totals;
  const request = { programId, report: 'holders' as const };
  return (
    <section aria-labelledby={`${id}-title`} className="report-panel">
      <h3 id={`${id}-title`}>Holder listing</h3>
      <div className="toolbar">
        <button type="button" onClick={() => void print(request)}>
          Print PDF…
        </button>
        <button type="button" onClick={() => void exportCsv(request)}>
          Export CSV…
        </button>
        <span className="count" aria-live="polite">
          {t ? `${n(t.certificates)} certificates: ${n(t.fully)} fully, ${n(t.partly)} partly, ${n(t.notAtAll)} not at all; ${n(t.rightsExercised)} of ${n(t.rightsHeld)} rights exercised` : total === null ? '' : `${n(total)} certificates`}
        </span>
      </div>
      {error ? <p className="form-problem" role="alert">The listing cannot be drawn: {error.message}</p> : null}
      <Grid label="Holders: exercised fully, partly or not at all" columns={COLUMNS} source={source} emptyText="No certificates issued in this program yet." className="holders" />
    </section>
  );
}
