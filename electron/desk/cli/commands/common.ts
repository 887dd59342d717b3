import path from 'node:path';
import { DeskFailure } from '../../../../shared/ipc/result';
import { isPostgresUrl, redactUrl } from '../../store/postgres/connect';
import { CliError, escapeControl, type CliIo } from '../io';

/** Exactly `count` arguments, or a one-line usage error. */
export function expectArgs(args: readonly string[], names: readonly string[]): string[] {
  if (args.length !== names.length || args.some((a) => a.trim() === '' || a.startsWith('-'))) {
    throw new CliError(`expected ${names.join(' ')} (got ${args.length === 0 ? 'nothing' : args.length + ' argument' + (args.length === 1 ? '' : 's')})`);
  }
  return [...args];
}

export const resolveIn = (io: CliIo, file: string): string => path.resolve(io.cwd, file);

/** What a file system refusal means to the person at the terminal; these are their files, not our fault (exit 2). */
const FILE_PROBLEMS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a folder in the path is not a folder',
  EISDIR: 'it is a directory',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
};

/**
 * Runs `body`, turning an expected desk failure (refused book, existing file…) or a file system
 * refusal (permission, a missing folder, a full disk) into a one-line exit 2.
 */
export async function refusalsAsCliErrors<T>(body: () => Promise<T> | T): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof DeskFailure) throw new CliError(error.message);
    const code = (error as NodeJS.ErrnoException | null)?.code;
    const problem = code === undefined ? undefined : FILE_PROBLEMS[code];
    if (problem !== undefined) {
      const where = (error as NodeJS.ErrnoException).path;
      throw new CliError(where === undefined ? problem : `${problem}: ${where}`);
    }
    throw error;
  }
}

/** "1 journal entry", "4 journal entries". */
export const journalEntries = (count: number): string => `${count} journal ${count === 1 ? 'entry' : 'entries'}`;

/** A BOOK argument: a file (resolved against the working folder) or an office database's URL. */
export function bookArg(io: CliIo, given: string): { kind: 'sqlite' | 'postgres'; value: string; shown: string } {
  if (isPostgresUrl(given)) return { kind: 'postgres', value: given, shown: escapeControl(redactUrl(given)) };
  const file = resolveIn(io, given);
  return { kind: 'sqlite', value: file, shown: escapeControl(file) };
}

/** Positional arguments (exactly `names`) and `--name VALUE` options among `allowed`. */
export function splitOptions(args: readonly string[], names: readonly string[], allowed: readonly string[]): { positional: string[]; options: Map<string, string> } {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    if (!allowed.includes(arg)) throw new CliError(`unknown option ${arg.slice(0, 40)} (expected ${[...names, ...allowed.map((a) => `[${a} VALUE]`)].join(' ')})`);
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--') || value.trim() === '') throw new CliError(`${arg} needs a value`);
    options.set(arg, value);
    i += 1;
  }
  return { positional: expectArgs(positional, names), options };
}
