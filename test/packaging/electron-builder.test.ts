import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { minimatch } from 'minimatch';
import { beforeAll, describe, expect, it } from 'vitest';

// electron-builder.yml read and checked by electron-builder's own loader and schema (no binaries needed).
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let config: Configuration;
beforeAll(async () => {
  config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
});

/** The `files` globs, in order (electron-builder's loader wraps a plain list as one `{ filter }` set). */
const filePatterns = (): string[] => {
  const files = Array.isArray(config.files) ? config.files : [config.files];
  return files.flatMap((set) => {
    if (typeof set === 'string') return [set];
    if (set && typeof set === 'object' && set.from === undefined && set.to === undefined) {
      return typeof set.filter === 'string' ? [set.filter] : (set.filter ?? []);
    }
    throw new Error('files must be globs of the app folder, not copies from elsewhere');
  });
};

/** electron-builder's reading of `files`: the last pattern that matches a path decides. */
const isPackaged = (file: string): boolean => {
  let included = false;
  for (const pattern of filePatterns()) {
    const negated = pattern.startsWith('!');
    if (minimatch(file, negated ? pattern.slice(1) : pattern, { dot: true })) included = !negated;
  }
  return included;
};

/** Every file of the repository outside node_modules and .git, as project-relative paths. */
const repositoryFiles = (dir = root): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === '.git') return [];
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? repositoryFiles(full) : [path.relative(root, full).split(path.sep).join('/')];
  });

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the product and never rebuilds native modules', () => {
    expect(config.appId).toMatch(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*)+$/);
    expect(config.productName).toBe('Offering Desk');
    expect(config.npmRebuild).toBe(false);
    expect(config.directories?.buildResources).toBe('assets');
  });

  it('builds nsis for Windows, dmg for macOS, AppImage and deb for Linux', () => {
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
  });

  it('has a 512×512 PNG icon in the build resources', () => {
    const png = readFileSync(path.join(root, 'assets', 'icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('ships the bundles, the built screens and package.json, with SQLite unpacked from the asar', () => {
    for (const file of ['package.json', 'electron/dist/main.cjs', 'electron/dist/preload.cjs', 'renderer/dist/index.html', 'renderer/dist/assets/index-1a2b.js', 'assets/icon.png']) {
      expect(isPackaged(file), file).toBe(true);
    }
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*');
  });

  it('names only paths that exist or that the build produces from existing sources', () => {
    const producedBy: Record<string, string> = { 'electron/dist': 'electron/main/main.ts', 'renderer/dist': 'renderer/index.html' };
    for (const pattern of filePatterns().filter((p) => !p.startsWith('!'))) {
      const base = pattern.split('/**')[0]!;
      const source = producedBy[base];
      expect(existsSync(path.join(root, source ?? base)), pattern).toBe(true);
    }
    expect(existsSync(path.join(root, config.directories?.buildResources ?? 'missing'))).toBe(true);
  });

  it('never ships tests, the test bridge, sources or source maps', () => {
    for (const file of [
      'test/bridge/server.ts',
      'test/bridge/shim.js',
      'test/e2e/electron.smoke.test.ts',
      'electron/dist/main.cjs.map',
      'electron/desk/desk.ts',
      'electron/main/main.ts',
      'renderer/src/main.tsx',
      'renderer/dist/bridge.test.js',
      'shared/ipc/channels.ts',
      'electron-builder.yml',
      '.config/eslint.config.js',
    ]) {
      expect(isPackaged(file), file).toBe(false);
    }
    const shipped = repositoryFiles().filter(isPackaged);
    expect(shipped.filter((f) => f.startsWith('test/') || /\.test\./.test(f))).toEqual([]);
    expect(shipped.every((f) => /^(package\.json|assets\/icon\.png|electron\/dist\/|renderer\/dist\/)/.test(f))).toBe(true);
  });
});
