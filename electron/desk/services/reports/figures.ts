/**
 * §10(a)–(c) summed over a set of report items: whole numbers of rights and shares, money in
 * integer cents (bigint) until written as two-decimal text — never a float.
 */
import { formatCents } from '../../../../shared/domain/money';
import type { ReportFigures } from '../../../../shared/ipc/reports';
export { FIGURE_LINES } from '../../../../shared/ipc/reports';
import { accepted, awaitingDecision, type ReportItem } from './report-items';

export function figuresOf(items: readonly ReportItem[]): ReportFigures {
  let good = 0n;
  let pending = 0n;
  const f = {
    items: 0, forms: 0, dtc: 0, rightsExercised: 0, rightsAccepted: 0, oversubscriptionRequested: 0, sharesSubscribed: 0, rightsPaid: 0, sharesPaid: 0,
    defectiveItems: 0, defectiveRights: 0, defectiveOpen: 0, defectiveAccepted: 0, defectiveRejected: 0, rejectedItems: 0, rejectedRights: 0, lateItems: 0, lateRights: 0,
  };
  for (const i of items) {
    if (i.defective) {
      f.defectiveItems += 1;
      f.defectiveRights += i.rightsExercised;
      if (i.rejected) f.defectiveRejected += 1;
      else if (accepted(i)) f.defectiveAccepted += 1;
      else if (awaitingDecision(i)) f.defectiveOpen += 1;
    }
    if (i.rejected) {
      f.rejectedItems += 1;
      f.rejectedRights += i.rightsExercised;
      continue;
    }
    if (i.late) {
      f.lateItems += 1;
      f.lateRights += i.rightsExercised;
      continue;
    }
    f.items += 1;
    if (i.kind === 'dtc') f.dtc += 1;
    else f.forms += 1;
    f.rightsExercised += i.rightsExercised;
    if (accepted(i)) f.rightsAccepted += i.rightsExercised;
    f.oversubscriptionRequested += i.oversubscriptionRequested;
    f.sharesSubscribed += i.rightsExercised + i.oversubscriptionRequested;
    f.rightsPaid += i.rightsPaid;
    f.sharesPaid += i.sharesPaid;
    good += i.goodCents;
    pending += i.pendingCents;
  }
  return { ...f, goodFunds: formatCents(good), pendingFunds: formatCents(pending) };
}
