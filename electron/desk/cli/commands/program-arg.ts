/**
 * A PROGRAM argument (shared/contracts/REGISTER.md): a program's id or its CUSIP. A CUSIP may be
 * all digits (983764176), so a nine-character argument is looked up as a CUSIP first. Exit 2,
 * one line, for a program the book does not have.
 */
import type { BookStore, ProgramRecord } from '../../store/port';
import { CliError, escapeControl } from '../io';

const CUSIP_SHAPE = /^[0-9A-Z*@#]{9}$/;
const ID_SHAPE = /^[1-9]\d{0,14}$/;

export async function resolveProgram(store: BookStore, arg: string): Promise<ProgramRecord> {
  const given = arg.trim().toUpperCase();
  const found = await store.read(async (r) => {
    const byCusip = CUSIP_SHAPE.test(given) ? await r.programs.byCusip(given) : undefined;
    if (byCusip) return byCusip;
    return ID_SHAPE.test(given) ? r.programs.byId(Number(given)) : undefined;
  });
  if (!found) throw new CliError(`unknown program "${escapeControl(arg.slice(0, 40))}": no program in this book has that id or CUSIP`);
  return found;
}
