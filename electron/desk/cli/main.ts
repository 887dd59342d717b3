import { CliError, escapeControl, oneLine, type CliCommand, type CliIo } from './io';

const USAGE = [
  'usage: offering-desk <command> [arguments]',
  '  init BOOK [--desk-role ROLE]    create a new, empty book of record',
  '  upgrade BOOK                    bring an existing book up to this version (as its owner)',
  '  verify BOOK [--expect SEQ:HASH] check integrity, walk the journal chain, prove every row; --expect: a witnessed head',
  '  backup BOOK FILE                copy a consistent snapshot of BOOK to FILE (owner-only), printing its head',
  '  settle SCENARIO.json [--out F]  compute a settlement (see shared/contracts/SETTLE.md); SCENARIO.json: UTF-8, at most 256 MiB',
  '  register import BOOK PROGRAM FILE [--layout NAME] [--good-rows-only] [--report REPORT.json]',
  '                                  import a record-date register (shared/contracts/REGISTER.md); FILE at most 1 GiB, rows at most 64 KiB',
  '  register layout BOOK ISSUER NAME LAYOUT.json   save the next version of an issuer\'s file layout',
  '  program create BOOK PROGRAM.json [--by USERNAME]  create a program and its terms from a program@1 file (REGISTER.md), printing its id; UTF-8, at most 1 MiB',
  '  certificates issue BOOK PROGRAM number and record every certificate of PROGRAM (id or CUSIP) from its register; prints counts',
  '  certificates list BOOK PROGRAM [--csv]   the mailing list (--csv: the mail house\'s CSV, `held` Y for §9 holds)',
  '  certificates print BOOK PROGRAM --out DIR [--class C] [--numbers FROM-TO]   PDFs of at most 1,000 pages into DIR; prints their names',
  'BOOK is a book file, or an office database as postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=require|verify-full]',
  'Exit 0 done; 1 a broken chain, a failed proof, or work refused for reasons reported; 2 bad arguments or an unusable file or database',
].join('\n');

// Loaded on demand so that `settle` does not open SQLite and `init` does not load the engine.
const commands: Record<string, () => Promise<{ run: CliCommand }>> = {
  init: () => import('./commands/init'),
  upgrade: () => import('./commands/upgrade'),
  verify: () => import('./commands/verify'),
  backup: () => import('./commands/backup'),
  settle: () => import('./commands/settle'),
  register: () => import('./commands/register'),
  program: () => import('./commands/program'),
  certificates: () => import('./commands/certificates'),
};

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(USAGE + '\n');
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`offering-desk: unknown command "${escapeControl(name.slice(0, 60))}" (try --help)\n`);
    return 2;
  }
  try {
    const command = await load();
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      // Our own messages are one line; what they quote (a file name, a server's words) is escaped.
      io.stderr(`offering-desk ${name}: ${escapeControl(error.message)}\n`);
      return error.exitCode;
    }
    // Unexpected: still one line, never a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`offering-desk ${name}: internal error: ${oneLine(message)}\n`);
    return 1;
  }
}
