import type { CliCommand } from '../io';
import { backupBookFile } from '../../store/backup';
import { expectArgs, journalEntries, refusalsAsCliErrors, resolveIn } from './common';

/** `backup BOOK FILE`: a checked, consistent copy of BOOK at FILE; never overwrites FILE; BOOK is only read. */
export const run: CliCommand = async (args, io) => {
  const [book, target] = expectArgs(args, ['BOOK', 'FILE']) as [string, string];
  const copy = await refusalsAsCliErrors(() => backupBookFile(resolveIn(io, book), resolveIn(io, target)));
  io.stdout(`Backed up ${resolveIn(io, book)} to ${copy.path} (${copy.bytes} bytes, ${journalEntries(copy.journal.entries)}).\n`);
  return 0;
};
