import { existsSync } from 'node:fs';
import { CliError, type CliCommand } from '../io';
import { openBook } from '../../store/open';
import { SCHEMA_VERSION } from '../../store/schema';
import { expectArgs, refusalsAsCliErrors, resolveIn } from './common';

/** `init BOOK`: creates a new, empty book; never touches an existing file. */
export const run: CliCommand = async (args, io) => {
  const [given] = expectArgs(args, ['BOOK']) as [string];
  const file = resolveIn(io, given);
  if (existsSync(file)) throw new CliError(`${given} already exists; a new book is only made where there is no file`);
  await refusalsAsCliErrors(() => openBook(file, { now: () => new Date(), mode: 'create' }).close());
  io.stdout(`Created a new book at ${file} (schema version ${SCHEMA_VERSION}).\n`);
  return 0;
};
