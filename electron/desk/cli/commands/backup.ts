import type { CliCommand } from '../io';
import { backupLocation } from '../../store/open-store';
import { bookArg, expectArgs, journalEntries, refusalsAsCliErrors, resolveIn } from './common';

/**
 * `backup BOOK FILE`: a checked, consistent copy of BOOK at FILE; never overwrites FILE; BOOK is
 * only read. BOOK may be an office database's URL: the copy is then a book file of one snapshot.
 */
export const run: CliCommand = async (args, io) => {
  const [book, target] = expectArgs(args, ['BOOK', 'FILE']) as [string, string];
  const location = bookArg(io, book);
  const copy = await refusalsAsCliErrors(() => backupLocation(location.value, resolveIn(io, target), () => new Date()));
  io.stdout(`Backed up ${location.shown} to ${copy.path} (${copy.bytes} bytes, ${journalEntries(copy.journal.entries)}).\n`);
  return 0;
};
