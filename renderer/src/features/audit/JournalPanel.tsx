import { useCallback, useState } from 'react';
import { actionWords } from '../../../../shared/ipc/action-words';
import type { JournalFilterInput } from '../../../../shared/ipc/audit';
import type { JournalEntryView, JournalVerification } from '../../../../shared/ipc/types';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { Grid, type GridColumn } from '../../frame/grid/Grid';
import { useJobFinished } from '../../frame/jobs';
import { formatInstant } from '../../lib/dates';
import { useWindowSource } from '../register/useWindowSource';
import { describeVerification, payloadSummary } from './journal';
import { JournalEntryDetail } from './JournalEntryDetail';
import { JournalFilters } from './JournalFilters';

const COLUMNS: readonly GridColumn<JournalEntryView>[] = [
  { id: 'seq', header: 'No.', cell: (e) => e.seq, text: (e) => String(e.seq), className: 'num' },
  { id: 'at', header: 'When (ET)', cell: (e) => formatInstant(e.at) },
  { id: 'who', header: 'Who', cell: (e) => e.username ?? 'system' },
  { id: 'action', header: 'What', cell: (e) => actionWords(e.action) },
  { id: 'details', header: 'Details', cell: (e) => payloadSummary(e.payload), className: 'payload' },
];

const describeFilter = (f: JournalFilterInput) => (Object.keys(f).length === 0 ? 'every entry' : 'the entries the filter keeps');

/** The audit trail: the journal newest first, filtered, each entry opened in full with Enter; exported as CSV; verified. */
export function JournalPanel() {
  const call = useDesk();
  const status = useStatus();
  const finished = useJobFinished();
  const [filter, setFilter] = useState<JournalFilterInput>({});
  const [open, setOpen] = useState<JournalEntryView | null>(null);
  const [verification, setVerification] = useState<JournalVerification | null>(null);
  const keyOf = useCallback((e: JournalEntryView) => e.seq, []);
  const { source, total, error } = useWindowSource('journal.search', { filter }, keyOf, ['journal', 'book']);

  // The walk runs in a worker as a job (progress and Cancel in the status bar); its outcome lands here.
  const verify = async () => {
    setVerification(null);
    const started = await call('journal.verify', {});
    if (!started.ok) return status.report(started.error.message, 'problem');
    status.report('Verifying the journal…', 'info');
    const job = await finished(started.value.jobId);
    if (job.state !== 'done') return status.report(job.error?.message ?? 'The verification stopped.', job.state === 'cancelled' ? 'info' : 'problem');
    const report = job.result as JournalVerification;
    setVerification(report);
    status.report(describeVerification(report), report.ok ? 'done' : 'problem');
  };

  const exportCsv = async () => {
    const result = await call('journal.export', { filter });
    if (!result.ok) return status.report(result.error.message, result.error.code === 'CANCELLED' ? 'info' : 'problem');
    status.report(`Exported ${result.value.entries} ${result.value.entries === 1 ? 'entry' : 'entries'} to ${result.value.fileName}.`, 'done');
  };

  return (
    <section aria-labelledby="journal-title">
      <h2 id="journal-title">Journal — the audit trail</h2>
      <div className="toolbar">
        <button type="button" onClick={() => void verify()}>
          Verify journal
        </button>
        <button type="button" onClick={() => void exportCsv()}>
          Export CSV…
        </button>
        <span className="count" aria-live="polite">
          {total === null ? '' : `${total.toLocaleString('en-US')} ${total === 1 ? 'entry' : 'entries'}: ${describeFilter(filter)}`}
        </span>
      </div>
      <JournalFilters onApply={setFilter} />
      {verification ? (
        <p className={verification.ok ? 'result-ok' : 'form-problem'}>
          <strong>{verification.ok ? 'Verified: ' : 'Broken: '}</strong>
          {describeVerification(verification)}
        </p>
      ) : null}
      {error ? (
        <p className="form-problem" role="alert">
          The journal cannot be read: {error.message}
        </p>
      ) : null}
      <Grid label="Journal entries, newest first" columns={COLUMNS} source={source} onOpen={setOpen} emptyText="No entry matches the filter." className="journal" />
      {open ? <JournalEntryDetail entry={open} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}
