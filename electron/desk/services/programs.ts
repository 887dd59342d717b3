import { cusipCheckDigit, isValidCusip } from '../../../shared/domain/cusip';
import { DeskFailure } from '../../../shared/ipc/result';
import type { ProgramKind } from '../../../shared/ipc/schemas';
import type { ProgramSummary, SessionUser } from '../../../shared/ipc/types';
import type { BookStore } from '../store/store';
import { actorOf, toProgramSummary } from './views';

export interface NewProgram {
  readonly kind: ProgramKind;
  readonly name: string;
  readonly issuer: string;
  readonly cusip: string;
  readonly recordDate: string;
}

export function createProgram(store: BookStore, by: SessionUser, input: NewProgram): ProgramSummary {
  if (!isValidCusip(input.cusip)) {
    const expected = cusipCheckDigit(input.cusip.slice(0, 8));
    throw new DeskFailure(
      'INVALID_INPUT',
      `CUSIP ${input.cusip} has the wrong check digit: the last digit should be ${expected}, not ${input.cusip.charAt(8)}`,
      'cusip',
    );
  }
  const duplicate = (name: string) => new DeskFailure('CONFLICT', `A program with CUSIP ${input.cusip} already exists in this book ("${name}")`, 'cusip');
  const existing = store.read((r) => r.programs.byCusip(input.cusip));
  if (existing) throw duplicate(existing.name);
  return store.change(actorOf(by), 'program.created', (tx, at) => {
    const clash = tx.programs.byCusip(input.cusip);
    if (clash) throw duplicate(clash.name);
    const program = toProgramSummary(tx.programs.insert({ ...input, createdAt: at, createdBy: by.id }));
    return { payload: { after: program }, result: program };
  });
}

export const listPrograms = (store: BookStore): ProgramSummary[] => store.read((r) => r.programs.list().map(toProgramSummary));

export function getProgram(store: BookStore, programId: number): ProgramSummary {
  const program = store.read((r) => r.programs.byId(programId));
  if (!program) throw new DeskFailure('NOT_FOUND', 'There is no such program in this book', 'programId');
  return toProgramSummary(program);
}
