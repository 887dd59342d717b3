import { useId, useState } from 'react';
import type { ChosenRegisterFile, RegisterImportResult, RegisterProblemView } from '../../../../shared/ipc/register-import';
import type { SessionUser } from '../../../../shared/ipc/types';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { Grid, type GridColumn } from '../../frame/grid/Grid';
import { useArraySource } from '../../frame/grid/sources';
import { useJobFinished } from '../../frame/jobs';
import { useDeskQuery } from '../../frame/query';
import { ColumnMapping, mappingByName, type ColumnMap } from './ColumnMapping';

/** The default layout (as electron/desk/importers/layout.ts has it): the contract's CSV columns, matched by name. */
const DEFAULT_LAYOUT = '';
const DEFAULT_SPEC = { format: 'csv', columns: {}, delimiter: ',' };
/** The columns as mapped on the screen (a file with a header whose names are not the contract's). */
const MAPPED_LAYOUT = '\u0000mapped';
/** Problems shown in the report grid; the exported report holds them all. */
const SHOWN_PROBLEMS = 1000;

const PROBLEM_COLUMNS: readonly GridColumn<RegisterProblemView & { key: number }>[] = [
  { id: 'line', header: 'Line', cell: (p) => p.line, text: (p) => String(p.line), className: 'num' },
  { id: 'column', header: 'Column', cell: (p) => p.column, className: 'code' },
  { id: 'code', header: 'Problem', cell: (p) => p.code, className: 'code' },
  { id: 'message', header: 'In words', cell: (p) => p.message },
];
const problemKey = (p: { key: number }) => p.key;

interface Checked {
  readonly jobId: number;
  readonly result: RegisterImportResult;
  readonly problems: readonly (RegisterProblemView & { key: number })[];
}

/**
 * Import the record-date register: main's dialog chooses the file; a saved layout of the issuer
 * or the default; check it (nothing written), read the report, export it, then import. Each run is
 * a job: its progress and Cancel are in the status bar.
 */
