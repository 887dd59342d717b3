/**
 * The letters printed for a program, newest first, as the panel's grid shows them: what each
 * concerns (an election, an odd-lot order, a held certificate), the decision it told of, who
 * printed it and when, and the SHA-256 of the file it went out in — and how many letters of each
 * bulk kind the program still owes.
 */
import { DeskFailure } from '../../../../shared/ipc/result';
import type { LetterKindName, LettersListView, LetterView } from '../../../../shared/ipc/letters';
import type { ReadRepos } from '../../store/port';
import type { ProgramItems } from '../supervision/program-items';
import { lettersDue } from './letter-picks';

export async function lettersList(r: ReadRepos, programId: number, now: Date, given?: ProgramItems): Promise<LettersListView> {
  if (!(await r.programs.byId(programId))) throw new DeskFailure('NOT_FOUND', `Program: there is no program ${programId} in this book`, 'programId');
  const rows = await r.supervision.ofProgram('letters', programId);
  const certificateIds = rows.flatMap((l) => (l.certificateId === null ? [] : [l.certificateId]));
  const numbers = new Map((await r.supervision.certificatesByIds(certificateIds)).map((c) => [c.id, c.number]));
  const names = new Map<number, string>();
  for (const id of new Set(rows.map((l) => l.printedBy))) names.set(id, (await r.users.byId(id))?.username ?? `user ${id}`);
  const concerning = (l: (typeof rows)[number]): string =>
    l.electionId !== null ? `Election ${l.electionId}` : l.oddLotOrderId !== null ? `Odd-lot order ${l.oddLotOrderId}` : `Certificate ${numbers.get(l.certificateId ?? 0) ?? l.certificateId}`;
  const letters: LetterView[] = rows
    .map((l) => ({
      id: l.id,
      kind: l.kind as LetterKindName,
      concerning: concerning(l),
      electionId: l.electionId,
      oddLotOrderId: l.oddLotOrderId,
      certificateId: l.certificateId,
      decisionId: l.decisionId,
      printedAt: l.printedAt,
      printedBy: names.get(l.printedBy) ?? '',
      fileSha256: l.fileSha256,
    }))
    .reverse();
  return { letters, due: await lettersDue(r, programId, now, given) };
}
