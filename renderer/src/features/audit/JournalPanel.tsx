import { useState } from 'react';
import type { JournalEntryView, JournalVerification } from '../../../../shared/ipc/types';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { Grid, type GridColumn } from '../../frame/grid/Grid';
import { useJobFinished } from '../../frame/jobs';
import { useDeskQuery } from '../../frame/query';
import { formatInstant } from '../../lib/dates';
import { describeVerification, payloadSummary } from './journal';
import { useJournalSource } from './useJournalSource';

const COLUMNS: readonly GridColumn<JournalEntryView>[] = [
  { id: 'seq', header: 'No.', cell: (e) => e.seq, text: (e) => String(e.seq), className: 'num' },
  { id: 'at', header: 'When', cell: (e) => formatInstant(e.at) },
  { id: 'who', header: 'Who', cell: (e) => e.username ?? 'system' },
  { id: 'action', header: 'What', cell: (e) => e.action, className: 'code' },
  { id: 'details', header: 'Details', cell: (e) => payloadSummary(e.payload), className: 'payload' },
];

/** The whole journal, newest first, in one grid however long it is (it stays current by itself). */
export function JournalPanel() {
  const call = useDesk();
  const status = useStatus();
  const info = useDeskQuery('book.info', {}, { topics: ['journal', 'book'] });
  const count = info.data?.journalEntries ?? 0;
  const source = useJournalSource(count);
  const [verification, setVerification] = useState<JournalVerification | null>(null);

  const finished = useJobFinished();

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

  return (
    <section aria-labelledby="journal-title">
      <h2 id="journal-title">Journal</h2>
      <div className="toolbar">
        <button type="button" onClick={() => void verify()}>
          Verify journal
        </button>
      </div>
      {verification ? (
        <p className={verification.ok ? 'result-ok' : 'form-problem'}>
          <strong>{verification.ok ? 'Verified: ' : 'Broken: '}</strong>
          {describeVerification(verification)}
        </p>
      ) : null}
      {info.error ? (
        <p className="form-problem" role="alert">
          The journal cannot be read: {info.error.message}
        </p>
      ) : null}
      {info.data ? <Grid label="Journal entries, newest first" columns={COLUMNS} source={source} emptyText="The journal is empty." className="journal" /> : null}
    </section>
  );
}
