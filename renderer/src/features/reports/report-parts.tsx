import { FIGURE_LINES, type ReportFigures, type ReportHeader, type ReportOutputRequest } from '../../../../shared/ipc/reports';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { useJobFinished } from '../../frame/jobs';
import { formatInstant } from '../../lib/dates';

const grouped = (n: number) => n.toLocaleString('en-US');
/** Two-decimal text as dollars, grouped by its digits (never through a float). */
export const dollarsOf = (amount: string) => {
  const [whole = '0', cents = '00'] = amount.split('.');
  return `$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
};

/** The §10 figures as a table: one column per set (that day, cumulative; or the total). */
export function FiguresTable({ caption, columns, sets }: { caption: string; columns: readonly string[]; sets: readonly ReportFigures[] }) {
  return (
    <table className="report-figures">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Figure</th>
          {columns.map((c) => (
            <th scope="col" key={c} className="num">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {FIGURE_LINES.map((l) => (
          <tr key={l.key} data-figure={l.key} className={l.label.startsWith(' ') ? 'sub' : undefined}>
            <th scope="row">{l.label.trim()}</th>
            {sets.map((f, i) => (
              <td key={columns[i]} className="num">
                {l.money ? dollarsOf(String(f[l.key])) : grouped(f[l.key] as number)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The journal entry a report was drawn at, and when (New York time): how a figure is traced later. */
export function DrawnAt({ header }: { header: ReportHeader }) {
  return (
    <p className="muted report-drawn">
      {header.head ? `Drawn at journal entry ${header.head.seq} (hash ${header.head.hash.slice(0, 16)}…)` : 'Drawn from an empty journal'} on {formatInstant(header.drawnAt)}.
    </p>
  );
}

/** Print (a job; progress and Cancel in the status bar) and Export (CSV), each into the file main's dialog chooses. */
export function useReportOutput() {
  const call = useDesk();
  const status = useStatus();
  const finished = useJobFinished();
  const print = async (request: ReportOutputRequest) => {
    const started = await call('reports.print', request);
    if (!started.ok) return status.report(started.error.message, started.error.code === 'CANCELLED' ? 'info' : 'problem');
    status.report('Printing the report…', 'info');
    const job = await finished(started.value.jobId);
    if (job.state !== 'done') return status.report(job.error?.message ?? 'The print stopped.', job.state === 'cancelled' ? 'info' : 'problem');
    const out = job.result as { fileName: string; pages: number };
    status.report(`Printed ${out.fileName} (${out.pages} ${out.pages === 1 ? 'page' : 'pages'}).`, 'done');
  };
  const exportCsv = async (request: ReportOutputRequest) => {
    const result = await call('reports.export', request);
    if (!result.ok) return status.report(result.error.message, result.error.code === 'CANCELLED' ? 'info' : 'problem');
    status.report(`Exported ${result.value.fileName}.`, 'done');
  };
  return { print, exportCsv };
}
