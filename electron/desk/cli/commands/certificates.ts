import { statSync } from 'node:fs';
import { DeskFailure } from '../../../../shared/ipc/result';
import { issueCertificates, type IssueSummary } from '../../services/certificates';
import { printCertificates, type PrintSelection } from '../../services/certificates-print';
import { mailingListCsv, mailingPages, HELD_LETTER } from '../../services/mailing-list';
import { openStore } from '../../store/open-store';
import { SYSTEM_ACTOR, type BookStore, type ProgramRecord } from '../../store/port';
import { CliError, escapeControl, type CliCommand, type CliIo } from '../io';
import { bookArg, refusalsAsCliErrors, resolveIn, splitOptions } from './common';
import { resolveProgram } from './program-arg';

/**
 * `certificates issue|list|print BOOK PROGRAM …` (contracts/REGISTER.md). Work refused for a
 * reason of the book (issued already, an empty register, nothing selected) is exit 1 with the
 * reason on stderr and nothing written; a bad argument or an unknown program is exit 2.
 */
export const run: CliCommand = async (args, io) => {
  const [sub, ...rest] = args;
  const subcommand = sub === undefined ? undefined : SUBCOMMANDS[sub];
  if (!subcommand) throw new CliError('expected issue, list or print (certificates issue BOOK PROGRAM | list BOOK PROGRAM [--csv] | print BOOK PROGRAM --out DIR [--class C] [--numbers FROM-TO])');
  return subcommand(rest, io);
};

type Sub = (args: readonly string[], io: CliIo) => Promise<number>;

/** Opens the book, resolves PROGRAM, runs `body`; the book's refusals become exit 1, bad input exit 2. */
async function withProgram(io: CliIo, book: string, program: string, body: (store: BookStore, p: ProgramRecord) => Promise<number>): Promise<number> {
  const location = bookArg(io, book);
  const store = await refusalsAsCliErrors(() => openStore(location.value, { now: () => new Date(), mode: 'open' }));
  try {
    const found = await resolveProgram(store, program);
    return await body(store, found);
  } catch (error) {
    if (error instanceof DeskFailure && error.code === 'CONFLICT') {
      io.stderr(`${escapeControl(error.message)}\n`);
      return 1;
    }
    if (error instanceof DeskFailure) throw new CliError(error.message);
    throw error;
  } finally {
    await store.close();
  }
}

const certificatesWord = (n: number) => `${n} ${n === 1 ? 'certificate' : 'certificates'}`;

function issueReport(p: ProgramRecord, s: IssueSummary): string {
  const lines = [`Issued ${certificatesWord(s.certificates)} of ${p.name} (${s.firstNumber} to ${s.lastNumber}); ${s.held} held, not mailed (§9: addresses outside the US).`];
  for (const [code, t] of Object.entries(s.classes)) lines.push(`class ${code}: ${certificatesWord(t.certificates)}, ${t.firmRights} firm rights, units ${t.units}, ${t.held} held`);
  return lines.map((l) => escapeControl(l)).join('\n') + '\n';
}

const issue: Sub = async (args, io) => {
  const { positional } = splitOptions(args, ['BOOK', 'PROGRAM'], []);
  const [book = '', program = ''] = positional;
  return withProgram(io, book, program, async (store, p) => {
    io.stdout(issueReport(p, await issueCertificates(store, SYSTEM_ACTOR, p.id)));
    return 0;
  });
};

const list: Sub = async (args, io) => {
  const csv = args.includes('--csv');
  const { positional } = splitOptions(
    args.filter((a) => a !== '--csv'),
    ['BOOK', 'PROGRAM'],
    [],
  );
  const [book = '', program = ''] = positional;
  return withProgram(io, book, program, async (store, p) => {
    if (csv) {
      for await (const chunk of mailingListCsv(store, p.id)) io.stdout(chunk);
      return 0;
    }
    for await (const page of mailingPages(store, p.id)) {
      const lines = page.rows.map(({ certificate: c, entry: e }) => {
        const name = e.registration.filter((l) => l !== '').join(' / ');
        const held = c.held ? `  HELD (§9) — ${HELD_LETTER.words}` : '';
        return escapeControl(`${c.number}  class ${c.class}  ${c.account}  ${name}  ${e.city} ${e.country}  firm rights ${c.firmRights}${held}`);
      });
      io.stdout(lines.join('\n') + '\n');
    }
    return 0;
  });
};

const NUMBERS = /^(RT-\d{1,9}|\d{1,9})-(RT-\d{1,9}|\d{1,9})$/i;
const asNumber = (n: string): string => (/^\d+$/.test(n) ? `RT-${n.padStart(6, '0')}` : n.toUpperCase());

function selectionOf(options: ReadonlyMap<string, string>): PrintSelection {
  const numbers = options.get('--numbers');
  const match = numbers === undefined ? null : NUMBERS.exec(numbers.trim());
  if (numbers !== undefined && !match) throw new CliError('--numbers takes FROM-TO, e.g. RT-000001-RT-000500 (or 1-500)');
  return { class: options.get('--class'), fromNumber: match ? asNumber(match[1] ?? '') : undefined, toNumber: match ? asNumber(match[2] ?? '') : undefined };
}

const print: Sub = async (args, io) => {
  const { positional, options } = splitOptions(args, ['BOOK', 'PROGRAM'], ['--out', '--class', '--numbers']);
  const out = options.get('--out');
  if (out === undefined) throw new CliError('--out DIR is required: the folder the PDFs are written into');
  const folder = resolveIn(io, out);
  const isFolder = (() => {
    try {
      return statSync(folder).isDirectory();
    } catch {
      return false;
    }
  })();
  if (!isFolder) throw new CliError(`--out: ${escapeControl(folder)} is not a folder`);
  const selection = selectionOf(options);
  const [book = '', program = ''] = positional;
  return withProgram(io, book, program, async (store, p) => {
    const result = await printCertificates(store, SYSTEM_ACTOR, p.id, selection, folder, { workers: 2 });
    io.stdout(result.files.map((f) => escapeControl(f.name)).join('\n') + '\n');
    return 0;
  });
};

const SUBCOMMANDS: Readonly<Record<string, Sub>> = { issue, list, print };
