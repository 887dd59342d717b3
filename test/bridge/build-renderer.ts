import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const rendererDist = path.join(repoRoot, 'renderer', 'dist');

const INPUTS = ['renderer/index.html', 'renderer/vite.config.ts', 'renderer/src', 'shared'];

async function newestMtime(target: string): Promise<number> {
  const info = await stat(target).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(target, { withFileTypes: true });
  const times = await Promise.all(entries.map((e) => newestMtime(path.join(target, e.name))));
  return Math.max(0, ...times);
}

/** True when renderer/dist was built after the last change to its sources. */
export async function rendererIsFresh(): Promise<boolean> {
  const built = await stat(path.join(rendererDist, 'index.html')).catch(() => null);
  if (!built) return false;
  const sources = await Promise.all(INPUTS.map((p) => newestMtime(path.join(repoRoot, p))));
  return built.mtimeMs >= Math.max(...sources);
}

/**
 * Builds the renderer with Vite unless renderer/dist is already fresh. Test files run in
 * parallel, so a lock folder makes the others wait instead of building over each other.
 */
export async function ensureRendererBuilt(): Promise<void> {
  const lock = path.join(repoRoot, 'node_modules', '.cache', 'renderer-build.lock');
  await mkdir(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      const info = await stat(lock).catch(() => null);
      // A lock older than two minutes was left by a run that died.
      if (info && Date.now() - info.mtimeMs > 120_000) await rm(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Waited too long for another renderer build (lock ${lock})`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (await rendererIsFresh()) return;
    const { build } = await import('vite');
    await build({ configFile: path.join(repoRoot, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
