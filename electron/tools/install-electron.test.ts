import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { firstComplaint } from './install-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

describe('installing Electron for npm start', () => {
  it('says that the download failed, from where, and points to the browser route', () => {
    const cache = mkdtempSync(path.join(os.tmpdir(), 'electron-cache-'));
    try {
      // A mirror nobody listens on (loopback port 1) and an empty cache: the download must fail.
      // ELECTRON_OVERRIDE_DIST_PATH points at an empty folder so an installed copy does not count.
      const run = spawnSync(tsx, [path.join(root, 'electron', 'tools', 'install-electron.ts')], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:1/', electron_config_cache: cache, ELECTRON_OVERRIDE_DIST_PATH: cache, force_no_cache: 'true' },
      });
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain("Electron's program could not be downloaded from http://127.0.0.1:1/ (TypeError: fetch failed).");
      expect(run.stderr).toContain('npm run serve:browser -- --book FILE.book');
      expect(run.stderr).not.toMatch(/^\s+at /m); // no stack trace
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('is what npm start runs before building', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toMatch(/^tsx electron\/tools\/install-electron\.ts && /);
  });

  it('keeps the installer’s complaint and drops its stack', () => {
    expect(firstComplaint('TypeError: fetch failed\n    at node:internal/deps/undici:1:1\n    at async x (y.js:2:3)\n')).toBe('TypeError: fetch failed');
    expect(firstComplaint('')).toBe('no message');
  });
});
