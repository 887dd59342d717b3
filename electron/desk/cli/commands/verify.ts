import type { CliCommand } from '../io';
import { verifyLocation } from '../../store/open-store';
import { bookArg, expectArgs, journalEntries, refusalsAsCliErrors } from './common';

/**
 * `verify BOOK`: refuses a book that is corrupt, foreign or newer (exit 2); otherwise checks its
 * integrity and walks the journal chain (exit 0, or 1 naming the first broken entry).
 * The book is only read — a file from a read-only connection that leaves no file behind.
 */
export const run: CliCommand = async (args, io) => {
  const [given] = expectArgs(args, ['BOOK']) as [string];
  const location = bookArg(io, given);
  const { schemaVersion, chain } = await refusalsAsCliErrors(() => verifyLocation(location.value));
  if (!chain.ok && chain.firstBroken) {
    io.stdout(`${location.shown}: integrity ok, schema version ${schemaVersion}, ${journalEntries(chain.entries)} — the journal chain is broken\n`);
    io.stderr(`journal entry #${chain.firstBroken.seq}: ${chain.firstBroken.reason}\n`);
    return 1;
  }
  io.stdout(`${location.shown}: integrity ok, schema version ${schemaVersion}, ${journalEntries(chain.entries)}, chain intact\n`);
  return 0;
};
