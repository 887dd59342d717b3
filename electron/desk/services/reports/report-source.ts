/**
 * What every §10 report is drawn from, read in ONE snapshot: the program, its terms in force,
 * every item as `readProgramItems` judges it at the moment drawn, and the journal head — so the
 * figures printed are exactly the book at the entry the report names (sequence and hash).
 */
import { instantToWallTime } from '../../../../shared/domain/time';
import { rightsDeadlines, type RightsOfferingTerms } from '../../../../shared/domain/terms';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { ReportHeader } from '../../../../shared/ipc/reports';
import type { JournalHead, ProgramRecord, ReadRepos } from '../../store/port';
import { readProgramItems } from '../supervision/program-items';
import { reportItems, type ReportItem } from './report-items';

export interface ReportSource {
  readonly program: ProgramRecord;
  readonly terms: RightsOfferingTerms;
  readonly items: readonly ReportItem[];
  readonly head: JournalHead | null;
  readonly asOf: Date;
}

/** The program's terms in force, refused in words for an odd-lot program or one without terms. */
export async function rightsTermsOf(r: ReadRepos, programId: number): Promise<{ program: ProgramRecord; terms: RightsOfferingTerms }> {
  const program = await r.programs.byId(programId);
  if (!program) throw new DeskFailure('NOT_FOUND', `Program: there is no program ${programId} in this book`, 'programId');
  if (program.kind !== 'rights-offering') throw new DeskFailure('CONFLICT', `Program: ${program.name} is an odd-lot program; the §10 reports are those of a rights offering`, 'programId');
  const terms = (await r.terms.history(programId)).at(-1)?.terms as RightsOfferingTerms | undefined;
  if (!terms) throw new DeskFailure('CONFLICT', `Program: ${program.name} has no terms recorded yet, so nothing can be reported`, 'programId');
  return { program, terms };
}

export async function readReportSource(r: ReadRepos, programId: number, asOf: Date): Promise<ReportSource> {
  const { program, terms } = await rightsTermsOf(r, programId);
  const [all, head] = await Promise.all([readProgramItems(r, programId, asOf), r.journal.head()]);
  return { program, terms, items: reportItems(all, terms), head, asOf };
}

export const REPORT_NOTES: readonly string[] = [
  'A day is a New York business day of the program\u2019s calendar. An exercise belongs to the day of the receipt stamp on the envelope its first paper came in (a stamp on a weekend or holiday: the next business day). A correction counts once, on that first day; an election it replaced counts nowhere.',
  'Exercises are election forms and DTC instructions (a DTC instruction counts the rights its participant surrendered). Each right buys one Rights Share.',
  '(a) Rights exercised: the basic shares written, never more than the rights left on the certificate; where no number is written, the shares the good funds cover (\u00a74b).',
  '(b) Shares subscribed: basic plus oversubscription requested. Rights (and shares) for which payment has been received: those whose cost the good funds cover as the book stands when drawn (\u00a76a: a check once cleared; certified checks, bank drafts and money orders once received; wires and DTC once collected).',
  '(c) Defective: an exercise the engine finds a deficiency in when drawn, or one the company has decided on (waived, cure allowed, cured, rejected); its rights as in (a).',
  'Rejected exercises and those received after the Expiration Time (\u00a75) are shown apart and are not in (a) or (b). Cumulative totals are the sums of the daily figures through the day.',
  'Every figure is as the book stands at the journal entry named below; drawing the report again at that entry gives the same figures.',
];

export function headerOf(source: ReportSource, notes: readonly string[] = REPORT_NOTES): ReportHeader {
  const { program, terms, head, asOf } = source;
  return {
    programId: program.id,
    issuer: program.issuer,
    programName: program.name,
    cusip: program.cusip,
    drawnAt: asOf.toISOString(),
    drawnLocal: instantToWallTime(asOf.getTime(), terms.timeZone),
    head: head ? { seq: head.seq, hash: head.hash } : null,
    expiresAt: rightsDeadlines(terms).expiresAt,
    notes,
  };
}
