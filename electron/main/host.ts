import path from 'node:path';
import { app, dialog, safeStorage, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { DeskHost } from '../desk/desk';
import type { FileLog } from './file-log';

/** What the desk may ask of the machine: native file dialogs (over the desk window) and the log. */
export function createDeskHost(mainWindow: () => BrowserWindow | null, log: FileLog): DeskHost {
  return {
    async chooseSavePath({ title, defaultName }) {
      const options: SaveDialogOptions = {
        title,
        defaultPath: path.join(app.getPath('documents'), defaultName),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const window = mainWindow();
      const result = window === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(window, options);
      return result.canceled || result.filePath === undefined || result.filePath === '' ? null : result.filePath;
    },
    async chooseOpenPath({ title }) {
      const options: OpenDialogOptions = { title, properties: ['openFile'] };
      const window = mainWindow();
      const result = window === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFolder({ title }) {
      const options: OpenDialogOptions = { title, properties: ['openDirectory', 'createDirectory'] };
      const window = mainWindow();
      const result = window === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    logError(error, { channel }) {
      log.error(`unexpected failure on ${channel}`, error);
    },
    // safeStorage seals with the operating system's keychain (DPAPI, Keychain, libsecret/kwallet).
    sealSecret(plain) {
      if (!safeStorage.isEncryptionAvailable()) return null;
      return safeStorage.encryptString(plain).toString('base64');
    },
    unsealSecret(sealed) {
      try {
        return safeStorage.isEncryptionAvailable() ? safeStorage.decryptString(Buffer.from(sealed, 'base64')) : null;
      } catch {
        return null; // sealed on another machine or for another user
      }
    },
  };
}
