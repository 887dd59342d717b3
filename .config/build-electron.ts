// Bundles the Electron main process and the preload into electron/dist as CommonJS (the package
// is "type": "module"; a sandboxed preload must be one script that requires only 'electron').
// `npm run build:electron`; tests call buildElectron() with a temporary folder.
import { build, type BuildOptions, type Metafile } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHANNEL_NAMES } from '../shared/ipc/channels';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Worker entries (electron/desk/workers/<name>.ts), each bundled to <outdir>/workers/<name>.cjs; see run-job.ts. */
export const WORKER_ENTRIES = ['verify-journal', 'backup-book', 'restore-book', 'inspect-book', 'import-register', 'check-register', 'print-certificates', 'issue-certificates', 'print-letter', 'print-intake', 'print-letters', 'print-report', 'import-dtc', 'read-bank-file', 'read-program-items'] as const;

export interface ElectronBuild {
  readonly main: string;
  readonly preload: string;
  /** One bundle per worker entry, by name. */
  readonly workers: Readonly<Record<(typeof WORKER_ENTRIES)[number], string>>;
  /** Every source file that went into each bundle, relative to the project root. */
  readonly inputs: { readonly main: readonly string[]; readonly preload: readonly string[]; readonly workers: readonly string[] };
}

export async function buildElectron(outdir = path.join(root, 'electron', 'dist'), options: { quiet?: boolean } = {}): Promise<ElectronBuild> {
  const main = path.join(outdir, 'main.cjs');
  const preload = path.join(outdir, 'preload.cjs');
  const common = {
    absWorkingDir: root,
    bundle: true,
    format: 'cjs',
    sourcemap: 'linked',
    legalComments: 'none',
    metafile: true,
    logLevel: options.quiet === true ? 'silent' : 'info',
  } as const;

  const workers = Object.fromEntries(WORKER_ENTRIES.map((name) => [name, path.join(outdir, 'workers', `${name}.cjs`)])) as Record<(typeof WORKER_ENTRIES)[number], string>;
  const node: BuildOptions = {
    platform: 'node',
    target: 'node22',
    // better-sqlite3 loads its native binding from node_modules at run time. pg-native is pg's
    // optional libpq binding, required only if `pg.native` is read, which the desk never does.
    external: ['electron', 'better-sqlite3', 'pg-native'],
    // Bundled sources that use import.meta.url (e.g. to start a worker) keep working in CommonJS.
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  };

  const [mainResult, preloadResult, workersResult] = await Promise.all([
    build({
      ...common,
      entryPoints: [path.join(root, 'electron/main/main.ts')],
      outfile: main,
      ...node,
    }),
    build({
      ...common,
      entryPoints: [path.join(root, 'electron/preload/preload.ts')],
      outfile: preload,
      // 'browser' so that a Node built-in pulled in by mistake fails the build.
      platform: 'browser',
      target: 'chrome140',
      external: ['electron'],
      define: { __DESK_CHANNEL_NAMES__: JSON.stringify(CHANNEL_NAMES) },
    }),
    // Worker threads load their own file, so each entry is a bundle of its own (run-job.ts finds them).
    build({
      ...common,
      entryPoints: WORKER_ENTRIES.map((name) => ({ in: path.join(root, `electron/desk/workers/${name}.ts`), out: name })),
      outdir: path.join(outdir, 'workers'),
      outExtension: { '.js': '.cjs' },
      ...node,
    }),
  ]);
  return {
    main,
    preload,
    workers,
    inputs: { main: inputsOf(mainResult.metafile), preload: inputsOf(preloadResult.metafile), workers: inputsOf(workersResult.metafile) },
  };
}

const inputsOf = (metafile: Metafile | undefined): string[] => Object.keys(metafile?.inputs ?? {}).map((input) => input.split(path.sep).join('/'));

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildElectron();
}
