import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../shared/ipc/bridge';
import { buildMenuTemplate, type MenuItemSpec } from './menu-template';

const build = (platform = 'win32', isDev = false) => {
  const sent: MenuCommand[] = [];
  const actions = { send: (c: MenuCommand) => sent.push(c), backUpBook: vi.fn(), restoreBook: vi.fn(), openBookFile: vi.fn(), newBookFile: vi.fn() };
  const template = buildMenuTemplate({ platform, isDev, appName: 'Offering Desk' }, actions);
  return { template, sent, actions };
};

const menu = (template: MenuItemSpec[], label: string): MenuItemSpec[] => {
  const found = template.find((m) => m.label === label);
  if (!found?.submenu) throw new Error(`no menu ${label}`);
  return found.submenu;
};
const item = (items: MenuItemSpec[], label: string): MenuItemSpec => {
  const found = items.find((i) => i.label === label);
  if (!found) throw new Error(`no item ${label}`);
  return found;
};
const allItems = (items: MenuItemSpec[]): MenuItemSpec[] => items.flatMap((i) => [i, ...allItems(i.submenu ?? [])]);

describe('buildMenuTemplate', () => {
  it('offers to open a book file (main runs it) or connect to an office database (the screen asks)', () => {
    const { template, sent, actions } = build();
    const file = menu(template, 'File');
    item(file, 'Open a book file…').click?.();
    expect(actions.openBookFile).toHaveBeenCalledTimes(1);
    item(file, 'New book…').click?.();
    expect(actions.newBookFile).toHaveBeenCalledTimes(1);
    item(file, 'Connect to an office database…').click?.();
    expect(sent).toEqual(['book:connect']);
  });

  it('has File, Go, Edit, View and Help, with an app menu first on macOS only', () => {
    expect(build('win32').template.map((m) => m.label)).toEqual(['File', 'Go', 'Edit', 'View', 'Help']);
    expect(build('linux').template.map((m) => m.label)).toEqual(['File', 'Go', 'Edit', 'View', 'Help']);
    expect(build('darwin').template.map((m) => m.label)).toEqual(['Offering Desk', 'File', 'Go', 'Edit', 'View', 'Help']);
  });

  it('lists the ten areas in roadmap order on Ctrl+1 … Ctrl+0, each sending its command', () => {
    const { template, sent } = build();
    const go = menu(template, 'Go').slice(0, 10);
    expect(go.map((i) => [i.label, i.accelerator])).toEqual([
      ['Setup', 'CmdOrCtrl+1'],
      ['Register', 'CmdOrCtrl+2'],
      ['Certificates', 'CmdOrCtrl+3'],
      ['Intake', 'CmdOrCtrl+4'],
      ['Payments', 'CmdOrCtrl+5'],
      ['Queue', 'CmdOrCtrl+6'],
      ['Lost certificates', 'CmdOrCtrl+7'],
      ['Reports', 'CmdOrCtrl+8'],
      ['Close', 'CmdOrCtrl+9'],
      ['Audit', 'CmdOrCtrl+0'],
    ]);
    go.forEach((i) => i.click?.());
    expect(sent).toEqual([
      'area:setup',
      'area:register',
      'area:certificates',
      'area:intake',
      'area:payments',
      'area:queue',
      'area:lost',
      'area:reports',
      'area:close',
      'area:audit',
    ]);
  });

  it('goes back and forward on Alt+Left and Alt+Right, after the areas', () => {
    const { template, sent } = build();
    const go = menu(template, 'Go');
    expect(go.slice(10).map((i) => i.type ?? [i.label, i.accelerator])).toEqual(['separator', ['Back', 'Alt+Left'], ['Forward', 'Alt+Right']]);
    item(go, 'Back').click?.();
    item(go, 'Forward').click?.();
    expect(sent).toEqual(['nav:back', 'nav:forward']);
  });

  it('wires File: backup and restore run in main, lock and sign-out go to the screen', () => {
    const { template, sent, actions } = build();
    const file = menu(template, 'File');
    item(file, 'Back up book…').click?.();
    item(file, 'Restore…').click?.();
    expect(actions.backUpBook).toHaveBeenCalledTimes(1);
    expect(actions.restoreBook).toHaveBeenCalledTimes(1);
    expect(item(file, 'Lock').accelerator).toBe('CmdOrCtrl+L');
    item(file, 'Lock').click?.();
    item(file, 'Sign out').click?.();
    expect(sent).toEqual(['session:lock', 'session:signOut']);
    expect(item(file, 'Quit').role).toBe('quit');
  });

  it('puts Quit in the app menu on macOS, not in File', () => {
    const { template } = build('darwin');
    expect(menu(template, 'File').some((i) => i.role === 'quit')).toBe(false);
    expect(menu(template, 'Offering Desk').some((i) => i.role === 'quit')).toBe(true);
  });

  it('has Find on Ctrl+K, Print on Ctrl+P and Keyboard keys on F1', () => {
    const { template, sent } = build();
    const view = menu(template, 'View');
    expect(item(view, 'Find…').accelerator).toBe('CmdOrCtrl+K');
    expect(item(view, 'Print…').accelerator).toBe('CmdOrCtrl+P');
    const keys = item(menu(template, 'Help'), 'Keyboard keys');
    expect(keys.accelerator).toBe('F1');
    item(view, 'Find…').click?.();
    item(view, 'Print…').click?.();
    keys.click?.();
    expect(sent).toEqual(['find', 'print', 'help:keys']);
  });

  it('uses the standard roles in Edit', () => {
    expect(menu(build().template, 'Edit').flatMap((i) => (i.role ? [i.role] : []))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (isDev: boolean) => allItems(build('linux', isDev).template).flatMap((i) => (i.role ? [i.role] : []));
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('sends only known menu commands and never gives two items the same accelerator', () => {
    for (const platform of ['win32', 'darwin', 'linux']) {
      const { template, sent } = build(platform, true);
      const items = allItems(template);
      items.forEach((i) => i.click?.());
      expect(sent.every((c) => (MENU_COMMANDS as readonly string[]).includes(c))).toBe(true);
      const accelerators = items.flatMap((i) => (i.accelerator ? [i.accelerator] : []));
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
  });
});
