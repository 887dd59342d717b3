/**
 * Four-eyes amendments of a program's terms. Once its certificates are issued, holders hold paper
 * printed under the terms, so `recordTerms` refuses and a change goes through here: one supervisor
 * proposes it with a reason (checked exactly as recording terms is), another supervisor or an
 * administrator — never the proposer — approves or rejects it with a note. Approving records the
 * next version of the terms in the same change, and is refused if the terms moved on since the
 * version the proposal was written against.
 */
import { amendTerms, currentTerms, instantToWallTime, TermsError, type ProgramTerms } from '../../../shared/domain';
import { DeskFailure } from '../../../shared/ipc/result';
import { termsChanges } from '../../../shared/ipc/terms-diff';
import type { AmendmentsView, AmendmentView, SessionUser } from '../../../shared/ipc/types';
import type { AmendmentRecord, BookStore, ReadRepos, TermsRecord } from '../store/port';
import { actorOf } from './views';
import { checkRecordable, deriveDates, earlierExpirationOf, historyOf, toView } from './terms';

const noProgram = () => new DeskFailure('NOT_FOUND', 'There is no such program in this book', 'programId');
const noAmendment = () => new DeskFailure('NOT_FOUND', 'There is no such amendment in this book', 'amendmentId');

const statusOf = (a: AmendmentRecord): AmendmentView['status'] => a.decision ?? 'pending';

function toAmendmentView(a: AmendmentRecord, versions: readonly TermsRecord[]): AmendmentView {
  const base = versions.find((v) => v.version === a.baseVersion);
  const baseTerms = (base?.terms ?? a.terms) as ProgramTerms;
  const terms = a.terms as ProgramTerms;
  return {
    id: a.id,
    programId: a.programId,
    status: statusOf(a),
    baseVersion: a.baseVersion,
    baseTerms,
    terms,
    derived: deriveDates(terms),
    changes: termsChanges(baseTerms, terms),
    reason: a.reason,
    proposedAt: a.proposedAt,
    proposedBy: a.proposedBy,
    decidedAt: a.decidedAt,
    decidedBy: a.decidedBy,
    decisionNote: a.decisionNote,
  };
}

async function lockState(r: ReadRepos, programId: number): Promise<{ issuedAt: string | null; versions: TermsRecord[] }> {
  const issue = await r.certificates.issueOf(programId);
  return { issuedAt: issue?.issuedAt ?? null, versions: await r.terms.history(programId) };
}

/** A program's amendments, newest first, each beside the version it was written against. */
export function listAmendments(store: BookStore, programId: number): Promise<AmendmentsView> {
  return store.read(async (r) => {
    if (!(await r.programs.byId(programId))) throw noProgram();
    const { issuedAt, versions } = await lockState(r, programId);
    const amendments = (await r.amendments.forProgram(programId)).map((a) => toAmendmentView(a, versions));
    return { programId, locked: issuedAt !== null && versions.length > 0, issuedAt, currentVersion: versions.at(-1)?.version ?? 0, amendments };
  });
}

export interface NewAmendment {
  readonly programId: number;
  readonly reason: string;
  /** Already checked against the engine's schema for the program's kind. */
  readonly terms: ProgramTerms;
  readonly confirmEarlierExpiration?: boolean | undefined;
  readonly earlierExpirationReason?: string | undefined;
}

/** Refuses what recording the terms would refuse: identical terms, a time before the last version. */
function checkAmends(versions: readonly TermsRecord[], terms: ProgramTerms, rec: { reason: string; at: string; by: string }): void {
  try {
    amendTerms(historyOf(versions), terms, rec);
  } catch (error) {
    if (error instanceof TermsError) throw new DeskFailure('CONFLICT', `Amendment not proposed: ${error.message}`, error.message.includes('reason') ? 'reason' : 'terms');
    throw error;
  }
}

