import { CliError, type CliCommand, type CliIo } from './io';

const USAGE = [
  'usage: offering-desk <command> [arguments]',
  '  init BOOK [--desk-role ROLE]    create a new, empty book of record',
  '  upgrade BOOK                    bring an existing book up to this version (as its owner)',
  '  verify BOOK                     check integrity and walk the journal chain',
  '  backup BOOK FILE                copy a consistent snapshot of BOOK to FILE',
  '  settle SCENARIO.json [--out F]  compute a settlement (see shared/contracts/SETTLE.md)',
  'BOOK is a book file, or an office database as postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=require|verify-full]',
].join('\n');

// Loaded on demand so that `settle` does not open SQLite and `init` does not load the engine.
const commands: Record<string, () => Promise<{ run: CliCommand }>> = {
  init: () => import('./commands/init'),
  upgrade: () => import('./commands/upgrade'),
  verify: () => import('./commands/verify'),
  backup: () => import('./commands/backup'),
  settle: () => import('./commands/settle'),
};

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(USAGE + '\n');
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`offering-desk: unknown command "${name}" (try --help)\n`);
    return 2;
  }
  try {
    const command = await load();
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`offering-desk ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    // Unexpected: still one line, never a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`offering-desk ${name}: internal error: ${message.split('\n')[0]}\n`);
    return 1;
  }
}
