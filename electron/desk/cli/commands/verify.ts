import type { CliCommand } from '../io';
import { withCheckedBook } from '../../store/inspect';
import { verifyJournal } from '../../store/journal-chain';
import { expectArgs, journalEntries, refusalsAsCliErrors, resolveIn } from './common';

/**
 * `verify BOOK`: refuses a book that is corrupt, foreign or newer (exit 2); otherwise checks its
 * integrity and walks the journal chain (exit 0, or 1 naming the first broken entry).
 * The book is only read — from a read-only connection that leaves no file behind.
 */
export const run: CliCommand = async (args, io) => {
  const [given] = expectArgs(args, ['BOOK']) as [string];
  const file = resolveIn(io, given);
  const { facts, chain } = await refusalsAsCliErrors(() => withCheckedBook(file, (db, facts) => ({ facts, chain: verifyJournal(db) })));
  if (!chain.ok && chain.firstBroken) {
    io.stdout(`${file}: integrity ok, schema version ${facts.schemaVersion}, ${journalEntries(chain.entries)} — the journal chain is broken\n`);
    io.stderr(`journal entry #${chain.firstBroken.seq}: ${chain.firstBroken.reason}\n`);
    return 1;
  }
  io.stdout(`${file}: integrity ok, schema version ${facts.schemaVersion}, ${journalEntries(chain.entries)}, chain intact\n`);
  return 0;
};
