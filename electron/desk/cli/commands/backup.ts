import type { CliCommand } from '../io';
import { backupLocation } from '../../store/open-store';
import { bookArg, expectArgs, journalEntries, refusalsAsCliErrors, resolveIn } from './common';

/**
 * `backup BOOK FILE`: a checked, consistent copy of BOOK at FILE; never overwrites FILE; BOOK is
 * only read. BOOK may be an office database's URL: the copy is then a book file of one snapshot.
 * The copy's head is printed (`head #SEQ HASH`) for a witness to keep. A book whose journal chain
 * is broken is still copied — the copy is evidence — but the command says so and exits 1.
 */
export const run: CliCommand = async (args, io) => {
  const [book, target] = expectArgs(args, ['BOOK', 'FILE']) as [string, string];
  const location = bookArg(io, book);
  const copy = await refusalsAsCliErrors(() => backupLocation(location.value, resolveIn(io, target), () => new Date()));
  const head = copy.head ? `head #${copy.head.seq} ${copy.head.hash}` : 'head #0 (the journal is empty)';
  io.stdout(`Backed up ${location.shown} to ${copy.path} (${copy.bytes} bytes, ${journalEntries(copy.journal.entries)}).\n${head}\n`);
  if (copy.journal.ok || !copy.journal.firstBroken) return 0;
  io.stderr(`the copy was taken, but its journal chain is broken: journal entry #${copy.journal.firstBroken.seq}: ${copy.journal.firstBroken.reason}\n`);
  return 1;
};
