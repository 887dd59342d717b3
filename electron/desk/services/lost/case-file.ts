/**
 * A case as a clerk and a supervisor see it: the certificate and its registration, the
 * affidavit, the bonds and their approval, the remains, the replacement, a recovery, the SEC
 * reports filed — and what still blocks a replacement, in words. Built from the append-only
 * rows alone: a case's state is what its events say.
 */
import { addBusinessDays, instantToWallTime, type CalendarName, type RightsOfferingTerms } from '../../../../shared/domain';
import type { CaseKind } from '../../../../shared/domain/lost';
import type { Affidavit, BondView, CaseStatus, CaseView } from '../../../../shared/ipc/lost';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { CertificateRecord, LostRecord, ReadRepos, RegisterEntryRecord } from '../../store/port';
import { expiresAtFor } from '../intake/assess';

/** Business days before expiration within which opening a case is warned of. */
export const NEAR_EXPIRATION_BUSINESS_DAYS = 5;

export interface CaseFile {
  readonly record: LostRecord<'lost_cases'>;
  readonly certificate: CertificateRecord;
  readonly entry: RegisterEntryRecord;
  readonly bonds: readonly LostRecord<'indemnity_bonds'>[];
  readonly events: readonly LostRecord<'lost_case_events'>[];
  readonly exercised: number;
}

export async function loadCase(r: ReadRepos, caseId: number): Promise<CaseFile> {
  const record = await r.lost.byId('lost_cases', caseId);
  if (!record) throw new DeskFailure('NOT_FOUND', 'There is no such lost-certificate case in this book', 'caseId');
  const certificate = await r.certificates.byId(record.certificateId);
  if (!certificate) throw new Error(`Case ${caseId} names certificate ${record.certificateId}, which the book does not have`);
  const [entry] = await r.register.entriesByIds([certificate.entryId]);
  if (!entry) throw new Error(`Certificate ${certificate.number} names register entry ${certificate.entryId}, which the book does not have`);
  const [bonds, events, exercised] = await Promise.all([r.lost.where('indemnity_bonds', 'caseId', caseId), r.lost.where('lost_case_events', 'caseId', caseId), r.intake.basicExercised(certificate.id)]);
  return { record, certificate, entry, bonds, events, exercised };
}

const detailOf = (e: LostRecord<'lost_case_events'>) => e.detail as Record<string, unknown>;
const eventsOf = (f: CaseFile, kind: string) => f.events.filter((e) => e.kind === kind);

/** The bond a supervisor approved (the latest approval), if any. */
export function approvedBond(f: CaseFile): LostRecord<'indemnity_bonds'> | undefined {
  const approvals = eventsOf(f, 'bond-approved');
  const last = approvals[approvals.length - 1];
  return last && f.bonds.find((b) => b.id === detailOf(last)['bondId']);
}

export function remainsOf(f: CaseFile): { identifiable: boolean; description: string } | null {
  const last = eventsOf(f, 'remains-surrendered').at(-1);
  return last ? { identifiable: detailOf(last)['identifiable'] === true, description: String(detailOf(last)['description'] ?? '') } : null;
}

/** §2c: indemnity for a loss, theft or destruction; for a mutilated certificate only when it cannot be identified. */
export function bondRequired(f: CaseFile): boolean {
  if (f.record.kind !== 'mutilated') return true;
  const remains = remainsOf(f);
  return remains === null || !remains.identifiable;
}

export function replacementOf(f: CaseFile): { certificateId: number; number: string; firmRights: number } | null {
  const last = eventsOf(f, 'replaced').at(-1);
  if (!last) return null;
  const d = detailOf(last);
  return { certificateId: Number(d['certificateId']), number: String(d['number']), firmRights: Number(d['firmRights']) };
}

export const recoveredOn = (f: CaseFile): string | null => {
  const last = eventsOf(f, 'recovered').at(-1);
  return last ? String(detailOf(last)['recoveredOn']) : null;
};

