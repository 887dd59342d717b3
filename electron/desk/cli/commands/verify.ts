import { CliError, type CliCommand } from '../io';
import { verifyLocation, type BookVerification } from '../../store/open-store';
import { describeRowProblem } from '../../store/row-proof';
import { ROW_DIGESTS_VERSION } from '../../store/row-digests';
import { bookArg, journalEntries, refusalsAsCliErrors, splitOptions } from './common';

const HEAD = /^([1-9]\d{0,15}):([0-9a-f]{64})$/;

/** `--expect SEQ:HASH`: the head a witness kept (as `verify` prints it). */
export function parseExpect(value: string | undefined): { seq: number; hash: string } | undefined {
  if (value === undefined) return undefined;
  const match = HEAD.exec(value.trim().toLowerCase());
  if (!match) throw new CliError('--expect takes SEQ:HASH, a journal entry number and its 64-hex-digit hash, as verify prints them after "head #"');
  return { seq: Number(match[1]), hash: match[2] ?? '' };
}

/**
 * `verify BOOK [--expect SEQ:HASH]`: refuses a book that is corrupt, foreign or newer (exit 2);
 * otherwise checks its integrity, walks the journal chain, proves every business row from the
 * journal's digests, and prints the head it reached (`head #SEQ HASH`). Exit 1, with one line
 * naming the first problem, when the chain is broken, the witnessed entry is missing or differs,
 * or a row was altered, planted or deleted outside the desk. The book is only read.
 */
export const run: CliCommand = async (args, io) => {
  const { positional, options } = splitOptions(args, ['BOOK'], ['--expect']);
  const expect = parseExpect(options.get('--expect'));
  const location = bookArg(io, positional[0] ?? '');
  const found = await refusalsAsCliErrors(() => verifyLocation(location.value, expect));
  const { schemaVersion, chain } = found;
  const headLine = found.head ? `head #${found.head.seq} ${found.head.hash}\n` : 'head #0 (the journal is empty)\n';
  if (!chain.ok && chain.firstBroken) {
    io.stdout(`${location.shown}: integrity ok, schema version ${schemaVersion}, ${journalEntries(chain.entries)} — the journal chain is broken\n${headLine}`);
    io.stderr(`journal entry #${chain.firstBroken.seq}: ${chain.firstBroken.reason}\n`);
    return 1;
  }
  io.stdout(`${location.shown}: integrity ok, schema version ${schemaVersion}, ${journalEntries(chain.entries)}, chain intact, ${rowSummary(found)}\n${headLine}`);
  const problem = witnessProblem(found, expect) ?? rowProblem(found);
  if (problem === null) return 0;
  io.stderr(`${problem}\n`);
  return 1;
};

function rowSummary({ rows }: BookVerification): string {
  if (!rows) return 'rows not checked';
  const proved = `${rows.proved} ${rows.proved === 1 ? 'row' : 'rows'} proved`;
  const unprovable = rows.unprovable > 0 ? `, ${rows.unprovable} not provable (written before version ${ROW_DIGESTS_VERSION})` : '';
  const problems = rows.problems > 0 ? `, ${rows.problems} ${rows.problems === 1 ? 'row problem' : 'row problems'}` : '';
  return proved + unprovable + problems;
}

function witnessProblem(found: BookVerification, expect: { seq: number; hash: string } | undefined): string | null {
  if (!expect) return null;
  const last = found.head?.seq ?? 0;
  if (found.expected?.hash === null || found.expected === undefined) {
    return `journal entry #${expect.seq}, which was witnessed, is missing: the journal ends at #${last}`;
  }
  if (found.expected.hash !== expect.hash) return `journal entry #${expect.seq} differs from the witnessed one (${expect.hash.slice(0, 12)}…, now ${found.expected.hash.slice(0, 12)}…)`;
  return null;
}

function rowProblem({ rows }: BookVerification): string | null {
  if (!rows?.first) return null;
  const more = rows.problems > 1 ? ` (and ${rows.problems - 1} more)` : '';
  return `${describeRowProblem(rows.first)}${more}`;
}
