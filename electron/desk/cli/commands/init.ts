import { existsSync } from 'node:fs';
import { CliError, type CliCommand } from '../io';
import { openStore } from '../../store/open-store';
import { checkRoleName, grantDeskRole } from '../../store/postgres/grant';
import { SCHEMA_VERSION } from '../../store/sqlite/schema';
import { bookArg, refusalsAsCliErrors, splitOptions } from './common';

/**
 * `init BOOK [--desk-role ROLE]`: creates a new, empty book; never touches an existing one. For an
 * office database (BOOK a postgres:// URL, connecting as the role that will own the tables),
 * `--desk-role` grants the desks' login role what they need and no more: it can never rewrite
 * the journal.
 */
export const run: CliCommand = async (args, io) => {
  const { positional, options } = splitOptions(args, ['BOOK'], ['--desk-role']);
  const [given] = positional as [string];
  const location = bookArg(io, given);
  const role = options.get('--desk-role');
  if (location.kind === 'sqlite') {
    if (role !== undefined) throw new CliError('--desk-role is for an office database (a postgres:// address), not a book file');
    if (existsSync(location.value)) throw new CliError(`${given} already exists; a new book is only made where there is no file`);
  }
  await refusalsAsCliErrors(async () => {
    if (role !== undefined) checkRoleName(role);
    const store = await openStore(location.value, { now: () => new Date(), mode: 'create' });
    await store.close();
    if (role !== undefined) await grantDeskRole(location.value, role);
  });
  const where = location.kind === 'sqlite' ? `a new book at ${location.shown}` : `a new book in the office database ${location.shown}`;
  io.stdout(`Created ${where} (schema version ${SCHEMA_VERSION})${role === undefined ? '' : `; desks connect as "${role}"`}.\n`);
  return 0;
};
