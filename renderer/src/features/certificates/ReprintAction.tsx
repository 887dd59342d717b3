/**
 * A supervisor's reprint of one certificate, marked DUPLICATE: the reason (required, kept in the
 * journal) in a small form, then main's save dialog chooses the file and a job prints it. Once
 * printed, the page says where the file went and its history shows the 'reprinted' event.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { reprintCertificateInput, type CertificateReprintResult } from '../../../../shared/ipc/certificates';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { Dialog } from '../../components/Dialog';
import { EntryForm } from '../../components/EntryForm';
import { TextField } from '../../components/TextField';
import { useEntryForm } from '../../components/useEntryForm';
import { useJobFinished } from '../../frame/jobs';
import { invalidateTopics } from '../../frame/query';
import { checkWith, formSchema } from '../../lib/validation';

type ReasonValues = { reason: string };
const REASON_LABEL = 'Reason for the reprint';
const reasonChecks = { reason: checkWith<ReasonValues>(reprintCertificateInput.shape.reason, REASON_LABEL) };

interface Target {
  readonly certificateId: number;
  readonly number: string;
}

function ReprintForm({ target, onDone, onAbandon }: { target: Target; onDone: (r: CertificateReprintResult) => void; onAbandon: () => void }) {
  const call = useDesk();
  const status = useStatus();
  const finished = useJobFinished();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useEntryForm<ReasonValues>({ id: 'reprint', initial: { reason: '' }, schema: formSchema<ReasonValues>(() => reasonChecks), onProblem: (m) => status.report(m, 'problem') });

  const refuse = (message: string, field?: string): false => {
    if (!(field === 'reason' && form.showFieldProblem('reason', message))) setProblem(message);
    status.report(message, 'problem');
    return false;
  };
  const save = async (): Promise<boolean> => {
    setProblem(null);
    if (!(await form.checkForSave())) return false;
    const started = await call('certificates.reprint', { certificateId: target.certificateId, reason: form.values.reason });
    if (!started.ok) {
      // No file chosen in main's dialog: nothing happened, and the reason stays keyed.
      if (started.error.code === 'CANCELLED') return (status.report(started.error.message, 'info'), false);
      return refuse(started.error.message, started.error.field);
    }
    status.report(`Printing ${target.number} as a DUPLICATE…`, 'info');
    const job = await finished(started.value.jobId);
    if (job.state !== 'done') return refuse(job.error?.message ?? `The reprint was ${job.state}; nothing was printed or recorded.`);
    const result = job.result as CertificateReprintResult;
    form.reset();
    await invalidateTopics(queryClient, ['certificates']);
    status.report(`Reprinted ${result.number} as a DUPLICATE: written to ${result.file}.`, 'done');
    onDone(result);
    return true;
  };
  return (
    <EntryForm title="Why it is printed again" onSave={save} onAbandon={onAbandon} dirty={form.dirty} saveLabel="Reprint" problem={problem}>
      <p>One copy, marked DUPLICATE and dated today, into a file you choose next. The reason goes into the journal and the certificate&apos;s history.</p>
      {/* No autoFocus: the dialog focuses its first field itself, after noting where the focus was (to give it back). */}
      <TextField label={REASON_LABEL} field={form.bind('reason')} hint="A few words, e.g. Original returned torn by the post office" />
    </EntryForm>
  );
}

/** Where main wrote the duplicate just printed. */
export function ReprintWritten({ written }: { written: CertificateReprintResult }) {
  return (
    <p className="notice reprinted">
      DUPLICATE of {written.number} written to <span className="code">{written.file}</span>
    </p>
  );
}

/** The "Reprint (DUPLICATE)…" button and its dialog; `onWritten` hears of each duplicate printed. */
export function ReprintAction({ target, onWritten }: { target: Target; onWritten: (r: CertificateReprintResult) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Reprint (DUPLICATE)…
      </button>
      {open ? (
        <Dialog title={`Reprint ${target.number} as a DUPLICATE`} onClose={() => setOpen(false)} className="reprint">
          <ReprintForm
            target={target}
            onAbandon={() => setOpen(false)}
            onDone={(r) => {
              onWritten(r);
              setOpen(false);
            }}
          />
        </Dialog>
      ) : null}
    </>
  );
}
