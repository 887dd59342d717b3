/**
 * `offering-desk settle SCENARIO.json [--out FILE]` (shared/contracts/SETTLE.md): reads a
 * scenario@1 file, settles it with the offering engine, and prints the settlement JSON (2-space
 * indented, trailing newline) or writes it to FILE (a temporary file renamed into place, so FILE
 * is never left half-written). A bad file or scenario exits 2 with one line naming the problem.
 */
import { constants } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { formatProblem, parseScenario, ScenarioError, settle, settlementJsonChunks, type Scenario } from '../../../../shared/domain';
import { CliError, type CliCommand } from '../io';

export const USAGE = 'usage: offering-desk settle SCENARIO.json [--out FILE]';

/** The largest scenario read (UTF-8 JSON): about a million elections, and well under what a string may hold. */
export const MAX_SCENARIO_BYTES = 256 * 1024 * 1024;

/**
 * The file's bytes, refusing at once what is not a regular file (a FIFO would wait for a writer,
 * /dev/zero would never end) or is larger than MAX_SCENARIO_BYTES — before reading any of it.
 */
async function readInput(file: string, shown: string): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new CliError(`cannot read ${shown}: ${describeFsError(error)}`);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new CliError(`cannot read ${shown}: it is a directory`);
    if (stat.isFIFO()) throw new CliError(`cannot read ${shown}: it is a named pipe (FIFO), not a file`);
    if (!stat.isFile()) throw new CliError(`cannot read ${shown}: it is a device or socket, not a file`);
    if (stat.size > MAX_SCENARIO_BYTES) throw new CliError(`${shown} is ${stat.size} bytes, larger than the ${MAX_SCENARIO_BYTES / 1024 / 1024} MiB a scenario may be`);
    return await handle.readFile();
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot read ${shown}: ${describeFsError(error)}`);
  } finally {
    await handle.close();
  }
}

/** Strict UTF-8: a bad byte is refused with its offset, never turned into U+FFFD. */
function decodeUtf8(bytes: Buffer, shown: string): string {
  if (!isUtf8(bytes)) throw new CliError(`${shown} is not valid UTF-8: the bytes at offset ${firstInvalidUtf8(bytes)} are not a character`);
  return bytes.toString('utf8');
}

/** A lead byte's sequence length and the range its second byte must lie in (RFC 3629); length 0: never a lead byte. */
function utf8Lead(b: number): readonly [length: number, low: number, high: number] {
  if (b < 0x80) return [1, 0, 0];
  if (b >= 0xc2 && b <= 0xdf) return [2, 0x80, 0xbf];
  if (b === 0xe0) return [3, 0xa0, 0xbf]; // no overlong forms
  if (b === 0xed) return [3, 0x80, 0x9f]; // no surrogates
  if (b >= 0xe1 && b <= 0xef) return [3, 0x80, 0xbf];
  if (b === 0xf0) return [4, 0x90, 0xbf];
  if (b >= 0xf1 && b <= 0xf3) return [4, 0x80, 0xbf];
  if (b === 0xf4) return [4, 0x80, 0x8f]; // nothing above U+10FFFF
  return [0, 0, 0];
}

/** The byte offset of the first sequence that is not well-formed UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const [length, low, high] = utf8Lead(bytes[i] ?? 0);
    if (length === 0) return i;
    for (let k = 1; k < length; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return -1;
}

export interface SettleArgs {
  readonly scenario: string;
  readonly out: string | null;
  readonly help: boolean;
}

/** One line, whatever the message (a JSON parser may quote input with newlines). */
function oneLine(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function parseSettleArgs(args: readonly string[]): SettleArgs {
  let scenario: string | null = null;
  let out: string | null = null;
  let help = false;
  let options = true;
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (options && a === '--') {
      options = false;
    } else if (options && (a === '--help' || a === '-h')) {
      help = true;
    } else if (options && (a === '--out' || a.startsWith('--out='))) {
      if (out !== null) throw new CliError(`--out given twice; ${USAGE}`);
      const value = a === '--out' ? args[++k] : a.slice('--out='.length);
      if (value === undefined || value === '' || value.startsWith('-')) throw new CliError(`--out needs a file name; ${USAGE}`);
      out = value;
    } else if (options && a.startsWith('-') && a !== '-') {
      throw new CliError(`unknown option ${JSON.stringify(oneLine(a, 60))}; ${USAGE}`);
    } else if (scenario === null) {
      if (a.trim() === '') throw new CliError(`the scenario file name is empty; ${USAGE}`);
      scenario = a;
    } else {
      throw new CliError(`unexpected argument ${JSON.stringify(oneLine(a, 60))}; ${USAGE}`);
    }
  }
  if (help) return { scenario: scenario ?? '', out, help };
  if (scenario === null) throw new CliError(`missing SCENARIO.json; ${USAGE}`);
  return { scenario, out, help };
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a folder in the path is not a directory';
    default:
      return oneLine(code ?? (error instanceof Error ? error.message : String(error)), 120);
  }
}

async function readScenarioFile(file: string, shown: string): Promise<unknown> {
  let text = decodeUtf8(await readInput(file, shown), shown);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new CliError(`${shown} is empty, not a scenario`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${shown} is not valid JSON: ${oneLine(error instanceof Error ? error.message : String(error), 200)}`);
  }
}

/** Reads and validates the scenario; the raw JSON is not kept (at a million elections it is large). */
async function loadScenario(file: string, shown: string): Promise<Scenario> {
  const result = parseScenario(await readScenarioFile(file, shown));
  if (!result.ok) throw new CliError(oneLine(formatProblem(result.problem)));
  return result.scenario;
}

async function writeAtomically(target: string, shown: string, chunks: Iterable<string>): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      for (const chunk of chunks) await handle.write(chunk);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new CliError(`cannot write ${shown}: ${describeFsError(error)}`);
  }
}

export const run: CliCommand = async (args, io) => {
  const parsed = parseSettleArgs(args);
  if (parsed.help) {
    io.stdout(`${USAGE}\n  Settles a scenario (format offering-desk/scenario@1) and prints the settlement JSON,\n  or writes it to FILE with --out. SCENARIO.json is UTF-8, at most ${MAX_SCENARIO_BYTES / 1024 / 1024} MiB.\n  Exit 0 settled, 2 bad input.\n`);
    return 0;
  }
  const scenario = await loadScenario(path.resolve(io.cwd, parsed.scenario), parsed.scenario);

  let settlement;
  try {
    settlement = settle(scenario);
  } catch (error) {
    if (error instanceof ScenarioError) throw new CliError(oneLine(error.message));
    throw error;
  }

  if (parsed.out !== null) {
    await writeAtomically(path.resolve(io.cwd, parsed.out), parsed.out, settlementJsonChunks(settlement));
  } else {
    for (const chunk of settlementJsonChunks(settlement)) io.stdout(chunk);
  }
  return 0;
};
