import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron, root, WORKER_ENTRIES, type ElectronBuild } from '../../.config/build-electron';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';

let outdir: string;
let built: ElectronBuild;
beforeAll(async () => {
  // Inside the project, so that the bundles find node_modules (better-sqlite3) as they do when packaged.
  await mkdir(path.join(root, 'node_modules', '.cache'), { recursive: true });
  outdir = await mkdtemp(path.join(root, 'node_modules', '.cache', 'desk-build-'));
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

  it('leaves only electron, better-sqlite3 (and pg\'s unused pg-native) and Node built-ins outside the main bundle', async () => {
    const main = await readFile(built.main, 'utf8');
    const builtins = new Set(builtinModules);
    const outside = new Set(requiredModules(main).filter((m) => !m.startsWith('node:') && !builtins.has(m)));
    expect([...outside].sort()).toEqual(['better-sqlite3', 'electron', 'pg-native']);
  });

  it('never bundles tests, the test bridge or renderer sources into the app', () => {
    const all = [...built.inputs.main, ...built.inputs.preload];
    expect(all.filter((input) => /^(test|renderer)\//.test(input) || /\.test\.ts$/.test(input))).toEqual([]);
    expect(built.inputs.main).toContain('electron/main/main.ts');
    expect(built.inputs.main).toContain('electron/desk/desk.ts');
  });

  // pg-native stays outside because pg requires it only when `pg.native` is read, which the desk never does.
  it('bundles each worker entry to workers/<name>.cjs beside main, with only better-sqlite3 (and pg\'s unused pg-native) and built-ins outside', async () => {
    expect(WORKER_ENTRIES).toContain('verify-journal');
    for (const name of WORKER_ENTRIES) {
      const file = built.workers[name];
      expect(path.relative(outdir, file)).toBe(path.join('workers', `${name}.cjs`));
      const code = await readFile(file, 'utf8');
      const builtins = new Set(builtinModules);
      const outside = [...new Set(requiredModules(code).filter((m) => !m.startsWith('node:') && !builtins.has(m)))].sort();
      // Workers that never reach a PostgreSQL server do not pull pg in, nor its pg-native. The
      // print workers never open the book at all: main hands them what to draw; nor does the
      // register import's check, which reads only the file.
      if (name !== 'print-certificates' && name !== 'print-letter' && name !== 'print-intake' && name !== 'print-letters' && name !== 'print-report' && name !== 'check-register') expect(outside).toContain('better-sqlite3');
      expect(outside.filter((m) => m !== 'better-sqlite3' && m !== 'pg-native')).toEqual([]);
    }
    expect(built.inputs.workers).toContain('electron/desk/workers/verify-journal.ts');
    expect(built.inputs.workers.filter((input) => /^(test|renderer)\//.test(input) || /\.test\.ts$/.test(input))).toEqual([]);
    // main.cjs points the runner at that folder.
    expect(await readFile(built.main, 'utf8')).toContain('useWorkers(bundledWorkers(new URL("./workers/", __importMetaUrl)))');
  });

  it('the bundled verification worker runs in plain Node and verifies a book', async () => {
    const { openStore } = await import('../../electron/desk/store/open-store');
    const { runWorker } = await import('../../electron/desk/workers/run-job');
    const store = await openStore(path.join(mkdtempSync(path.join(outdir, 'book-')), 'office.book'), { now: () => new Date() });
    try {
      const launch = { file: pathToFileURL(built.workers['verify-journal']), execArgv: [] };
      expect(await runWorker(launch, { location: store.location })).toEqual({ ok: true, entries: 1 });
    } finally {
      await store.close();
    }
  });

  it('the bundled items worker runs in plain Node and reads a program as it is read in process', async () => {
    const { openStore } = await import('../../electron/desk/store/open-store');
    const { intakeBook, batchAndEnvelope, cleanDraft, AFTER_XO } = await import('../../electron/desk/testing/intake-fixture');
    const { saveElection } = await import('../../electron/desk/services/intake/elections');
    const { actorOf } = await import('../../electron/desk/services/views');
    const { readProgramItemsInProcess, workerReader } = await import('../../electron/desk/services/supervision/items-off-main');
    const store = await openStore(path.join(mkdtempSync(path.join(outdir, 'book-')), 'office.book'), { now: () => AFTER_XO });
    try {
      const book = await intakeBook(store);
      const ids = await batchAndEnvelope(store, book);
      await saveElection(store, actorOf(book.clerk), cleanDraft(ids, book.numbers.get('H-1002/B')!, 10, { signed: false }), true);
      const launch = { file: pathToFileURL(built.workers['read-program-items']), execArgv: [] };
      const read = await workerReader(launch)(store, book.programId, AFTER_XO);
      expect(read.items.items.map((i) => i.standing.open)).toEqual([['UNSIGNED']]);
      expect(read).toEqual(await readProgramItemsInProcess(store, book.programId, AFTER_XO));
    } finally {
      await store.close();
    }
  });

  it('the bundled print worker runs in plain Node and writes a certificate PDF with the embedded font', async () => {
    const { runWorker } = await import('../../electron/desk/workers/run-job');
    const { pdfText } = await import('../../electron/desk/testing/pdf-tools');
    const file = path.join(mkdtempSync(path.join(outdir, 'print-')), 'one.pdf');
    const face = {
      number: 'RT-000001', classCode: 'A', colour: 'BLUE', transferable: false, firmRights: 1234, oversubscriptionOnly: false, underlyingShares: null,
      issuer: 'XO Communications, Inc.', cusip: '983764176', registration: ['Zofia Łódź-Nowak', '', '', ''], address: ['ul. Piotrkowska 12', 'Łódź 90-001', 'POLAND'],
      voidAfter: 'DECEMBER 8, 2003', expiresInWords: '5:00 p.m., New York City time, on December 8, 2003', price: '5.00', held: true, duplicate: null,
    };
    const launch = { file: pathToFileURL(built.workers['print-certificates']), execArgv: [] };
    expect(await runWorker(launch, { file, title: 'one', faces: [face] })).toEqual({ pages: 2, files: 1 });
    expect(pdfText(file)).toContain('Zofia Łódź-Nowak');
  });

  it('the bundled check worker runs in plain Node and reads an .xlsx register through its central directory', async () => {
    const { runWorker } = await import('../../electron/desk/workers/run-job');
    const { REGISTER_COLUMNS } = await import('../../electron/desk/importers/layout');
    const { goodRow } = await import('../../electron/desk/testing/register-fixture');
    const ExcelJS = (await import('exceljs')).default;
    const folder = mkdtempSync(path.join(outdir, 'check-'));
    const file = path.join(folder, 'holders.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Holders');
    sheet.addRow([...REGISTER_COLUMNS]);
    const row = goodRow(1, { class: 'A', registration1: 'Zofia Łódź-Nowak' });
    sheet.addRow(REGISTER_COLUMNS.map((c) => row[c]));
    await workbook.xlsx.writeFile(file);
    await writeFile(path.join(folder, 'spill'), '', { mode: 0o600 }); // made by the import's thread, as RowSpill makes it
    const launch = { file: pathToFileURL(built.workers['check-register']), execArgv: [] };
    const input = {
      file, fileName: 'holders.xlsx', spec: { format: 'xlsx', headerRow: 1, columns: {} }, goodRowsOnly: false, kind: 'rights-offering', classes: [['A', 1]], inBook: [],
      size: (await readFile(file)).length, spill: path.join(folder, 'spill'), key: { keyId: 'k1', key: Buffer.alloc(32, 7).toString('base64') },
    };
    const outcome = (await runWorker(launch, input)) as { rows: number; badRows: number; problems: unknown[]; seal: { rows: number } };
    expect(outcome).toMatchObject({ rows: 1, badRows: 0, problems: [], seal: { rows: 1 } });
    expect(await readFile(path.join(folder, 'spill'), 'utf8')).toContain('Zofia Łódź-Nowak');
  });

  it('ships the worker bundles: electron-builder packs all of electron/dist', async () => {
    const config = await readFile(path.join(root, 'electron-builder.yml'), 'utf8');
    expect(config).toMatch(/^\s*-\s*['"]?electron\/dist\/\*\*\/\*['"]?\s*$/m);
  });
});