/** A supervisor's proposal, against the current version; it changes nothing until another approves it. */
export async function proposeAmendment(store: BookStore, by: SessionUser, input: NewAmendment): Promise<AmendmentView> {
  const reason = input.reason.trim();
  if (reason === '') throw new DeskFailure('INVALID_INPUT', 'Reason for the amendment is required (what it changes and on whose authority)', 'reason');
  deriveDates(input.terms);
  checkRecordable(input.terms);
  return store.change(actorOf(by), 'terms.amendmentProposed', async (tx, at) => {
    const program = await tx.programs.byId(input.programId);
    if (!program) throw noProgram();
    if (input.terms.kind !== program.kind) throw new DeskFailure('INVALID_INPUT', `Kind of terms: this program is a ${program.kind}, the terms say ${input.terms.kind}`, 'terms.kind');
    const { issuedAt, versions } = await lockState(tx, program.id);
    const base = versions.at(-1);
    if (!issuedAt || !base) throw new DeskFailure('CONFLICT', 'This program\'s certificates are not issued yet: record its terms directly, no amendment is needed', 'programId');
    const earlier = earlierExpirationOf(base, input);
    checkAmends(versions, input.terms, { reason, at, by: by.username });
    const stored = await tx.amendments.propose({ programId: program.id, baseVersion: base.version, terms: input.terms, reason, proposedAt: at, proposedBy: by.id });
    const view = toAmendmentView(stored, versions);
    const payload = { programId: program.id, amendmentId: stored.id, baseVersion: base.version, reason, ...(earlier ? { earlierExpiration: earlier } : {}), changes: view.changes, before: { version: base.version, terms: base.terms }, after: input.terms };
    return { payload, result: view };
  });
}

export interface AmendmentDecisionInput {
  readonly amendmentId: number;
  readonly decision: 'approve' | 'reject';
  readonly note: string;
}

const when = (instant: string) => instantToWallTime(Date.parse(instant)).replace('T', ' ');

/** Refuses a decision on an amendment already decided, or by the supervisor who proposed it. */
function checkDecidable(a: AmendmentRecord, by: SessionUser): void {
  if (a.decision !== null) throw new DeskFailure('CONFLICT', `Amendment #${a.id} was already ${a.decision} by ${a.decidedBy ?? 'someone'} on ${when(a.decidedAt ?? '')} New York time`, 'amendmentId');
  if (a.proposedById === by.id) throw new DeskFailure('FORBIDDEN', `Amendment #${a.id}: you proposed it, so another supervisor or an administrator must decide it (four eyes)`, 'amendmentId');
}

/** The amendment as this decision left it; one another desk decided meanwhile is refused (and the change rolled back). */
function decidedNow(a: AmendmentRecord, by: SessionUser, at: string): AmendmentRecord {
  if (a.decidedAt === at && a.decidedBy === by.username) return a;
  checkDecidable(a, by);
  throw new Error(`Amendment #${a.id} could not be decided`);
}

/** Approves (recording the next version of the terms) or rejects a pending amendment, with a note. */
export async function decideAmendment(store: BookStore, by: SessionUser, input: AmendmentDecisionInput): Promise<AmendmentView> {
  const note = input.note.trim();
  if (note === '') throw new DeskFailure('INVALID_INPUT', `Note is required: say why you ${input.decision} the amendment`, 'note');
  const action = input.decision === 'approve' ? 'terms.amendmentApproved' : 'terms.amendmentRejected';
  return store.change(actorOf(by), action, async (tx, at) => {
    const a = await tx.amendments.byId(input.amendmentId);
    if (!a) throw noAmendment();
    checkDecidable(a, by);
    const versions = await tx.terms.history(a.programId);
    const common = { programId: a.programId, amendmentId: a.id, note, proposedBy: a.proposedBy, reason: a.reason };
    if (input.decision === 'reject') {
      const decided = decidedNow(await tx.amendments.decide(a.id, { decision: 'rejected', decidedAt: at, decidedBy: by.id, note }), by, at);
      return { payload: { ...common, decision: 'rejected' }, result: toAmendmentView(decided, versions) };
    }
    const current = versions.at(-1);
    if (!current || current.version !== a.baseVersion) {
      throw new DeskFailure('CONFLICT', `Amendment #${a.id} was written against version ${a.baseVersion}, but the terms are now at version ${current?.version ?? 0}: reject it and propose again against the current terms`, 'amendmentId');
    }
    const reason = `${a.reason} (amendment #${a.id}, proposed by ${a.proposedBy}, approved by ${by.username})`;
    const next = currentTerms(amendTerms(historyOf(versions), a.terms as ProgramTerms, { reason, at, by: by.username }));
    const stored = toView(await tx.terms.insert({ programId: a.programId, version: next.version, reason: next.reason, recordedAt: at, recordedBy: by.id, terms: next.terms }));
    const decided = decidedNow(await tx.amendments.decide(a.id, { decision: 'approved', decidedAt: at, decidedBy: by.id, note }), by, at);
    const payload = { ...common, decision: 'approved', version: stored.version, changes: termsChanges(current.terms, next.terms), before: { version: current.version, terms: current.terms }, after: next.terms };
    return { payload, result: toAmendmentView(decided, versions) };
  });
}
