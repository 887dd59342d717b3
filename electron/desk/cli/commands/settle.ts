/**
 * `offering-desk settle SCENARIO.json [--out FILE]` (shared/contracts/SETTLE.md): reads a
 * scenario@1 file, settles it with the offering engine, and prints the settlement JSON (2-space
 * indented, trailing newline) or writes it to FILE (a temporary file renamed into place, so FILE
 * is never left half-written). A bad file or scenario exits 2 with one line naming the problem.
 */
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { formatProblem, parseScenario, ScenarioError, settle, settlementJsonChunks, type Scenario } from '../../../../shared/domain';
import { CliError, type CliCommand } from '../io';
import { decodeStrictUtf8, describeFsError, readInputFile } from '../input-file';

export const USAGE = 'usage: offering-desk settle SCENARIO.json [--out FILE]';

/** The largest scenario read (UTF-8 JSON): about a million elections, and well under what a string may hold. */
export const MAX_SCENARIO_BYTES = 256 * 1024 * 1024;

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

async function readScenarioFile(file: string, shown: string): Promise<unknown> {
  const text = decodeStrictUtf8(await readInputFile(file, shown, { maxBytes: MAX_SCENARIO_BYTES, what: 'a scenario' }), shown);
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
