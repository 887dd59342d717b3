import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { CertificateIssueSummary, CertificatesPrintResult } from '../../../../shared/ipc/certificates';
import type { RegisterSummaryView } from '../../../../shared/ipc/register-types';
import type { JobProgress, SessionUser } from '../../../../shared/ipc/types';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { useJobFinished, useJobView } from '../../frame/jobs';
import { invalidateTopics } from '../../frame/query';
import { formatInstant } from '../../lib/dates';
import { classLabel } from '../register/format';

/** Why issuing is not possible now, in words; null when it is. */
export function issueBlocked(user: Pick<SessionUser, 'role'>, summary: Pick<RegisterSummaryView, 'entries' | 'issue'>): string | null {
  if (summary.issue) return `Already issued ${formatInstant(summary.issue.issuedAt)}${summary.issue.issuedBy ? ` by ${summary.issue.issuedBy}` : ''}: a program is issued once.`;
  if (summary.entries === 0) return 'No register yet: import the record-date register first.';
  if (user.role === 'clerk') return 'Only a supervisor issues certificates.';
  return null;
}

const count = (n: number) => n.toLocaleString('en-US');

/** A running issue's progress in words, e.g. "120,000 of 1,000,000 certificates issued". */
const progressWords = (p: JobProgress | null | undefined): string => (p ? `${count(p.done)} of ${count(p.total)} ${p.unit ?? 'done'}` : 'starting…');

/**
 * Issue certificates (disabled, with the reason beside it, until the register exists, and only
 * once); once issued: the mail house's list and the printing of a class or of all. Files are
 * chosen in main's own dialogs; printing is a job with progress and Cancel in the status bar.
 */
export function IssueButton({ user, summary }: { user: SessionUser; summary: RegisterSummaryView }) {
  const reasonId = useId();
  const classId = useId();
  const call = useDesk();
  const status = useStatus();
  const queryClient = useQueryClient();
  const finished = useJobFinished();
  const [busy, setBusy] = useState(false);
  const [issuing, setIssuing] = useState<number | null>(null);
  const issueJob = useJobView(issuing);
  const progressId = useId();
  const [printClass, setPrintClass] = useState('');
  const reason = issueBlocked(user, summary);
  const supervises = user.role !== 'clerk';

  const busyWhile = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };
  // A job: its progress shows beside the button and in the status bar (with Cancel there).
  const issue = () =>
    busyWhile(async () => {
      const started = await call('certificates.issue', { programId: summary.programId });
      if (!started.ok) return status.report(started.error.message, 'problem');
      setIssuing(started.value.jobId);
      const job = await finished(started.value.jobId).finally(() => setIssuing(null));
      if (job.state !== 'done') return status.report(job.error?.message ?? `The issue was ${job.state}; the book is as it was.`, job.state === 'cancelled' ? 'info' : 'problem');
      await invalidateTopics(queryClient, ['certificates', 'register']);
      const s = job.result as CertificateIssueSummary;
      status.report(`Issued ${count(s.certificates)} certificates (${s.firstNumber} to ${s.lastNumber}); ${count(s.held)} held, not mailed (§9).`, 'done');
    });
  const exportList = () =>
    busyWhile(async () => {
      const saved = await call('certificates.exportMailingList', { programId: summary.programId });
      if (!saved.ok) return status.report(saved.error.message, saved.error.code === 'CANCELLED' ? 'info' : 'problem');
      status.report(`Mailing list written: ${saved.value.fileName} (${count(saved.value.rows)} certificates).`, 'done');
    });
  const print = () =>
    busyWhile(async () => {
      const started = await call('certificates.print', printClass === '' ? { programId: summary.programId } : { programId: summary.programId, class: printClass });
      if (!started.ok) return status.report(started.error.message, started.error.code === 'CANCELLED' ? 'info' : 'problem');
      const job = await finished(started.value.jobId);
      if (job.state !== 'done') return status.report(job.error?.message ?? `Printing was ${job.state}; no file was left behind.`, job.state === 'cancelled' ? 'info' : 'problem');
      const result = job.result as CertificatesPrintResult;
      await invalidateTopics(queryClient, ['certificates']);
      status.report(`Printed ${count(result.certificates)} certificates, ${count(result.pages)} pages, in ${result.files.length} file${result.files.length === 1 ? '' : 's'}: ${result.files.map((f) => f.name).join(', ')}.`, 'done');
    });

  return (
    <div className="toolbar">
      {!summary.issue ? (
        <>
          <button type="button" disabled={reason !== null || busy} aria-describedby={reason ? reasonId : issuing !== null ? progressId : undefined} onClick={() => void issue()}>
            Issue certificates
          </button>
          {issuing !== null ? (
            <span id={progressId} className="field-hint">
              Issuing: {progressWords(issueJob?.progress)}
            </span>
          ) : null}
          {reason ? (
            <span id={reasonId} className="field-hint">
              {reason}
            </span>
          ) : null}
        </>
      ) : (
        <>
          <span className="muted">
            Issued {formatInstant(summary.issue.issuedAt)}: {count(summary.issue.certificates)} certificates,{' '}
            {Object.entries(summary.issue.totals)
              .map(([code, t]) => `class ${code || '—'}: ${count(t.certificates)} (${count(t.held)} held)`)
              .join('; ')}
          </span>
          {supervises ? (
            <button type="button" disabled={busy} onClick={() => void exportList()}>
              Export the mailing list…
            </button>
          ) : null}
          <span className="field inline">
            <label htmlFor={classId}>Print class</label>
            <select id={classId} value={printClass} onChange={(e) => setPrintClass(e.target.value)}>
              <option value="">All classes</option>
              {Object.keys(summary.issue.totals)
                .sort()
                .map((c) => (
                  <option key={c} value={c}>
                    Class {classLabel(c)}
                  </option>
                ))}
            </select>
          </span>
          <button type="button" disabled={busy} onClick={() => void print()}>
            Print certificates…
          </button>
        </>
      )}
    </div>
  );
}
