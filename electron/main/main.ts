// The Electron main process: one window, one IPC entry, the menu, and the desk's lifecycle.
// Everything with logic lives in small modules beside this one.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { openDesk, type Desk } from '../desk/desk';
import { openPrefs, type PrefsStore } from '../desk/prefs/prefs';
import { lastBookLocation } from '../desk/services/book-choice';
import { redactUrl } from '../desk/store/open-store';
import { bundledWorkers, useWorkers } from '../desk/workers/run-job';
import { CHANGE_CHANNEL, COMMAND_CHANNEL, JOB_CHANNEL } from '../preload/transport';
import { createBookActions } from './book-actions';
import { createBookChoiceActions } from './book-choice-actions';
import { openFileLog, type FileLog } from './file-log';
import { hardenContents, hardenSession } from './hardening';
import { createDeskHost } from './host';
import { handleDeskCalls } from './ipc';
import { installApplicationMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { describeStartupFailure, resolveBookPath } from './startup';
import { createMainWindow, currentBounds } from './window';

const APP_NAME = 'Offering Desk';

// Before `ready`: the scheme's privileges, the sandbox for every renderer, and where user data goes
// (OFFERING_DESK_USER_DATA lets a smoke test or a second workstation profile keep its own).
registerAppScheme();
app.enableSandbox();
// This file only ever runs bundled (electron/dist/main.cjs): long jobs start the worker bundles
// written beside it (electron/dist/workers/*.cjs), not the TypeScript sources.
useWorkers(bundledWorkers(new URL('./workers/', import.meta.url)));
const userDataOverride = process.env['OFFERING_DESK_USER_DATA'];
if (userDataOverride !== undefined && userDataOverride !== '') app.setPath('userData', path.resolve(userDataOverride));

let mainWindow: BrowserWindow | null = null;
const currentWindow = (): BrowserWindow | null => (mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null);

if (!app.requestSingleInstanceLock()) {
  // Another desk already has this profile (and its book) open: bring that one forward instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    const window = currentWindow();
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  const log = openFileLog(path.join(app.getPath('userData'), 'logs', 'offering-desk.log'));
  app
    .whenReady()
    .then(() => start(log))
    .catch((error: unknown) => {
      log.error('could not start', error);
      dialog.showErrorBox('Offering Desk could not start', 'Something unexpected stopped Offering Desk from starting. The details are in the log file.');
      app.exit(1);
    });
}

async function start(log: FileLog): Promise<void> {
  const userData = app.getPath('userData');
  process.on('uncaughtException', (error) => log.error('uncaught exception in main', error));
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection in main', reason));

  const isDev = !app.isPackaged;
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, (what) => log.info(`refused ${what}`)));
  hardenSession(session.defaultSession);
  serveRenderer(session.defaultSession, path.join(app.getAppPath(), 'renderer', 'dist'), (message, error) => log.error(message, error));

  // The desk keeps its own store on the same file (and records the recent book); this one is for
  // the window. Writes to one file are serialized across stores, so neither loses the other's.
  const prefsPath = path.join(userData, 'preferences.json');
  const prefs = await openPrefs(prefsPath);
  const host = createDeskHost(currentWindow, log);
  const remembered = lastBookLocation(prefs.getLastBook(), (sealed) => host.unsealSecret(sealed));
  const book = resolveBookPath(process.argv, process.env, userData, process.cwd(), remembered);
  const shown = redactUrl(book.path); // an office database's address, never its password
  let desk: Desk;
  try {
    // Only the default book under user data is made when missing (a workstation's very first start);
    // a book given by --book, OFFERING_DESK_BOOK or remembered must exist.
    if (book.isDefault) mkdirSync(path.dirname(book.path), { recursive: true });
    desk = await openDesk({ bookPath: book.path, prefsPath, host, mode: book.isDefault ? 'open-or-create' : 'open' });
  } catch (error) {
    // A refused book is explained and left exactly as it is; nothing else is attempted.
    const failure = describeStartupFailure(error, shown);
    if (failure.unexpected) log.error(`could not open the desk on ${shown}`, error);
    dialog.showErrorBox(failure.title, failure.message);
    app.exit(1);
    return;
  }
  log.info(`opened ${shown}`);

  handleDeskCalls(desk, currentWindow, log);
  // Every committed change is announced to the window, so its screens refetch what went stale.
  desk.onChanged((notice) => currentWindow()?.webContents.send(CHANGE_CHANNEL, notice));
  desk.onJob((job) => currentWindow()?.webContents.send(JOB_CHANNEL, job));
  installApplicationMenu(
    { platform: process.platform, isDev, appName: APP_NAME },
    {
      send: (command) => currentWindow()?.webContents.send(COMMAND_CHANNEL, command),
      ...createBookActions(desk, currentWindow, log),
      ...createBookChoiceActions(desk, currentWindow, log),
    },
  );

  mainWindow = createMainWindow({
    preloadPath: path.join(__dirname, 'preload.cjs'),
    savedBounds: prefs.getWindowBounds(),
    isDev,
    ...(process.platform === 'linux' ? { iconPath: path.join(app.getAppPath(), 'assets', 'icon.png') } : {}),
  });
  mainWindow.webContents.on('render-process-gone', (_event, details) => log.error(`the desk screen stopped (${details.reason})`));
  const pendingWrites = rememberBoundsOnClose(mainWindow, prefs, log);
  closeDeskOnQuit(desk, pendingWrites, log);
}

/** Saves where the window was when it closes; returns a way to wait for that write. */
function rememberBoundsOnClose(window: BrowserWindow, prefs: PrefsStore, log: FileLog): () => Promise<void> {
  let saving: Promise<void> = Promise.resolve();
  window.on('close', () => {
    saving = prefs.setWindowBounds(currentBounds(window)).catch((error: unknown) => log.error('could not save the window position', error));
  });
  return () => saving;
}

/** Holds the quit until preferences are written and the book is closed cleanly. */
function closeDeskOnQuit(desk: Desk, pendingWrites: () => Promise<void>, log: FileLog): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void (async () => {
      await pendingWrites();
      try {
        await desk.close();
      } catch (error) {
        log.error('could not close the book cleanly', error);
      }
      closed = true;
      app.quit();
    })();
  });
}
