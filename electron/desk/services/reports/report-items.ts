/**
 * The §10 reports' reading of a program's items: each current election (a form or a DTC
 * instruction) with the business day it belongs to, the rights and shares it counts for and
 * whether it was defective — all from `readProgramItems` (the engine's verdicts, §4b deemed
 * exercise, good funds now, the §11 standing); nothing here re-judges an election.
 *
 * - Day: the New York business day (the program's calendar) of the receipt stamp on the envelope
 *   of the chain's ORIGINAL election — a correction counts once, on the day the paper first came
 *   in. A stamp on a weekend or holiday belongs to the next business day.
 * - Withdrawn elections (replaced by a correction, or reversed) count nowhere.
 * - Rights exercised: one right per basic share; the basic shares written (never more than the
 *   rights left on the certificate or surrendered through DTC), or, where no number is written,
 *   §4b's deemed exercise: the shares the good funds cover now.
 * - Paid for: the engine's §4b figures with the good funds in hand now.
 * - Defective: the engine names a deficiency now, or the company took a decision on the chain.
 * - Rejected and late (received after the Expiration Time, §5) exercises are shown apart: they
 *   are not exercises the company will honour.
 */
import { onOrNextBusinessDay, type CalendarName } from '../../../../shared/domain/calendar';
import { centsOf } from '../../../../shared/domain/money';
import type { RightsOfferingTerms } from '../../../../shared/domain';
import { isAccepted, IN_QUEUE, type ItemStatus } from '../supervision/item-status';
import type { ProgramItem, ProgramItems } from '../supervision/program-items';

export interface ReportItem {
  readonly electionId: number;
  readonly kind: 'form' | 'dtc';
  readonly certificateId: number;
  /** The business day it belongs to, 'YYYY-MM-DD'. */
  readonly day: string;
  readonly status: ItemStatus;
  readonly rejected: boolean;
  readonly late: boolean;
  readonly defective: boolean;
  readonly rightsExercised: number;
  readonly oversubscriptionRequested: number;
  readonly rightsPaid: number;
  readonly sharesPaid: number;
  readonly goodCents: bigint;
  readonly pendingCents: bigint;
}

/** Basic shares the item exercises: as written (within the rights left) or, with no number, §4b's deemed shares. */
function rightsOf(item: ProgramItem): number {
  const verdict = item.verdict!;
  const written = item.election!.basicShares;
  return written === null ? verdict.basicShares : Math.min(written, verdict.rightsLeft);
}

/** The stamp (New York wall time) of the envelope the chain's first election came in. */
function firstStamp(item: ProgramItem, all: ProgramItems): string {
  const originalId = item.corrects.at(-1);
  const original = originalId === undefined ? item : all.byKey.get(`election:${originalId}`);
  return (original ?? item).envelope.stampedLocal;
}

/** Every current election of the program as the reports count it (odd-lot orders are no §10 exercise). */
export function reportItems(all: ProgramItems, terms: RightsOfferingTerms): ReportItem[] {
  const calendar = terms.businessDays as CalendarName;
  const out: ReportItem[] = [];
  for (const item of all.items) {
    if (item.election === null || item.verdict === null || item.standing.status === 'withdrawn') continue;
    const verdict = item.verdict;
    const codes = verdict.deficiencies.map((d) => d.code);
    out.push({
      electionId: item.election.id,
      kind: item.kind as 'form' | 'dtc',
      certificateId: item.election.certificateId,
      day: onOrNextBusinessDay(firstStamp(item, all).slice(0, 10), calendar),
      status: item.standing.status,
      rejected: item.standing.status === 'rejected',
      late: codes.includes('LATE'),
      defective: codes.length > 0 || item.decisions.length > 0,
      rightsExercised: rightsOf(item),
      oversubscriptionRequested: item.election.oversubscriptionShares,
      rightsPaid: verdict.basicShares,
      sharesPaid: verdict.basicShares + verdict.oversubscriptionPaid,
      goodCents: BigInt(centsOf(verdict.goodFunds)),
      pendingCents: BigInt(centsOf(verdict.pendingFunds)),
    });
  }
  return out;
}

/** Counted in (a) and (b): neither rejected nor late. */
export const counts = (i: ReportItem): boolean => !i.rejected && !i.late;

/** Still before the company: in the queue or awaiting a cure. */
export const awaitingDecision = (i: ReportItem): boolean => IN_QUEUE.has(i.status) || i.status === 'awaiting-cure';

export const accepted = (i: ReportItem): boolean => isAccepted(i.status);
