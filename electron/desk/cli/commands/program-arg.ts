import { isValidCusip } from '../../../../shared/domain/cusip';
import type { BookStore, ProgramRecord } from '../../store/port';
import { CliError, escapeControl } from '../io';

/**
 * A PROGRAM argument: a program's id (digits) or its CUSIP. Nine characters that make a valid
 * CUSIP are read as one (983764176 is XO's CUSIP, not program no. 983764176). Unknown: exit 2.
 */
export async function programArg(store: BookStore, given: string): Promise<ProgramRecord> {
  const text = given.trim().toUpperCase();
  const program = await store.read(async (r) => {
    if (text.length === 9 && isValidCusip(text)) return r.programs.byCusip(text);
    if (/^[1-9]\d{0,9}$/.test(text)) return r.programs.byId(Number(text));
    return undefined;
  });
  if (!program) throw new CliError(`no program with the id or CUSIP "${escapeControl(given.slice(0, 40))}" in this book`);
  return program;
}
