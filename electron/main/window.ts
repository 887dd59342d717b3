import { BrowserWindow, screen } from 'electron';
import type { WindowBounds } from '../desk/prefs/prefs';
import { APP_ENTRY_URL } from './app-origin';
import { DEFAULT_SIZE, MIN_SIZE, restorableBounds } from './window-bounds';

export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly savedBounds: WindowBounds | null;
  readonly isDev: boolean;
  readonly iconPath?: string;
}

/** The one desk window: sandboxed, isolated, no Node, no webview, no spellcheck. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const bounds = restorableBounds(options.savedBounds, screen.getAllDisplays().map((d) => d.workArea));
  const window = new BrowserWindow({
    ...(bounds === null ? DEFAULT_SIZE : { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height }),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Offering Desk',
    backgroundColor: '#ffffff',
    ...(options.iconPath === undefined ? {} : { icon: options.iconPath }),
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: options.isDev,
    },
  });
  window.once('ready-to-show', () => {
    if (bounds?.maximized === true) window.maximize();
    window.show();
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** Where the window is, in the form preferences keep (the un-maximized size, plus the flag). */
export function currentBounds(window: BrowserWindow): WindowBounds {
  const { x, y, width, height } = window.getNormalBounds();
  return { x, y, width, height, maximized: window.isMaximized() };
}
