/**
 * `offering-desk program create BOOK PROGRAM.json [--by USERNAME]` (shared/contracts/REGISTER.md):
 * creates a program from an `offering-desk/program@1` file, with its terms as version 1, in one
 * journaled change, and prints the new program's id on stdout. PROGRAM.json is UTF-8, at most
 * 1 MiB. Exit 1 with every problem of the file on stderr, one `path: message` a line (nothing is
 * written); exit 2 for a bad invocation, an unreadable file or one that is not a program file.
 *
 * No one is signed in at the command line: the journal names no user, unless `--by` names an
 * active supervisor or administrator of the book on whose behalf the script runs.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { DeskFailure } from '../../../../shared/ipc/result';
import { createProgramFromFile, formatProgramFileProblem, parseProgramFile, type ProgramFromFile } from '../../services/program-file';
import { openStore } from '../../store/open-store';
import { SYSTEM_ACTOR, type BookStore, type JournalActor } from '../../store/port';
import { decodeStrictUtf8, parseJsonText, readInputFile, sizeInWords } from '../input-file';
import { CliError, escapeControl, type CliCommand, type CliIo } from '../io';
import { bookArg, refusalsAsCliErrors, resolveIn, splitOptions } from './common';

export const USAGE = 'usage: offering-desk program create BOOK PROGRAM.json [--by USERNAME]';

/** A program file is a few kilobytes; the limit keeps a wrong file from being read whole. */
export const MAX_PROGRAM_FILE_BYTES = 1024 * 1024;

interface ReadFile {
  readonly file: ProgramFromFile;
  readonly sha256: string;
}

/** The file, checked: exit 2 if it cannot be used at all, exit 1 (every problem listed) if it says something wrong. */
async function readProgramFile(io: CliIo, given: string): Promise<ReadFile | { problems: string[] }> {
  const shown = escapeControl(given);
  const bytes = await readInputFile(resolveIn(io, given), shown, { maxBytes: MAX_PROGRAM_FILE_BYTES, what: 'a program file' });
  const json = parseJsonText(decodeStrictUtf8(bytes, shown), shown, 'a program file');
  const parsed = parseProgramFile(json);
  if (parsed.ok) return { file: parsed.file, sha256: createHash('sha256').update(bytes).digest('hex') };
  const first = parsed.problems[0];
  if (first && (first.path === '' || first.path === 'format')) throw new CliError(`${shown} is not a program file: ${formatProgramFileProblem(first)}`);
  return { problems: parsed.problems.map((p) => escapeControl(formatProgramFileProblem(p))) };
}

/** Who the command acts as: no one, or the `--by` user (exit 2 unless an active supervisor or administrator of the book). */
async function actingUser(store: BookStore, username: string | undefined): Promise<JournalActor> {
  if (username === undefined) return SYSTEM_ACTOR;
  const user = await store.read((r) => r.users.byUsername(username.trim().toLowerCase()));
  const shown = escapeControl(username.slice(0, 40));
  if (!user) throw new CliError(`--by ${shown}: the book has no such user`);
  if (!user.active) throw new CliError(`--by ${shown}: the user is inactive`);
  if (user.role === 'clerk') throw new CliError(`--by ${shown}: a clerk may not create programs (a supervisor or administrator may)`);
  return { id: user.id, username: user.username };
}

async function create(args: readonly string[], io: CliIo): Promise<number> {
  const { positional, options } = splitOptions(args, ['BOOK', 'PROGRAM.json'], ['--by']);
  const [bookGiven, fileGiven] = positional as [string, string];
  const location = bookArg(io, bookGiven);
  const read = await readProgramFile(io, fileGiven);
  if ('problems' in read) {
    io.stderr(`${escapeControl(fileGiven)}: ${read.problems.length} ${read.problems.length === 1 ? 'problem' : 'problems'}; nothing was written\n${read.problems.join('\n')}\n`);
    return 1;
  }
  const store = await refusalsAsCliErrors(() => openStore(location.value, { now: () => new Date(), mode: 'open' }));
  try {
    const by = await actingUser(store, options.get('--by'));
    const source = { fileName: path.basename(fileGiven), sha256: read.sha256 };
    const { program } = await createProgramFromFile(store, by, read.file, source);
    io.stdout(`${program.id}\n`);
    return 0;
  } catch (error) {
    if (error instanceof DeskFailure && error.code === 'CONFLICT') {
      io.stderr(`${error.field ?? 'program'}: ${escapeControl(error.message)}; nothing was written\n`);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}

export const run: CliCommand = async (args, io) => {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h') {
    io.stdout(`${USAGE}\n  Creates a program from an offering-desk/program@1 file (REGISTER.md) and prints its id.\n  PROGRAM.json is UTF-8, at most ${sizeInWords(MAX_PROGRAM_FILE_BYTES)}. Exit 0 created; 1 the file's problems, listed; 2 bad arguments or an unusable file.\n`);
    return 0;
  }
  if (sub !== 'create') throw new CliError(`expected "program create" (got ${sub === undefined ? 'nothing' : `"${escapeControl(sub.slice(0, 40))}"`}); ${USAGE}`);
  return create(rest, io);
};
