import type { CliCommand } from '../io';
import { openStore } from '../../store/open-store';
import { bookArg, expectArgs, refusalsAsCliErrors } from './common';

/**
 * `upgrade BOOK`: brings an existing book up to this program's schema (journaled as
 * book.migrated); a book already up to date is left as it is. For an office database, run it as
 * the tables' owner: the desks' own role may not change tables.
 */
export const run: CliCommand = async (args, io) => {
  const [given] = expectArgs(args, ['BOOK']) as [string];
  const location = bookArg(io, given);
  const info = await refusalsAsCliErrors(async () => {
    const store = await openStore(location.value, { now: () => new Date(), mode: 'open' });
    try {
      return await store.info();
    } finally {
      await store.close();
    }
  });
  io.stdout(`${location.shown}: schema version ${info.schemaVersion}, ${info.journalEntries} journal ${info.journalEntries === 1 ? 'entry' : 'entries'}.\n`);
  return 0;
};
