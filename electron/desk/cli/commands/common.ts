import path from 'node:path';
import { DeskFailure } from '../../../../shared/ipc/result';
import { CliError, type CliIo } from '../io';

/** Exactly `count` arguments, or a one-line usage error. */
export function expectArgs(args: readonly string[], names: readonly string[]): string[] {
  if (args.length !== names.length || args.some((a) => a.trim() === '' || a.startsWith('-'))) {
    throw new CliError(`expected ${names.join(' ')} (got ${args.length === 0 ? 'nothing' : args.length + ' argument' + (args.length === 1 ? '' : 's')})`);
  }
  return [...args];
}

export const resolveIn = (io: CliIo, file: string): string => path.resolve(io.cwd, file);

/** Runs `body`, turning an expected desk failure (refused book, existing file…) into a one-line exit 2. */
export async function refusalsAsCliErrors<T>(body: () => Promise<T> | T): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof DeskFailure) throw new CliError(error.message);
    throw error;
  }
}

/** "1 journal entry", "4 journal entries". */
export const journalEntries = (count: number): string => `${count} journal ${count === 1 ? 'entry' : 'entries'}`;
