import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../desk/store/open-store';
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY } from './app-origin';

// The main process wired against a stand-in for Electron (this machine has no Electron binary):
// what it registers, how the window is made, and how it answers calls and refuses strangers.

type Listener = (...args: unknown[]) => unknown;
type IpcHandler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
type ProtocolHandler = (request: Request) => Promise<Response>;

const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const appListeners = new Map<string, Listener[]>();
  const windows: { options: Record<string, unknown>; loaded: string[]; sent: unknown[][] }[] = [];
  const state = {
    ipc: new Map<string, IpcHandler>(),
    protocols: new Map<string, ProtocolHandler>(),
    schemes: [] as unknown[],
    permissionRequest: null as null | Listener,
    permissionCheck: null as null | Listener,
    menu: null as unknown,
    errorBoxes: [] as [string, string][],
    exitCode: null as number | null,
    userData: '',
    appPath: '',
  };
  const mainFrame = { url: 'app://desk/index.html', processId: 1, routingId: 1, parent: null };
  class BrowserWindow {
    readonly webContents = {
      id: 1,
      mainFrame,
      on: () => undefined,
      send: (...args: unknown[]) => this.record.sent.push(args),
      reload: () => undefined,
    };
    private readonly record: { options: Record<string, unknown>; loaded: string[]; sent: unknown[][] };
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [], sent: [] };
      windows.push(this.record);
      calls.push('new BrowserWindow');
    }
    once() {}
    on() {}
    isDestroyed() {
      return false;
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
  }
  const session = {
    setPermissionRequestHandler: (h: Listener) => void (state.permissionRequest = h),
    setPermissionCheckHandler: (h: Listener) => void (state.permissionCheck = h),
    setDevicePermissionHandler: () => undefined,
    on: () => undefined,
    webRequest: { onHeadersReceived: () => undefined },
    protocol: { handle: (scheme: string, h: ProtocolHandler) => void state.protocols.set(scheme, h) },
  };
  const electron = {
    app: {
      isPackaged: false,
      enableSandbox: () => void calls.push('enableSandbox'),
      setName: () => undefined,
      setPath: (name: string, value: string) => {
        if (name === 'userData') state.userData = value;
      },
      getPath: (name: string) => (name === 'userData' ? state.userData : tmpdir()),
      getAppPath: () => state.appPath,
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: Listener) => appListeners.set(event, [...(appListeners.get(event) ?? []), listener]),
      whenReady: () => {
        calls.push('whenReady');
        return Promise.resolve();
      },
      quit: () => undefined,
      exit: (code: number) => void (state.exitCode = code),
    },
    protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => void (state.schemes.push(...schemes), calls.push('registerSchemes')) },
    session: { defaultSession: session },
    ipcMain: { handle: (channel: string, h: IpcHandler) => void state.ipc.set(channel, h) },
    dialog: { showErrorBox: (title: string, message: string) => void state.errorBoxes.push([title, message]) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => void (state.menu = m) },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    BrowserWindow,
  };
  return { calls, appListeners, windows, state, electron, mainFrame };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const folder = mkdtempSync(path.join(tmpdir(), 'desk-main-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Starts main as Electron would, with its own user data, app folder and book; waits for the window. */
async function startMain(bookPath: string): Promise<void> {
  vi.resetModules();
  fake.calls.length = 0;
  fake.windows.length = 0;
  fake.state.errorBoxes.length = 0;
  fake.state.exitCode = null;
  fake.state.ipc.clear();
  fake.appListeners.clear();
  process.env['OFFERING_DESK_USER_DATA'] = path.join(folder, 'user-data');
  process.argv = [process.argv[0]!, 'main.cjs', `--book=${bookPath}`];
  await import('./main');
  await vi.waitFor(() => expect(fake.windows.length > 0 || fake.state.exitCode !== null).toBe(true), { timeout: 10_000 });
}

describe('main, on a new book', () => {
  beforeEach(async () => {
    fake.state.appPath = path.join(folder, 'app');
    mkdirSync(path.join(fake.state.appPath, 'renderer', 'dist', 'assets'), { recursive: true });
    writeFileSync(path.join(fake.state.appPath, 'renderer', 'dist', 'index.html'), '<!doctype html><title>Offering Desk</title>');
    writeFileSync(path.join(folder, 'secret.txt'), 'not for the page');
    // A book named by --book must exist: it is made first, as `offering-desk init` would.
    const book = path.join(folder, `new-${Date.now()}.book`);
    await (await openStore(book, { now: () => new Date(), mode: 'create' })).close();
    await startMain(book);
  });

  it('registers the app scheme as standard and secure before the app is ready, and sandboxes every renderer', () => {
    expect(fake.calls.indexOf('registerSchemes')).toBeLessThan(fake.calls.indexOf('whenReady'));
    expect(fake.calls).toContain('enableSandbox');
    expect(fake.state.schemes).toContainEqual({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) });
  });

  it('opens one hardened window on the app’s own URL', () => {
    expect(fake.windows).toHaveLength(1);
    const [window] = fake.windows;
    expect(window!.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      preload: expect.stringMatching(/preload\.cjs$/),
    });
    expect(window!.loaded).toEqual([APP_ENTRY_URL]);
    expect(fake.state.menu).toEqual(expect.arrayContaining([expect.objectContaining({ label: 'Go' })]));
  });

  it('denies every permission', () => {
    const answers: boolean[] = [];
    fake.state.permissionRequest?.(null, 'media', (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(fake.state.permissionCheck?.(null, 'clipboard-read')).toBe(false);
  });

  it('answers desk calls from the window’s top frame through the desk', async () => {
    const invoke = fake.state.ipc.get('desk:invoke')!;
    const result = await invoke({ sender: { id: 1 }, senderFrame: fake.mainFrame }, 'session.status', {});
    expect(result).toMatchObject({ ok: true, value: { needsFirstAdmin: true, user: null } });
  });

  it('announces each committed change to the window on desk:changed', async () => {
    const invoke = fake.state.ipc.get('desk:invoke')!;
    const first = { username: 'ada', displayName: 'Ada Lovelace', password: 'analytical-engine-1843' };
    expect(await invoke({ sender: { id: 1 }, senderFrame: fake.mainFrame }, 'session.createFirstAdmin', first)).toMatchObject({ ok: true });
    const notices = fake.windows[0]!.sent.filter(([channel]) => channel === 'desk:changed').map(([, notice]) => notice);
    expect(notices).toContainEqual({ seq: expect.any(Number), action: expect.stringMatching(/^user\./), topics: expect.arrayContaining(['journal', 'users']) });
  });

  it('refuses desk calls from anything else', async () => {
    const invoke = fake.state.ipc.get('desk:invoke')!;
    const subframe = { ...fake.mainFrame, routingId: 2, parent: fake.mainFrame };
    const elsewhere = { ...fake.mainFrame, url: 'https://example.com/' };
    for (const event of [
      { sender: { id: 2 }, senderFrame: fake.mainFrame },
      { sender: { id: 1 }, senderFrame: subframe },
      { sender: { id: 1 }, senderFrame: elsewhere },
      { sender: { id: 1 }, senderFrame: null },
    ]) {
      expect(await invoke(event, 'session.status', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('serves the built renderer with the CSP, and nothing outside it', async () => {
    const handle = fake.state.protocols.get('app')!;
    const page = await handle(new Request(APP_ENTRY_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('Offering Desk');
    for (const url of ['app://desk/..%2f..%2f..%2fsecret.txt', 'app://desk/assets/missing.js', 'app://desk/assets']) {
      const refused = await handle(new Request(url));
      expect(refused.status, url).toBe(404);
      expect(refused.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('guards every new web contents: no popups, no navigation away, no webview', () => {
    const [created] = fake.appListeners.get('web-contents-created') ?? [];
    const handlers = new Map<string, Listener>();
    let openHandler: Listener | null = null;
    created?.({}, { setWindowOpenHandler: (h: Listener) => (openHandler = h), on: (e: string, h: Listener) => handlers.set(e, h) });
    expect(openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const attempt = (event: string, url: string) => {
      const e = { url, preventDefault: vi.fn() };
      handlers.get(event)?.(e);
      return e.preventDefault.mock.calls.length > 0;
    };
    expect(attempt('will-navigate', 'https://example.com/')).toBe(true);
    expect(attempt('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(attempt('will-navigate', 'app://desk/index.html')).toBe(false);
    expect(attempt('will-attach-webview', 'app://desk/index.html')).toBe(true);
  });
});

describe('main, on a book it must refuse', () => {
  it('explains in a native box, quits, and leaves the file untouched', async () => {
    const book = path.join(folder, 'not-a-book.book');
    writeFileSync(book, 'this is not a SQLite database');
    await startMain(book);
    expect(fake.state.exitCode).toBe(1);
    expect(fake.windows).toHaveLength(0);
    expect(fake.state.errorBoxes).toHaveLength(1);
    expect(fake.state.errorBoxes[0]![0], fake.state.errorBoxes[0]![1]).toBe('Offering Desk cannot open this book');
    expect(fake.state.errorBoxes[0]![1]).toContain('not-a-book.book');
    expect(readFileSync(book, 'utf8')).toBe('this is not a SQLite database');
    expect(fake.state.ipc.size).toBe(0);
  });

  it('never makes a book at a mistyped --book path: it explains and suggests New book… or init', async () => {
    const book = path.join(folder, 'mistyped.book');
    await startMain(book);
    expect(fake.state.exitCode).toBe(1);
    expect(fake.windows).toHaveLength(0);
    expect(fake.state.errorBoxes[0]![0], fake.state.errorBoxes[0]![1]).toBe('Offering Desk cannot open this book');
    expect(fake.state.errorBoxes[0]![1]).toMatch(/no book at this path[\s\S]*mistyped\.book[\s\S]*File ▸ New book…[\s\S]*offering-desk init/);
    expect(existsSync(book)).toBe(false);
  });
});
