/**
 * `npm start` first makes sure Electron's own program is on this machine: Electron's installer
 * (node_modules/electron/install.js, which npm links as `install-electron`) downloads it once.
 * Where that download cannot be made (no network, a proxy, a blocked mirror) the installer ends
 * with a bare `TypeError: fetch failed`; this wrapper says what failed and what can be done.
 *
 *   npx tsx electron/tools/install-electron.ts
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/';

/** Where Electron's installer downloads from: its mirror variables, or GitHub. */
export function downloadSource(env: NodeJS.ProcessEnv): string {
  return env.ELECTRON_MIRROR ?? env.npm_config_electron_mirror ?? env.electron_config_mirror ?? DEFAULT_MIRROR;
}

/** The installer's last line of complaint ("TypeError: fetch failed"), without its stack. */
export function firstComplaint(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('at '));
  return lines.find((l) => /error/i.test(l)) ?? lines[0] ?? 'no message';
}

/** What a person reads when Electron could not be installed. */
export function failureMessage(complaint: string, env: NodeJS.ProcessEnv): string {
  return [
    `Electron's program could not be downloaded from ${downloadSource(env)} (${complaint}).`,
    'npm start needs it once on each machine; it comes from that address unless ELECTRON_MIRROR says another.',
    'Without it, the screens still run in an ordinary browser against a book:',
    '  npm run serve:browser -- --book FILE.book',
    '(add --new to start a new, empty book there).',
  ].join('\n');
}

/** Runs Electron's installer; returns the exit code and says in words why it failed. */
export function installElectron(env: NodeJS.ProcessEnv = process.env, write: (text: string) => void = (t) => process.stderr.write(t)): number {
  const installer = createRequire(import.meta.url).resolve('electron/install.js');
  const run = spawnSync(process.execPath, [installer], { env, encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
  if (run.status === 0) return 0;
  const complaint = run.error ? run.error.message : firstComplaint(run.stderr ?? '');
  write(`${failureMessage(complaint, env)}\n`);
  return run.status === null || run.status === 0 ? 1 : run.status;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = installElectron();
}