export function ImportPanel({ user, programId, issuer, hasRegister }: { user: SessionUser; programId: number; issuer: string; hasRegister: boolean }) {
  const call = useDesk();
  const status = useStatus();
  const finished = useJobFinished();
  const layoutId = useId();
  const goodId = useId();
  const [file, setFile] = useState<ChosenRegisterFile | null>(null);
  const [layout, setLayout] = useState(DEFAULT_LAYOUT);
  const [map, setMap] = useState<ColumnMap>({});
  const [goodRowsOnly, setGoodRowsOnly] = useState(false);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [busy, setBusy] = useState(false);
  const layouts = useDeskQuery('register.layouts', { issuer }, { topics: ['register'], enabled: file !== null });
  const source = useArraySource(checked?.problems ?? [], problemKey);

  if (user.role === 'clerk') return null;
  if (hasRegister) return <p className="muted">The register of this program is imported; a program has one record-date register.</p>;

  const choose = async () => {
    const chosen = await call('register.chooseFile', {});
    if (!chosen.ok) return status.report(chosen.error.message, chosen.error.code === 'CANCELLED' ? 'info' : 'problem');
    setFile(chosen.value);
    setMap(mappingByName(chosen.value.preview.columns));
    setChecked(null);
  };

  const mappable = file !== null && file.format !== 'fixed';
  const layoutToUse = () => {
    if (layout === DEFAULT_LAYOUT) return { spec: DEFAULT_SPEC };
    if (layout !== MAPPED_LAYOUT) return { name: layout };
    return { spec: file?.format === 'xlsx' ? { format: 'xlsx', columns: map } : { format: 'csv', delimiter: ',', columns: map } };
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    try {
      const started = await call('register.startImport', { programId, fileToken: file.fileToken, layout: layoutToUse(), goodRowsOnly, dryRun });
      if (!started.ok) return status.report(started.error.message, 'problem');
      const job = await finished(started.value.jobId);
      if (job.state !== 'done') return status.report(job.error?.message ?? `The import was ${job.state}; the book is as it was.`, job.state === 'cancelled' ? 'info' : 'problem');
      const result = await call('register.importResult', { jobId: started.value.jobId });
      if (!result.ok) return status.report(result.error.message, 'problem');
      const page = await call('register.problems', { jobId: started.value.jobId, offset: 0, limit: SHOWN_PROBLEMS });
      const problems = page.ok ? page.value.problems.map((p, key) => ({ ...p, key })) : [];
      setChecked({ jobId: started.value.jobId, result: result.value, problems });
      const r = result.value;
      status.report(
        r.committed ? `Imported ${r.imported.toLocaleString('en-US')} rows; ${r.rejected.toLocaleString('en-US')} rejected.` : `Checked ${r.file.rows.toLocaleString('en-US')} rows: ${r.problemCount.toLocaleString('en-US')} problems; nothing was written.`,
        r.committed ? 'done' : 'info',
      );
    } finally {
      setBusy(false);
    }
  };

  const exportReport = async (format: 'csv' | 'json') => {
    if (!checked) return;
    const saved = await call('register.exportReport', { jobId: checked.jobId, format });
    status.report(saved.ok ? `Report saved as ${saved.value.fileName}.` : saved.error.message, saved.ok ? 'done' : saved.error.code === 'CANCELLED' ? 'info' : 'problem');
  };

  return (
    <section aria-labelledby="register-import" className="register-import">
      <h3 id="register-import">Import the record-date register</h3>
      <div className="toolbar">
        <button type="button" onClick={() => void choose()} disabled={busy}>
          {file ? 'Choose another file…' : 'Choose the register file…'}
        </button>
        {file ? (
          <span>
            {file.fileName} ({file.bytes.toLocaleString('en-US')} bytes, {file.format})
          </span>
        ) : null}
      </div>
      {file ? (
        <>
          <table className="plain preview">
            <caption>The file's first lines</caption>
            <thead>
              <tr>
                {file.preview.columns.map((c, i) => (
                  <th key={i} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {file.preview.rows.slice(0, 5).map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <div className="field inline">
            <label htmlFor={layoutId}>Layout</label>
            <select id={layoutId} value={layout} onChange={(e) => setLayout(e.target.value)}>
              <option value={DEFAULT_LAYOUT}>The contract's CSV columns, matched by name</option>
              {mappable ? <option value={MAPPED_LAYOUT}>The columns as mapped here</option> : null}
              {(layouts.data ?? []).map((l) => (
                <option key={l.name} value={l.name}>
                  {l.name} (version {l.version}, {l.format})
                </option>
              ))}
            </select>
          </div>
          {mappable && layout === MAPPED_LAYOUT ? (
            <ColumnMapping issuer={issuer} format={file.format === 'xlsx' ? 'xlsx' : 'csv'} fileColumns={file.preview.columns} map={map} onChange={setMap} />
          ) : null}
          <div className="field inline">
            <input id={goodId} type="checkbox" checked={goodRowsOnly} onChange={(e) => setGoodRowsOnly(e.target.checked)} />
            <label htmlFor={goodId}>Import the good rows only (otherwise any bad row refuses the whole file)</label>
          </div>
          <div className="toolbar">
            <button type="button" onClick={() => void run(true)} disabled={busy}>
              Check the file
            </button>
            <button type="button" className="primary" onClick={() => void run(false)} disabled={busy}>
              Import
            </button>
          </div>
        </>
      ) : null}
      {checked ? (
        <>
          <p className="import-result" aria-live="polite">
            {checked.result.committed ? 'Imported' : 'Checked, nothing written'}: {checked.result.file.rows.toLocaleString('en-US')} rows, {checked.result.rejected.toLocaleString('en-US')} rejected,{' '}
            {checked.result.problemCount.toLocaleString('en-US')} {checked.result.problemCount === 1 ? 'problem' : 'problems'};{' '}
            {checked.result.imported.toLocaleString('en-US')} {checked.result.committed ? 'imported' : 'would be imported'}
            {!checked.result.committed && !goodRowsOnly && checked.result.rejected > 0 ? ' (any bad row refuses the whole file unless good rows only is chosen)' : ''}.
          </p>
          <Grid label="Problems" columns={PROBLEM_COLUMNS} source={source} emptyText="No problems: every row is good." />
          {checked.result.problemCount > checked.problems.length ? <p className="muted">The first {checked.problems.length.toLocaleString('en-US')} problems are shown; the exported report holds them all.</p> : null}
          <div className="toolbar">
            <button type="button" onClick={() => void exportReport('csv')}>
              Export the report as CSV
            </button>
            <button type="button" onClick={() => void exportReport('json')}>
              Export the report as JSON
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}
