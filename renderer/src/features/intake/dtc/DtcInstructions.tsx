import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useState } from 'react';
import type { DtcImportResult } from '../../../../../shared/ipc/intake-more';
import { useDesk } from '../../../app/DeskContext';
import { useStatus } from '../../../app/StatusContext';
import { useJobFinished } from '../../../frame/jobs';
import { invalidateTopics, useDeskQuery } from '../../../frame/query';
import { DtcCorrectionForm } from './DtcCorrectionForm';
import { DtcInstructionForm } from './DtcInstructionForm';

/** Importing a DTC instruction file (README: its columns) into an envelope: all or nothing, problems by line. */
function DtcImport({ programId }: { programId: number }) {
  const call = useDesk();
  const status = useStatus();
  const queryClient = useQueryClient();
  const selectId = useId();
  const envelopes = useDeskQuery('intakeItems.envelopes', { programId }, { topics: ['intake'] });
  const [envelopeId, setEnvelopeId] = useState('');
  const [result, setResult] = useState<DtcImportResult | null>(null);
  const finished = useJobFinished();
  const run = async () => {
    if (envelopeId === '') {
      status.report('Envelope for the file: choose the DTC delivery it came in', 'problem');
      return;
    }
    const started = await call('dtc.importFile', { envelopeId: Number(envelopeId) });
    if (!started.ok) {
      status.report(started.error.message, started.error.code === 'CANCELLED' ? 'info' : 'problem');
      return;
    }
    // The file is imported as a job in a worker: its progress and Cancel are in the status bar meanwhile.
    const job = await finished(started.value.jobId);
    if (job.state !== 'done') {
      status.report(job.error?.message ?? `The DTC import was ${job.state}; nothing was imported.`, job.state === 'cancelled' ? 'info' : 'problem');
      return;
    }
    const r = await call('dtc.importResult', { jobId: started.value.jobId });
    if (!r.ok) {
      status.report(r.error.message, 'problem');
      return;
    }
    setResult(r.value);
    await invalidateTopics(queryClient, ['intake']);
    status.report(r.value.committed ? `${r.value.instructions} instructions imported from ${r.value.fileName}.` : `${r.value.fileName} was not imported: ${r.value.problems.length} problems (nothing was written).`, r.value.committed ? 'done' : 'problem');
  };
  return (
    <section aria-label="Import a DTC instruction file">
      <h3>Import a DTC instruction file</h3>
      <div className="field">
        <label htmlFor={selectId}>Envelope for the file</label>
        <select id={selectId} value={envelopeId} onChange={(e) => setEnvelopeId(e.target.value)}>
          <option value="">Choose an envelope</option>
          {(envelopes.data ?? []).map((e) => (
            <option key={e.envelopeId} value={e.envelopeId}>{`${e.batchLabel} · envelope ${e.seq} · ${e.source}`}</option>
          ))}
        </select>
      </div>
      <button type="button" onClick={() => void run()}>
        Choose the file and import…
      </button>
      {result && !result.committed ? (
        <table className="problems">
          <caption>{`Problems in ${result.fileName} (nothing was imported)`}</caption>
          <thead>
            <tr><th>Line</th><th>Column</th><th>Code</th><th>Problem</th></tr>
          </thead>
          <tbody>
            {result.problems.map((p, i) => (
              <tr key={i}><td>{p.line}</td><td>{p.column}</td><td className="code">{p.code}</td><td>{p.message}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/**
 * The program's DTC instructions: key one (or correct one, in the same place), import a file, and
 * the list with each one's deficiencies. Each listed instruction has its own Correct… button.
 */
export function DtcInstructions({ programId }: { programId: number }) {
  const list = useDeskQuery('dtc.list', { programId }, { topics: ['intake'] });
  const [correcting, setCorrecting] = useState<number | null>(null);
  const backToKeying = useCallback(() => setCorrecting(null), []);
  return (
    <>
      {correcting === null ? <DtcInstructionForm programId={programId} /> : <DtcCorrectionForm key={correcting} programId={programId} electionId={correcting} onDone={backToKeying} />}
      <DtcImport programId={programId} />
      <table className="plain-list" aria-label="DTC instructions keyed">
        <caption>DTC instructions keyed (newest first; a corrected one shows as the instruction that replaced it)</caption>
        <thead>
          <tr><th>VOI</th><th>Participant</th><th>Position</th><th>Rights</th><th>Basic</th><th>Over</th><th>Certified</th><th>Deficiencies</th><th>Keyed wrong?</th></tr>
        </thead>
        <tbody>
          {(list.data ?? []).map((i) => (
            <tr key={i.electionId}>
              <td className="code">{i.voiNumber}</td>
              <td>{`${i.participantNumber} ${i.participantName}`}</td>
              <td className="code">{i.certificateNumber}</td>
              <td>{i.rightsSurrendered.toLocaleString('en-US')}</td>
              <td>{i.basicShares.toLocaleString('en-US')}</td>
              <td>{i.oversubscriptionShares.toLocaleString('en-US')}</td>
              <td>{i.certified ? `Yes (${i.lines} lines)` : 'No'}</td>
              <td>{i.assessment.deficiencies.length === 0 ? 'None' : i.assessment.deficiencies.map((d) => `${d.title} (${d.code})`).join('; ')}</td>
              <td>
                <button type="button" onClick={() => setCorrecting(i.electionId)}>
                  {`Correct VOI ${i.voiNumber}…`}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
