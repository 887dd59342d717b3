import { cusipCheckDigit, isValidCusip } from '../../../shared/domain/cusip';
import { DeskFailure } from '../../../shared/ipc/result';
import type { ProgramKind } from '../../../shared/ipc/schemas';
import type { ProgramSummary, SessionUser } from '../../../shared/ipc/types';
import { UniqueViolation, type BookStore } from '../store/port';
import { actorOf, toProgramSummary } from './views';

export interface NewProgram {
  readonly kind: ProgramKind;
  readonly name: string;
  readonly issuer: string;
  readonly cusip: string;
  readonly recordDate: string;
}

export async function createProgram(store: BookStore, by: SessionUser, input: NewProgram): Promise<ProgramSummary> {
  if (!isValidCusip(input.cusip)) {
    const expected = cusipCheckDigit(input.cusip.slice(0, 8));
    throw new DeskFailure(
      'INVALID_INPUT',
      `CUSIP ${input.cusip} has the wrong check digit: the last digit should be ${expected}, not ${input.cusip.charAt(8)}`,
      'cusip',
    );
  }
  const duplicate = (name: string) => new DeskFailure('CONFLICT', `A program with CUSIP ${input.cusip} already exists in this book ("${name}")`, 'cusip');
  const existing = await store.read((r) => r.programs.byCusip(input.cusip));
  if (existing) throw duplicate(existing.name);
  try {
    return await store.change(actorOf(by), 'program.created', async (tx, at) => {
      // Checked again inside the change: on an office database another clerk may have just won.
      const clash = await tx.programs.byCusip(input.cusip);
      if (clash) throw duplicate(clash.name);
      const program = toProgramSummary(await tx.programs.insert({ ...input, createdAt: at, createdBy: by.id }));
      return { payload: { after: program }, result: program };
    });
  } catch (error) {
    if (error instanceof UniqueViolation) throw new DeskFailure('CONFLICT', `A program with CUSIP ${input.cusip} was just created by another desk`, 'cusip');
    throw error;
  }
}

export const listPrograms = (store: BookStore): Promise<ProgramSummary[]> => store.read(async (r) => (await r.programs.list()).map(toProgramSummary));

export async function getProgram(store: BookStore, programId: number): Promise<ProgramSummary> {
  const program = await store.read((r) => r.programs.byId(programId));
  if (!program) throw new DeskFailure('NOT_FOUND', 'There is no such program in this book', 'programId');
  return toProgramSummary(program);
}
