import { useId, useState, type Ref } from 'react';
import type { BatchControlView } from '../../../../../shared/ipc/batch-control';
import type { Channel } from '../../../../../shared/ipc/channels';
import { useDesk } from '../../../app/DeskContext';
import { useStatus } from '../../../app/StatusContext';
import { useJobFinished } from '../../../frame/jobs';
import { whole } from './batch-words';

type PrintChannel = Extract<Channel, 'batchControl.printReport' | 'batchControl.printConfirmations' | 'batchControl.printConfirmation'>;
interface PrintedResult { readonly fileName?: string; readonly pages: number; readonly letters?: number; readonly files?: readonly { fileName: string }[] }

const lineOf = (e: BatchControlView['elections'][number]): string =>
  `Election ${e.electionId} — ${e.certificateNumber}${e.kind === 'dtc' ? ' (DTC)' : ''} — envelope ${e.envelopeSeq}${e.reversed ? ' — withdrawn' : ''}${e.deficiencies.length > 0 ? ` — ${e.deficiencies.join(', ')}` : ' — in good order'}`;

/** The batch control report, all the batch's confirmations, or one chosen election's: jobs, the files chosen in main's dialogs. */
export function BatchPrints({ view, reportButton }: { view: BatchControlView; reportButton?: Ref<HTMLButtonElement> }) {
  const call = useDesk();
  const status = useStatus();
  const finished = useJobFinished();
  const electionSelect = useId();
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState(String(view.elections[0]?.electionId ?? ''));

  const print = async (channel: PrintChannel, input: { batchId: number } | { electionId: number }, what: string) => {
    setBusy(true);
    try {
      const started = await call(channel, input as never);
      if (!started.ok) return status.report(started.error.message, started.error.code === 'CANCELLED' ? 'info' : 'problem');
      const job = await finished(started.value.jobId);
      if (job.state !== 'done') return status.report(job.error?.message ?? `Printing was ${job.state}; no file was left behind.`, job.state === 'cancelled' ? 'info' : 'problem');
      const r = job.result as PrintedResult;
      const names = r.files ? r.files.map((f) => f.fileName).join(', ') : (r.fileName ?? '');
      status.report(`Printed ${what}${r.letters !== undefined ? ` (${whole(r.letters)} letters)` : ''}, ${whole(r.pages)} page${r.pages === 1 ? '' : 's'}: ${names}.`, 'done');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="batch-prints" aria-label="Print">
      <div className="toolbar">
        <button ref={reportButton} type="button" disabled={busy} onClick={() => void print('batchControl.printReport', { batchId: view.batchId }, 'the batch control report')}>
          Print the control report…
        </button>
        <button type="button" disabled={busy || view.elections.length === 0} onClick={() => void print('batchControl.printConfirmations', { batchId: view.batchId }, 'the confirmations')}>
          Print all confirmations…
        </button>
      </div>
      {view.elections.length > 0 ? (
        <div className="toolbar">
          <span className="field inline">
            <label htmlFor={electionSelect}>Election</label>
            <select id={electionSelect} value={chosen} onChange={(e) => setChosen(e.target.value)}>
              {view.elections.map((e) => (
                <option key={e.electionId} value={String(e.electionId)}>
                  {lineOf(e)}
                </option>
              ))}
            </select>
          </span>
          <button type="button" disabled={busy || chosen === ''} onClick={() => void print('batchControl.printConfirmation', { electionId: Number.parseInt(chosen, 10) }, `the confirmation of election ${chosen}`)}>
            Print its confirmation…
          </button>
        </div>
      ) : null}
    </section>
  );
}
