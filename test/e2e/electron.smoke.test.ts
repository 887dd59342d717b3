import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../.config/build-electron';
import { APP_ENTRY_URL } from '../../electron/main/app-origin';
import type { DeskBridge } from '../../shared/ipc/bridge';
import { openStore } from '../../electron/desk/store/open-store';
import { ensureRendererBuilt } from '../bridge/build-renderer';

/**
 * The real Electron app, started by Playwright. Needs Electron's binary, which machines without
 * network access to its download cannot have: there the test is skipped, saying why.
 */

/**
 * Where the electron package's binary is, or why there is none. Mirrors what `require('electron')`
 * does, without its side effect of trying to download a missing binary.
 */
function findElectronBinary(): { path: string } | { missing: string } {
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { missing: 'Electron binary not installed on this machine (run `npx install-electron`)' };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const binary = override ? path.join(override, relative) : path.join(packageDir, 'dist', relative);
  if (!existsSync(binary)) return { missing: `Electron binary not found at ${binary} (run \`npx install-electron\`)` };
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) {
    return { missing: 'no display for Electron on this Linux machine (run under xvfb-run)' };
  }
  return { path: binary };
}

const electron = findElectronBinary();

if ('missing' in electron) {
  const message = `${electron.missing}; Electron smoke test skipped`;
  console.warn(message);
  describe('Electron smoke test', () => {
    it.skip(message, () => {});
  });
} else {
  const executablePath = electron.path;

  describe('Electron smoke test', () => {
    let folder: string;
    let app: ElectronApplication;
    let page: Page;

    beforeAll(async () => {
      await ensureRendererBuilt();
      const { main } = await buildElectron(undefined, { quiet: true });
      folder = await mkdtemp(path.join(tmpdir(), 'desk-smoke-'));
      // A book named by --book must exist: made first, as `offering-desk init` would.
      await (await openStore(path.join(folder, 'smoke.book'), { now: () => new Date(), mode: 'create' })).close();
      app = await _electron.launch({
        executablePath,
        // Chromium refuses to start as root with its OS sandbox on Linux (typical of CI containers).
        args: [main, `--book=${path.join(folder, 'smoke.book')}`, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
        env: { ...process.env, OFFERING_DESK_USER_DATA: path.join(folder, 'user-data') } as Record<string, string>,
        timeout: 60_000,
      });
      page = await app.firstWindow();
    });

    afterAll(async () => {
      await app?.close();
      if (folder) await rm(folder, { recursive: true, force: true });
    });

    it('opens one window on our origin, showing the first-administrator screen for a new book', async () => {
      await page.getByRole('heading', { name: 'Create the administrator' }).waitFor({ timeout: 30_000 });
      expect(page.url()).toBe(APP_ENTRY_URL);
      expect(app.windows()).toHaveLength(1);
    });

    it('gives the page no Node: no require, no process, only window.desk', async () => {
      const exposed = await page.evaluate(() => {
        const scope = globalThis as unknown as Record<string, unknown>;
        return {
          require: typeof scope['require'],
          process: typeof scope['process'],
          module: typeof scope['module'],
          desk: Object.keys(scope['desk'] as object).sort(),
        };
      });
      expect(exposed).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', desk: ['invoke', 'onCommand'] });
    });

    it('answers through the preload and refuses channels outside the map', async () => {
      const answers = await page.evaluate(async () => {
        const desk = (globalThis as unknown as { desk: DeskBridge }).desk;
        const status = await desk.invoke('session.status', {});
        const unknown = await desk.invoke('shell.openExternal' as 'session.status', {});
        return { status, unknown };
      });
      expect(answers.status).toMatchObject({ ok: true, value: { needsFirstAdmin: true, user: null } });
      expect(answers.unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    });

    it('opens no other window and does not navigate away from the app', async () => {
      const opened = await page.evaluate(() => {
        const scope = globalThis as unknown as { open(url: string): unknown; location: { href: string } };
        const popup = scope.open('https://example.com/');
        scope.location.href = 'https://example.com/';
        return popup === null;
      });
      expect(opened).toBe(true);
      await page.waitForTimeout(500);
      expect(app.windows()).toHaveLength(1);
      expect(page.url()).toBe(APP_ENTRY_URL);
    });
  });
}
