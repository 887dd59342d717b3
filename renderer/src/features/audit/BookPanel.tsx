import { useState } from 'react';
import type { BackupResult, BookInfo, SessionUser } from '../../../../shared/ipc/types';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useJobFinished } from '../../frame/jobs';
import { useDeskQuery } from '../../frame/query';

const formatBytes = (bytes: number): string =>
  bytes >= 1024 ? `${Math.round(bytes / 1024).toLocaleString('en-US')} KB` : `${bytes} bytes`;

/** The book of record: where it is, how big, and its backups. Main asks for the file with a dialog. */
export function BookPanel({ user, onBookReplaced }: { user: SessionUser; onBookReplaced: () => void }) {
  const call = useDesk();
  const status = useStatus();
  const infoQuery = useDeskQuery('book.info', {}, { topics: ['journal', 'book'] });
  const info = infoQuery.data ?? null;
  const problem = infoQuery.error?.message ?? null;
  const [askingRestore, setAskingRestore] = useState(false);

  const finished = useJobFinished();

  /** Starts a job on `channel` and waits for its end; null when it did not start or did not finish well (already reported). */
  const runJob = async (channel: 'book.backup' | 'book.restore', words: string): Promise<unknown> => {
    const started = await call(channel, {});
    if (!started.ok) {
      status.report(started.error.code === 'CANCELLED' ? `${words} cancelled; nothing was changed.` : started.error.message, started.error.code === 'CANCELLED' ? 'info' : 'problem');
      return null;
    }
    const job = await finished(started.value.jobId);
    if (job.state === 'done') return job.result ?? null;
    status.report(job.state === 'cancelled' ? `${words} cancelled; the book is as it was.` : (job.error?.message ?? `${words} failed.`), job.state === 'cancelled' ? 'info' : 'problem');
    return null;
  };

  const backUp = async () => {
    const backup = (await runJob('book.backup', 'Backup')) as BackupResult | null;
    if (backup) status.report(`Backup written to ${backup.path} (${formatBytes(backup.bytes)}${backup.head ? `; its journal head #${backup.head.seq} ${backup.head.hash}` : ''}).`, 'done');
  };

  const restore = async () => {
    const book = (await runJob('book.restore', 'Restore')) as BookInfo | null;
    if (!book) return;
    status.report(`Book restored from the backup (${book.journalEntries} journal entries).`, 'done');
    onBookReplaced();
  };

  return (
    <section aria-labelledby="book-title">
      <h2 id="book-title">Book</h2>
      {problem ? (
        <p className="form-problem" role="alert">
          The book information cannot be read: {problem}
        </p>
      ) : null}
      {info ? (
        <dl className="facts">
          <dt>{info.kind === 'postgres' ? 'Office database' : 'File'}</dt>
          <dd className="code">{info.path}</dd>
          <dt>Schema version</dt>
          <dd>{info.schemaVersion}</dd>
          <dt>Journal entries</dt>
          <dd>{info.journalEntries.toLocaleString('en-US')}</dd>
          <dt>Store</dt>
          <dd>{info.engine}</dd>
          <dt>Journal head</dt>
          <dd className="code">{info.head ? `#${info.head.seq} ${info.head.hash}` : 'none'}</dd>
        </dl>
      ) : null}
      <div className="toolbar">
        <button type="button" onClick={() => void backUp()}>
          Back up…
        </button>
        {user.role === 'admin' ? (
          <button type="button" onClick={() => setAskingRestore(true)}>
            Restore…
          </button>
        ) : null}
      </div>
      {askingRestore ? (
        <ConfirmDialog
          question="Restore the book from a backup?"
          detail="Everything recorded since that backup is replaced by the backup's contents. Anyone the backup does not know is signed out."
          yesLabel="Choose the backup"
          noLabel="Keep the book"
          onAnswer={(yes) => {
            setAskingRestore(false);
            if (yes) void restore();
          }}
        />
      ) : null}
    </section>
  );
}
