import {
  amendTerms,
  currentTerms,
  instantToWallTime,
  originalTerms,
  resolveWallTime,
  rightsDeadlines,
  TermsError,
  toUtcIso,
  type ProgramTerms,
  type TermsHistory,
} from '../../../shared/domain';
import { DeskFailure } from '../../../shared/ipc/result';
import { earlierExpiration, earlierExpirationMessage, termsRecordProblems, usDate } from '../../../shared/ipc/terms-record';
import type { DerivedTermsDates, SessionUser, TermsHistoryView, TermsVersionView } from '../../../shared/ipc/types';
import type { BookStore, TermsRecord, WriteRepos } from '../store/port';
import { actorOf } from './views';

/**
 * The dates the engine derives from one version of the terms. A wall time that does not exist
 * in the program's zone (the hour skipped in spring) is refused, naming the field it came from.
 */
export function deriveDates(terms: ProgramTerms): DerivedTermsDates {
  if (terms.kind === 'rights-offering') {
    const d = rightsDeadlines(terms);
    return {
      expiresAt: d.expiresAt,
      expiresAtInstant: instantOf(d.expiresAt, terms.timeZone, 'terms.expiration.at'),
      expirationBasis: terms.expiration.basis,
      transferableExpiresAt: d.transferableExpiresAt,
      splitRequestCutoff: d.splitRequestCutoff,
      proceedsDue: d.proceedsDue,
      finalReportDue: d.finalReportDue,
      guaranteedDeliveryCutoff: d.guaranteedDeliveryCutoff,
    };
  }
  return { expiresAt: terms.expiresAt, expiresAtInstant: instantOf(terms.expiresAt, terms.timeZone, 'terms.expiresAt'), expirationBasis: 'entered' };
}

function instantOf(wall: string, timeZone: string, field: string): string {
  const r = resolveWallTime(wall, timeZone);
  if (r.kind === 'nonexistent') throw new DeskFailure('INVALID_INPUT', `Expiration: ${wall.replace('T', ' ')} does not exist in ${timeZone} (clocks move forward that night)`, field);
  return toUtcIso(r.kind === 'unique' ? r.instant : r.earlier);
}

export const toView = (r: TermsRecord): TermsVersionView => {
  const terms = r.terms as ProgramTerms;
  return { programId: r.programId, version: r.version, reason: r.reason, recordedAt: r.recordedAt, recordedBy: r.recordedBy, terms, derived: deriveDates(terms) };
};

export const historyOf = (records: readonly TermsRecord[]): TermsHistory =>
  ({ versions: records.map((r) => ({ version: r.version, reason: r.reason, recordedAt: r.recordedAt, recordedBy: r.recordedBy, terms: r.terms as ProgramTerms })) });

const noProgram = () => new DeskFailure('NOT_FOUND', 'There is no such program in this book', 'programId');

/** Every version of a program's terms, oldest first, each with its derived dates. */
export function termsHistory(store: BookStore, programId: number): Promise<TermsHistoryView> {
  return store.read(async (r) => {
    const program = await r.programs.byId(programId);
    if (!program) throw noProgram();
    return { programId, kind: program.kind, versions: (await r.terms.history(programId)).map(toView) };
  });
}

export interface NewTerms {
  readonly programId: number;
  readonly reason: string;
  /** Already checked against the engine's schema for the program's kind. */
  readonly terms: ProgramTerms;
  /** Given when the amendment moves expiration earlier: confirmed, and why. */
  readonly confirmEarlierExpiration?: boolean | undefined;
  readonly earlierExpirationReason?: string | undefined;
}

/** Refuses, in words, terms that the engine reads but the book does not record (see shared/ipc/terms-record.ts). */
export function checkRecordable(terms: ProgramTerms): void {
  const first = termsRecordProblems(terms)[0];
  if (first) throw new DeskFailure('INVALID_INPUT', first.message, `terms.${first.path}`);
}

/**
 * An amendment that moves expiration earlier (an "extension" keyed the wrong way round, or a
 * real shortening) is refused unless confirmed with a reason of its own; what it moves is journaled.
 */
export function earlierExpirationOf(before: TermsRecord | undefined, input: Omit<NewTerms, 'programId' | 'reason'>): { from: string; to: string; reason: string } | null {
  const moved = before ? earlierExpiration(before.terms as ProgramTerms, input.terms) : null;
  if (!moved) return null;
  if (input.confirmEarlierExpiration !== true) {
    throw new DeskFailure('CONFLICT', `Terms not recorded: ${earlierExpirationMessage(moved.from, moved.to)}`, 'confirmEarlierExpiration');
  }
  const reason = input.earlierExpirationReason?.trim() ?? '';
  if (reason === '') throw new DeskFailure('INVALID_INPUT', `Why expiration moves earlier is required (from ${moved.from.replace('T', ' ')} to ${moved.to.replace('T', ' ')})`, 'earlierExpirationReason');
  return { ...moved, reason };
}

/**
 * Once certificates are out, holders hold paper printed under the terms: from then on they
 * change only by an amendment one supervisor proposes and another approves (services/amendments.ts).
 */
async function refuseOnceIssued(tx: WriteRepos, programId: number, versions: number): Promise<void> {
  const issue = await tx.certificates.issueOf(programId);
  if (!issue || versions === 0) return;
  throw new DeskFailure('CONFLICT', `Terms are locked: this program's certificates were issued on ${usDate(instantToWallTime(Date.parse(issue.issuedAt)).slice(0, 10))}. Propose an amendment instead; another supervisor must approve it`, 'terms');
}

/**
 * Records the program's original terms (version 1) or, once it has them, an amendment or
 * extension as the next version. Earlier versions are never changed.
 */
export function recordTerms(store: BookStore, by: SessionUser, input: NewTerms): Promise<TermsVersionView> {
  deriveDates(input.terms); // refuses an expiration that cannot happen before anything is written
  checkRecordable(input.terms);
  return store.change(actorOf(by), 'terms.recorded', async (tx, at) => {
    const program = await tx.programs.byId(input.programId);
    if (!program) throw noProgram();
    if (input.terms.kind !== program.kind) throw new DeskFailure('INVALID_INPUT', `Kind of terms: this program is a ${program.kind}, the terms say ${input.terms.kind}`, 'terms.kind');
    const records = await tx.terms.history(input.programId);
    await refuseOnceIssued(tx, program.id, records.length);
    const earlier = earlierExpirationOf(records.at(-1), input);
    const rec = { reason: input.reason, at, by: by.username };
    let next: TermsHistory;
    try {
      next = records.length === 0 ? originalTerms(input.terms, rec) : amendTerms(historyOf(records), input.terms, rec);
    } catch (error) {
      if (error instanceof TermsError) throw new DeskFailure('CONFLICT', `Terms not recorded: ${error.message}`, error.message.includes('reason') ? 'reason' : 'terms');
      throw error;
    }
    const added = currentTerms(next);
    const stored = toView(await tx.terms.insert({ programId: program.id, version: added.version, reason: added.reason, recordedAt: at, recordedBy: by.id, terms: added.terms }));
    const before = records.at(-1);
    const payload = before
      ? { programId: program.id, version: added.version, reason: added.reason, ...(earlier ? { earlierExpiration: earlier } : {}), before: { version: before.version, terms: before.terms }, after: added.terms }
      : { programId: program.id, version: added.version, reason: added.reason, after: added.terms };
    return { payload, result: stored };
  });
}
