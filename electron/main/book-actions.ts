import { dialog, type BrowserWindow } from 'electron';
import type { Desk } from '../desk/desk';
import type { BackupResult, BookInfo, JobStarted } from '../../shared/ipc/types';
import type { DeskResult } from '../../shared/ipc/result';
import type { FileLog } from './file-log';

/**
 * File ▸ Back up book… and File ▸ Restore…: run through the same handler table as any call from
 * the screen (so the same role checks apply), with the desk's own native dialogs; the outcome is
 * shown in a message box.
 */
export function createBookActions(desk: Desk, mainWindow: () => BrowserWindow | null, log: FileLog) {
  const tell = async (type: 'info' | 'warning', message: string, detail: string): Promise<void> => {
    const window = mainWindow();
    const options = { type, title: 'Offering Desk', message, detail, buttons: ['OK'] };
    await (window === null ? dialog.showMessageBox(options) : dialog.showMessageBox(window, options));
  };

  // The channel starts a job (progress and Cancel show in the window's status bar); the box waits for its end.
  const run = async <T>(channel: 'book.backup' | 'book.restore', refused: string, success: (value: T) => Promise<void>): Promise<void> => {
    try {
      const started = (await desk.dispatch(channel, {})) as DeskResult<JobStarted>;
      if (!started.ok) {
        if (started.error.code !== 'CANCELLED') await tell('warning', refused, started.error.message);
        return;
      }
      const job = await desk.whenFinished(started.value.jobId);
      if (job.state === 'done') await success(job.result as T);
      else if (job.state === 'failed') await tell('warning', refused, job.error?.message ?? 'The job did not finish.');
    } catch (error) {
      log.error(`${channel} from the menu failed unexpectedly`, error);
      await tell('warning', 'Something went wrong.', 'The details are in the log file; please tell your supervisor.');
    }
  };

  return {
    backUpBook: () =>
      void run<BackupResult>('book.backup', 'No backup was made.', (backup) =>
        tell('info', 'The book is backed up.', `${backup.path}\n${backup.bytes.toLocaleString('en-US')} bytes${backup.head ? `\nJournal head #${backup.head.seq} ${backup.head.hash}` : ''}`),
      ),
    restoreBook: () =>
      void run<BookInfo>('book.restore', 'The book was not restored.', async (book) => {
        await tell('info', 'The book is restored.', book.path);
        mainWindow()?.webContents.reload(); // the screen starts over from the restored book
      }),
  };
}