/** What stands between the case and a replacement, in words (empty: it may be replaced). */
export function blockers(f: CaseFile, terms: RightsOfferingTerms, nowMs: number): string[] {
  const out: string[] = [];
  const affidavit = f.record.affidavit as Affidavit;
  if (replacementOf(f)) out.push('The certificate has already been replaced');
  if (recoveredOn(f) !== null) out.push('The original was recovered: it is not replaced');
  if (!affidavit.received) out.push('The affidavit of loss has not been received');
  if (!affidavit.notEndorsedOrPledged) out.push('The affidavit does not state that the certificate was neither endorsed nor pledged');
  if (f.record.kind === 'mutilated' && remainsOf(f) === null) out.push('The remains of the mutilated certificate have not been surrendered');
  if (bondRequired(f) && !approvedBond(f)) out.push(f.bonds.length === 0 ? 'No indemnity bond has been keyed' : 'The indemnity bond awaits a supervisor’s approval');
  if (nowMs > expiresAtFor(terms, f.certificate.class)) out.push('The rights have expired: no replacement after expiration');
  if (f.certificate.firmRights - f.exercised <= 0) out.push('Every right of the certificate has been exercised: nothing is left to replace');
  return out;
}

function statusOf(f: CaseFile, blocking: readonly string[]): CaseStatus {
  if (replacementOf(f)) return 'replaced';
  if (recoveredOn(f) !== null) return 'recovered';
  if (blocking.length === 0) return 'ready to replace';
  return f.bonds.length > 0 ? 'bond keyed' : 'open';
}

/** Warnings for the clerk: expiration close, an affidavit that does not match the certificate. */
export function warnings(f: Pick<CaseFile, 'certificate' | 'entry' | 'exercised'>, affidavit: Affidavit, terms: RightsOfferingTerms, nowMs: number): string[] {
  const out: string[] = [];
  const expires = expiresAtFor(terms, f.certificate.class);
  const today = instantToWallTime(nowMs, terms.timeZone).slice(0, 10);
  const expiresOn = instantToWallTime(expires, terms.timeZone).slice(0, 10);
  if (nowMs <= expires && addBusinessDays(today, NEAR_EXPIRATION_BUSINESS_DAYS, terms.businessDays as CalendarName) >= expiresOn) {
    out.push(`The rights expire on ${expiresOn}, within ${NEAR_EXPIRATION_BUSINESS_DAYS} business days: a replacement must be issued before then, or the holder cannot exercise`);
  }
  if (affidavit.rights !== f.certificate.firmRights) out.push(`The affidavit states ${affidavit.rights} rights; certificate ${f.certificate.number} carries ${f.certificate.firmRights}`);
  if (f.entry.tinLast4 !== null && f.entry.tinLast4 !== affidavit.tinLast4) out.push(`The TIN on the affidavit (XXX-XX-${affidavit.tinLast4}) is not the one on the register (XXX-XX-${f.entry.tinLast4})`);
  return out;
}

const bondView = (b: LostRecord<'indemnity_bonds'>, f: CaseFile): BondView => {
  const approval = eventsOf(f, 'bond-approved').find((e) => detailOf(e)['bondId'] === b.id);
  return {
    id: b.id, stopDate: b.stopDate, rights: b.rights, marketValue: b.marketValue, premium: b.premium, processingFee: b.processingFee, expenses: b.expenses,
    paymentReceived: b.paymentReceived, surety: b.surety, bondReference: b.bondReference, keyedBy: b.keyedBy, approvedBy: approval ? approval.createdBy : null,
  };
};

export function caseView(f: CaseFile, terms: RightsOfferingTerms, nowMs: number): CaseView {
  const blocking = blockers(f, terms, nowMs);
  const affidavit = f.record.affidavit as Affidavit;
  return {
    id: f.record.id, programId: f.record.programId, certificateId: f.certificate.id, certificateNumber: f.certificate.number, class: f.certificate.class,
    registration: f.entry.registration.filter((l) => l !== ''), firmRights: f.certificate.firmRights, rightsLeft: Math.max(0, f.certificate.firmRights - f.exercised),
    kind: f.record.kind as CaseKind, status: statusOf(f, blocking), discoveredOn: f.record.discoveredOn, circumstances: f.record.circumstances, policeReport: f.record.policeReport,
    affidavit, openedAt: f.record.openedAt, openedBy: f.record.openedBy, bonds: f.bonds.map((b) => bondView(b, f)), bondRequired: bondRequired(f), remains: remainsOf(f),
    replacement: replacementOf(f), recoveredOn: recoveredOn(f),
    reports: eventsOf(f, 'sec-reported').map((e) => ({ reportType: detailOf(e)['reportType'] as 'initial' | 'recovery', filedOn: String(detailOf(e)['filedOn']), confirmation: String(detailOf(e)['confirmation']) })),
    blockers: blocking, warnings: warnings(f, affidavit, terms, nowMs),
  };
}
