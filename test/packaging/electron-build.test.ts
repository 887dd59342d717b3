import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron, type ElectronBuild } from '../../.config/build-electron';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';

let outdir: string;
let built: ElectronBuild;
beforeAll(async () => {
  outdir = await mkdtemp(path.join(tmpdir(), 'desk-build-'));
  built = await buildElectron(outdir, { quiet: true });
});
afterAll(async () => {
  await rm(outdir, { recursive: true, force: true });
});

const requiredModules = (code: string): string[] => [...code.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]!);

describe('the Electron build', () => {
  it('writes main.cjs and preload.cjs', () => {
    expect(path.basename(built.main)).toBe('main.cjs');
    expect(path.basename(built.preload)).toBe('preload.cjs');
  });

  it('bundles the preload into one file that requires nothing but electron', async () => {
    const preload = await readFile(built.preload, 'utf8');
    expect([...new Set(requiredModules(preload))]).toEqual(['electron']);
    expect(built.inputs.preload.filter((input) => input.includes('node_modules'))).toEqual([]);
  });

  it('writes every channel of the map into the preload’s allowlist', async () => {
    const preload = await readFile(built.preload, 'utf8');
    for (const name of CHANNEL_NAMES) expect(preload).toContain(JSON.stringify(name));
  });

  it('leaves only electron, better-sqlite3 and Node built-ins outside the main bundle', async () => {
    const main = await readFile(built.main, 'utf8');
    const builtins = new Set(builtinModules);
    const outside = new Set(requiredModules(main).filter((m) => !m.startsWith('node:') && !builtins.has(m)));
    expect([...outside].sort()).toEqual(['better-sqlite3', 'electron']);
  });

  it('never bundles tests, the test bridge or renderer sources into the app', () => {
    const all = [...built.inputs.main, ...built.inputs.preload];
    expect(all.filter((input) => /^(test|renderer)\//.test(input) || /\.test\.ts$/.test(input))).toEqual([]);
    expect(built.inputs.main).toContain('electron/main/main.ts');
    expect(built.inputs.main).toContain('electron/desk/desk.ts');
  });
});
