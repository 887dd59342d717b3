import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import type { BankFileReport, UnmatchedLine } from '../../../../shared/ipc/payments';
import type { SessionUser } from '../../../../shared/ipc/types';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { Grid, type GridColumn } from '../../frame/grid/Grid';
import { useArraySource } from '../../frame/grid/sources';
import { useJobFinished } from '../../frame/jobs';
import { invalidateTopics, useDeskQuery } from '../../frame/query';
import { BankLayoutForm } from './BankLayoutForm';
import { dollars } from './format';

const COLUMNS: readonly GridColumn<UnmatchedLine>[] = [
  { id: 'line', header: 'Line', cell: (u) => String(u.line), className: 'num' },
  { id: 'check', header: 'Check no. / reference', cell: (u) => u.read.checkNumber || u.read.reference || '—', className: 'code' },
  { id: 'account', header: 'Account', cell: (u) => u.read.account || '—', className: 'code' },
  { id: 'amount', header: 'Amount read', cell: (u) => u.read.amount || '—', className: 'num' },
  { id: 'status', header: 'Status read', cell: (u) => u.read.status || '—' },
  { id: 'why', header: 'Why unmatched', cell: (u) => `${u.why} — ${u.code}` },
];
const keyOf = (u: UnmatchedLine) => u.line;

function ReportView({ report, onExport }: { report: BankFileReport; onExport: () => void }) {
  const source = useArraySource(report.unmatched, keyOf);
  return (
    <section aria-label="Bank file report" className="bank-report">
      <p className="report-summary">
        {report.fileName}: {report.lines} lines — {report.cleared} cleared ({dollars(report.clearedAmount)}), {report.returned} returned ({dollars(report.returnedAmount)}), {report.unmatched.length} unmatched.
      </p>
      <p className="muted code">SHA-256 {report.sha256}</p>
      <Grid label="Unmatched lines" columns={COLUMNS} source={source} emptyText="Every line matched a payment." />
      {report.unmatched.length > 0 ? (
        <div className="toolbar">
          <button type="button" onClick={onExport}>
            Save the unmatched lines as CSV…
          </button>
        </div>
      ) : null}
    </section>
  );
}

/** Read a bank's clearance file: choose the bank's saved layout, then the file in the desk's own dialog. */
export function BankFilePanel({ user, programId }: { user: SessionUser; programId: number }) {
  const call = useDesk();
  const status = useStatus();
  const queryClient = useQueryClient();
  const selectId = useId();
  const layouts = useDeskQuery('payments.bankLayouts', {}, { topics: ['payments'] });
  const [chosen, setChosen] = useState('');
  const [report, setReport] = useState<BankFileReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const readButton = useRef<HTMLButtonElement>(null);
  const finished = useJobFinished();
  const list = layouts.data ?? [];
  const layout = list.find((l) => `${l.bank}\u0000${l.name}` === chosen) ?? list[0];

  const read = async () => {
    if (!layout || reading) return;
    setProblem(null);
    setReading(true);
    try {
      const started = await call('payments.readBankFile', { programId, bank: layout.bank, layout: layout.name });
      if (!started.ok) {
        if (started.error.code !== 'CANCELLED') setProblem(started.error.message);
        status.report(started.error.message, started.error.code === 'CANCELLED' ? 'info' : 'problem');
        return;
      }
      // The file is read as a job: its progress and Cancel are in the status bar meanwhile.
      const job = await finished(started.value.jobId);
      if (job.state !== 'done') {
        const message = job.error?.message ?? `Reading the bank file was ${job.state}; nothing was applied.`;
        if (job.state === 'failed') setProblem(message);
        status.report(message, job.state === 'cancelled' ? 'info' : 'problem');
        return;
      }
      const result = await call('payments.bankFileReport', { jobId: started.value.jobId });
      if (!result.ok) {
        setProblem(result.error.message);
        status.report(result.error.message, 'problem');
        return;
      }
      setReport(result.value);
      await invalidateTopics(queryClient, ['payments']);
      status.report(`${result.value.fileName}: ${result.value.cleared} cleared, ${result.value.returned} returned, ${result.value.unmatched.length} unmatched.`, 'done');
    } finally {
      setReading(false);
    }
  };

  const exportUnmatched = async () => {
    if (!report) return;
    const result = await call('payments.exportUnmatched', { bankFileId: report.bankFileId });
    if (!result.ok) status.report(result.error.message, result.error.code === 'CANCELLED' ? 'info' : 'problem');
    else status.report(`${result.value.lines} unmatched lines saved as ${result.value.fileName}.`, 'done');
  };

  return (
    <section aria-label="Read a bank file">
      {list.length > 0 ? (
        <div className="field inline">
          <label htmlFor={selectId}>Bank and layout</label>
          <select id={selectId} value={layout ? `${layout.bank}\u0000${layout.name}` : ''} onChange={(e) => setChosen(e.target.value)}>
            {list.map((l) => (
              <option key={`${l.bank}\u0000${l.name}`} value={`${l.bank}\u0000${l.name}`}>
                {l.bank} — {l.name} (version {l.version})
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p className="muted">No bank layout is saved yet{user.role === 'clerk' ? ': a supervisor saves one below.' : ': save the bank’s layout below first.'}</p>
      )}
      <div className="toolbar">
        <button ref={readButton} type="button" className="primary" disabled={!layout || reading} onClick={() => void read()}>
          {reading ? 'Reading the bank file…' : 'Read a bank file…'}
        </button>
      </div>
      {problem ? (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      ) : null}
      {report ? <ReportView report={report} onExport={() => void exportUnmatched()} /> : null}
      {user.role !== 'clerk' ? <BankLayoutForm /> : null}
    </section>
  );
}
