import { dialog, type BrowserWindow } from 'electron';
import type { Desk } from '../desk/desk';
import type { FileLog } from './file-log';

/**
 * File ▸ New book… and File ▸ Open a book file…: through the same handler table as a call from the screen (the desk
 * asks main's dialog for the file); on success the screen starts over on the new book.
 */
export function createBookChoiceActions(desk: Desk, mainWindow: () => BrowserWindow | null, log: FileLog) {
  const warn = async (message: string, detail: string): Promise<void> => {
    const window = mainWindow();
    const options = { type: 'warning' as const, title: 'Offering Desk', message, detail, buttons: ['OK'] };
    await (window === null ? dialog.showMessageBox(options) : dialog.showMessageBox(window, options));
  };
  const choose = (channel: 'book.openFile' | 'book.newFile', refused: string) => () =>
    void (async () => {
      try {
        const result = await desk.dispatch(channel, {});
        if (result.ok) mainWindow()?.webContents.reload();
        else if (result.error.code !== 'CANCELLED') await warn(refused, result.error.message);
      } catch (error) {
        log.error(`${channel} from the menu failed unexpectedly`, error);
        await warn('Something went wrong.', 'The details are in the log file; please tell your supervisor.');
      }
    })();
  return {
    openBookFile: choose('book.openFile', 'No other book was opened.'),
    newBookFile: choose('book.newFile', 'No new book was made.'),
  };
}
