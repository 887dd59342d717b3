/**
 * `register import BOOK PROGRAM FILE [--layout NAME] [--good-rows-only] [--report REPORT.json]`
 * and `register layout BOOK ISSUER NAME LAYOUT.json` (shared/contracts/REGISTER.md). The import
 * runs the very service the screens run. Exit 0 imported; 1 refused for the reasons the report
 * gives (nothing written); 2 a bad invocation, an unusable file or book, an unknown program.
 * Without --report the report is printed on stdout. TINs are sealed under the book's key from
 * OFFERING_DESK_TIN_KEY or OFFERING_DESK_TIN_KEY_FILE (created owner-only when first needed).
 */
import { constants } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { isValidCusip } from '../../../../shared/domain/cusip';
import { DeskFailure } from '../../../../shared/ipc/result';
import { RegisterFileError } from '../../importers/file-bytes';
import { reportJsonChunks, type RegisterReport } from '../../importers/report';
import { bookTinKey, environmentKeySource, TIN_KEY_ENV, TIN_KEY_FILE_ENV } from '../../security/tin-vault';
import { importRegister } from '../../services/register-import';
import { resolveLayout, saveLayout } from '../../services/register-layouts';
import { openStore } from '../../store/open-store';
import { SYSTEM_ACTOR, type BookStore } from '../../store/port';
import { CliError, escapeControl, type CliCommand, type CliIo } from '../io';
import { bookArg, refusalsAsCliErrors, resolveIn, splitOptions } from './common';

const USAGE = 'expected register import BOOK PROGRAM FILE [--layout NAME] [--good-rows-only] [--report REPORT.json], or register layout BOOK ISSUER NAME LAYOUT.json';
/** A layout file is a small JSON document. */
const MAX_LAYOUT_BYTES = 1024 * 1024;

export const run: CliCommand = async (args, io) => {
  const [sub, ...rest] = args;
  if (sub === 'import') return runImport(rest, io);
  if (sub === 'layout') return runLayout(rest, io);
  throw new CliError(USAGE);
};

async function withBook<T>(io: CliIo, book: string, body: (store: BookStore) => Promise<T>): Promise<T> {
  const location = bookArg(io, book);
  const store = await refusalsAsCliErrors(() => openStore(location.value, { now: () => new Date(), mode: 'open' }));
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}

/** PROGRAM: a CUSIP of a program in the book, else a program's id. */
async function programIdOf(store: BookStore, given: string): Promise<number> {
  const text = given.trim().toUpperCase();
  const byCusip = isValidCusip(text) ? await store.read((r) => r.programs.byCusip(text)) : undefined;
  if (byCusip) return byCusip.id;
  const id = /^[1-9]\d{0,9}$/.test(text) ? await store.read((r) => r.programs.byId(Number(text))) : undefined;
  if (id) return id.id;
  throw new CliError(`there is no program ${escapeControl(given.slice(0, 40))} in this book (give its id or its CUSIP)`);
}

async function runImport(args: readonly string[], io: CliIo): Promise<number> {
  const goodRowsOnly = args.includes('--good-rows-only');
  const { positional, options } = splitOptions(args.filter((a) => a !== '--good-rows-only'), ['BOOK', 'PROGRAM', 'FILE'], ['--layout', '--report']);
  const [book, program, fileArg] = positional as [string, string, string];
  const file = resolveIn(io, fileArg);
  const reportFile = options.get('--report');
  return withBook(io, book, async (store) => {
    const programId = await programIdOf(store, program);
    const outcome = await refusals(async () => {
      const layout = await resolveLayout(store, programId, options.get('--layout') ?? null);
      const key = await bookTinKey(store, environmentKeySource(), { create: true, now: () => new Date() });
      // Without its key the command cannot do what it was asked: a bad invocation (exit 2), before the file is read.
      if (key.state !== 'ready') throw new CliError(`TINs cannot be encrypted: ${key.reason}; set ${TIN_KEY_FILE_ENV} (a key file, created if missing) or ${TIN_KEY_ENV}`);
      const input = { programId, file, fileName: path.basename(file), layoutName: layout.name, spec: layout.spec, goodRowsOnly };
      return importRegister(store, SYSTEM_ACTOR, input, key);
    });
    if (reportFile === undefined) io.stdout([...reportJsonChunks(outcome.report)].join(''));
    else await writeReport(resolveIn(io, reportFile), outcome.report);
    const { report } = outcome;
    if (!outcome.committed) {
      io.stderr(`refused: ${report.rejected} of ${report.file.rows} rows have problems (${report.problems.length} in all); nothing was imported\n`);
      return 1;
    }
    if (reportFile !== undefined) io.stdout(`imported ${report.imported} of ${report.file.rows} rows${report.rejected > 0 ? ` (${report.rejected} rejected)` : ''}; import #${outcome.importId}, file sha256 ${report.file.sha256}\n`);
    return 0;
  });
}

/** The service's refusals: an unusable file or book is exit 2; a program that cannot take a register now, exit 1. */
async function refusals<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof RegisterFileError || error instanceof CliError) throw error instanceof CliError ? error : new CliError(error.message);
    if (error instanceof DeskFailure) throw new CliError(error.message, error.code === 'CONFLICT' ? 1 : 2);
    throw error;
  }
}

/** The report beside its final name first, then renamed: never a half-written report. */
async function writeReport(target: string, report: RegisterReport): Promise<void> {
  const temp = `${target}.${process.pid}.tmp`;
  await refusalsAsCliErrors(async () => {
    const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    try {
      for (const chunk of reportJsonChunks(report)) await handle.write(chunk);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target).catch(async (error: unknown) => {
      await rm(temp, { force: true });
      throw error;
    });
  });
}

async function runLayout(args: readonly string[], io: CliIo): Promise<number> {
  const { positional } = splitOptions(args, ['BOOK', 'ISSUER', 'NAME', 'LAYOUT.json'], []);
  const [book, issuer, name, layoutArg] = positional as [string, string, string, string];
  const layoutFile = resolveIn(io, layoutArg);
  const text = await refusalsAsCliErrors(async () => {
    const bytes = await readFile(layoutFile);
    if (bytes.length > MAX_LAYOUT_BYTES) throw new CliError(`${escapeControl(layoutArg)} is larger than the 1 MiB a layout may be`);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  }).catch((error: unknown) => {
    if (error instanceof TypeError) throw new CliError(`${escapeControl(layoutArg)} is not valid UTF-8`);
    throw error;
  });
  let spec: unknown;
  try {
    spec = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${escapeControl(layoutArg)} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return withBook(io, book, async (store) => {
    const saved = await refusals(() => saveLayout(store, SYSTEM_ACTOR, { issuer, name, spec }));
    io.stdout(`saved layout "${escapeControl(saved.name)}" version ${saved.version} (${saved.format}) for ${escapeControl(saved.issuer)}\n`);
    return 0;
  });
}
