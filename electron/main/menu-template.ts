import { AREA_TABLE } from '../../shared/areas';
import type { MenuCommand } from '../../shared/ipc/bridge';

/**
 * The application menu as plain data, so its shape and accelerators are tested without Electron.
 * Structurally a subset of Electron's MenuItemConstructorOptions; `menu.ts` builds it.
 */
export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'delete'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit';

export interface MenuItemSpec {
  readonly label?: string;
  readonly role?: MenuRole;
  readonly type?: 'normal' | 'separator' | 'submenu';
  readonly accelerator?: string;
  readonly click?: () => void;
  readonly submenu?: MenuItemSpec[];
}

export interface MenuActions {
  /** Pushes a command to the renderer (over `desk:command`). */
  send(command: MenuCommand): void;
  /** Book operations run in main: they open native file dialogs and need no screen. */
  backUpBook(): void;
  restoreBook(): void;
  /** Opens another book file chosen in main's dialog; the screen starts over on it. */
  openBookFile(): void;
  /** Makes a new, empty book where main's save dialog says, and opens it. */
  newBookFile(): void;
}

export interface MenuOptions {
  readonly platform: string;
  /** Reload and developer tools appear only when running from source. */
  readonly isDev: boolean;
  readonly appName: string;
}

/** The areas come from the one shared table, so the menu and the screen never disagree. */
export const AREAS: readonly { readonly label: string; readonly command: MenuCommand; readonly digit: string }[] = AREA_TABLE;

const separator: MenuItemSpec = { type: 'separator' };

export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): MenuItemSpec[] {
  const mac = options.platform === 'darwin';
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemSpec => ({
    label,
    click: () => actions.send(cmd),
    ...(accelerator === undefined ? {} : { accelerator }),
  });

  const appMenu: MenuItemSpec = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const file: MenuItemSpec = {
    label: 'File',
    submenu: [
      { label: 'New book…', click: () => actions.newBookFile() },
      { label: 'Open a book file…', click: () => actions.openBookFile() },
      command('Connect to an office database…', 'book:connect'),
      separator,
      { label: 'Back up book…', click: () => actions.backUpBook() },
      { label: 'Restore…', click: () => actions.restoreBook() },
      separator,
      command('Lock', 'session:lock', 'CmdOrCtrl+L'),
      command('Sign out', 'session:signOut'),
      ...(mac ? [] : [separator, { role: 'quit', label: 'Quit', accelerator: 'CmdOrCtrl+Q' } satisfies MenuItemSpec]),
    ],
  };

  const go: MenuItemSpec = {
    label: 'Go',
    submenu: [
      ...AREAS.map((area) => command(area.label, area.command, `CmdOrCtrl+${area.digit}`)),
      separator,
      command('Back', 'nav:back', 'Alt+Left'),
      command('Forward', 'nav:forward', 'Alt+Right'),
    ],
  };

  const edit: MenuItemSpec = {
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, separator, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'delete' }, separator, { role: 'selectAll' }],
  };

  const view: MenuItemSpec = {
    label: 'View',
    submenu: [
      command('Find…', 'find', 'CmdOrCtrl+K'),
      command('Print…', 'print', 'CmdOrCtrl+P'),
      ...(options.isDev ? [separator, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] satisfies MenuItemSpec[] : []),
    ],
  };

  const help: MenuItemSpec = {
    label: 'Help',
    submenu: [command('Keyboard keys', 'help:keys', 'F1'), ...(mac ? [] : [separator, { role: 'about' } satisfies MenuItemSpec])],
  };

  return [...(mac ? [appMenu] : []), file, go, edit, view, help];
}
