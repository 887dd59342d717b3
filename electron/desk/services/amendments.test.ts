import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProgramTerms, RightsOfferingTerms } from '../../../shared/domain';
import { DeskFailure } from '../../../shared/ipc/result';
import type { SessionUser } from '../../../shared/ipc/types';
import type { BookStore } from '../store/port';
import { fixtureJson, markCertificatesIssued, staffBook, XO_PROGRAM_FILE } from '../testing/program-fixtures';
import { storeKit, type StoreKit } from '../testing/store-kit';
import { decideAmendment, listAmendments, proposeAmendment } from './amendments';
import { createProgramFromFile, parseProgramFile } from './program-file';
import { recordTerms, termsHistory } from './terms';

let kit: StoreKit;
let store: BookStore;
let staff: Record<'ada' | 'sue' | 'sam' | 'carl', SessionUser>;
let programId: number;
let v1: RightsOfferingTerms;

beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
  staff = await staffBook(store);
  const parsed = parseProgramFile(fixtureJson(XO_PROGRAM_FILE));
  if (!parsed.ok) throw new Error('the XO seed file should be good');
  const created = await createProgramFromFile(store, staff.sue, parsed.file, { fileName: XO_PROGRAM_FILE, sha256: '0'.repeat(64) });
  programId = created.program.id;
  v1 = created.terms.terms as RightsOfferingTerms;
});
afterEach(async () => kit.cleanup());

/** The XO offering extended a week (§5 allows the company to extend). */
const extended = (): ProgramTerms => ({ ...v1, expiration: { basis: 'entered', at: '2003-12-15T17:00' } });
const later = () => kit.clock.advanceMinutes(5);
const journalCount = () => store.read((r) => r.journal.count());
const refusal = async (p: Promise<unknown>): Promise<DeskFailure> => {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DeskFailure);
  return error as DeskFailure;
};

describe('terms once certificates are issued', () => {
  it('are recorded directly before issue, and locked after it: recordTerms refuses and points to an amendment', async () => {
    later();
    await recordTerms(store, staff.sue, { programId, reason: 'Extension before issue', terms: extended() });
    await markCertificatesIssued(store, programId);
    const before = await journalCount();
    const error = await refusal(recordTerms(store, staff.sue, { programId, reason: 'Extension', terms: { ...v1, maxShares: 40_000_000 } }));
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'terms' });
    expect(error.message).toMatch(/^Terms are locked: this program's certificates were issued on 03\/02\/2026\. Propose an amendment instead; another supervisor must approve it$/);
    expect(await journalCount()).toBe(before);
    expect(await listAmendments(store, programId)).toMatchObject({ locked: true, currentVersion: 2, amendments: [] });
  });

  it('an amendment is refused before issue: the terms are recorded directly', async () => {
    const error = await refusal(proposeAmendment(store, staff.sue, { programId, reason: 'Extension', terms: extended() }));
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'programId' });
    expect((await listAmendments(store, programId)).locked).toBe(false);
  });
});

describe('four-eyes amendments', () => {
  beforeEach(async () => markCertificatesIssued(store, programId));

  it('one supervisor proposes, the proposer cannot approve, another approves: the next version is current', async () => {
    later();
    const proposed = await proposeAmendment(store, staff.sue, { programId, reason: '  Extension per the company’s notice of 12/01/2003 ', terms: extended() });
    expect(proposed).toMatchObject({ status: 'pending', baseVersion: 1, reason: 'Extension per the company’s notice of 12/01/2003', proposedBy: 'sue', decidedBy: null });
    expect(proposed.changes).toEqual([
      { path: 'expiration.basis', before: 'derived', after: 'entered' },
      { path: 'expiration.at', before: null, after: '2003-12-15T17:00' },
    ]);
    expect(proposed.derived.expiresAt).toBe('2003-12-15T17:00');
    // Nothing changes until it is approved.
    expect((await termsHistory(store, programId)).versions).toHaveLength(1);
    const [entry] = await store.read((r) => r.journal.list({ limit: 1 }));
    expect(entry).toMatchObject({ action: 'terms.amendmentProposed', username: 'sue', payload: { programId, amendmentId: proposed.id, baseVersion: 1, before: { version: 1 }, after: { expiration: { at: '2003-12-15T17:00' } } } });

    const before = await journalCount();
    const own = await refusal(decideAmendment(store, staff.sue, { amendmentId: proposed.id, decision: 'approve', note: 'Looks right' }));
    expect(own).toMatchObject({ code: 'FORBIDDEN', field: 'amendmentId', message: `Amendment #${proposed.id}: you proposed it, so another supervisor or an administrator must decide it (four eyes)` });
    expect(await journalCount()).toBe(before);

    later();
    const approved = await decideAmendment(store, staff.sam, { amendmentId: proposed.id, decision: 'approve', note: 'Checked against the notice' });
    expect(approved).toMatchObject({ status: 'approved', decidedBy: 'sam', decisionNote: 'Checked against the notice' });
    const history = await termsHistory(store, programId);
    expect(history.versions.map((v) => [v.version, v.recordedBy, v.derived.expiresAt])).toEqual([
      [1, 'sue', '2003-12-08T17:00'],
      [2, 'sam', '2003-12-15T17:00'],
    ]);
    expect(history.versions[1]!.reason).toBe(`Extension per the company’s notice of 12/01/2003 (amendment #${proposed.id}, proposed by sue, approved by sam)`);
    const [approval] = await store.read((r) => r.journal.list({ limit: 1 }));
    expect(approval).toMatchObject({ action: 'terms.amendmentApproved', username: 'sam', payload: { amendmentId: proposed.id, decision: 'approved', version: 2, before: { version: 1 }, note: 'Checked against the notice' } });
    const again = await refusal(decideAmendment(store, staff.ada, { amendmentId: proposed.id, decision: 'reject', note: 'Too late' }));
    expect(again.message).toMatch(/^Amendment #\d+ was already approved by sam on 2026-03-02 09:\d\d New York time$/);
  });

  it('a rejection records no version; an administrator may decide too', async () => {
    later();
    const proposed = await proposeAmendment(store, staff.sue, { programId, reason: 'Fewer shares', terms: { ...v1, maxShares: 40_000_000 } });
    expect(proposed.changes).toEqual([{ path: 'maxShares', before: '43333333', after: '40000000' }]);
    const rejected = await decideAmendment(store, staff.ada, { amendmentId: proposed.id, decision: 'reject', note: 'No board resolution' });
    expect(rejected).toMatchObject({ status: 'rejected', decidedBy: 'ada', decisionNote: 'No board resolution' });
    expect((await termsHistory(store, programId)).versions).toHaveLength(1);
    const [entry] = await store.read((r) => r.journal.list({ limit: 1 }));
    expect(entry).toMatchObject({ action: 'terms.amendmentRejected', username: 'ada', payload: { decision: 'rejected', note: 'No board resolution' } });
    expect((await listAmendments(store, programId)).amendments.map((a) => a.status)).toEqual(['rejected']);
  });

  it('two deciders at once: one decision stands, the other is refused, and one version is added', async () => {
    later();
    const proposed = await proposeAmendment(store, staff.sue, { programId, reason: 'Extension', terms: extended() });
    const other = await kit.open();
    const outcomes = await Promise.allSettled([
      decideAmendment(store, staff.sam, { amendmentId: proposed.id, decision: 'approve', note: 'Per notice' }),
      decideAmendment(other, staff.ada, { amendmentId: proposed.id, decision: 'reject', note: 'No notice seen' }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'CONFLICT', field: 'amendmentId' });
    const [final] = (await listAmendments(store, programId)).amendments;
    const versions = (await termsHistory(store, programId)).versions.length;
    expect(versions).toBe(final?.status === 'approved' ? 2 : 1);
  });

  it('refuses to approve once the terms moved on since the proposal`s base version', async () => {
    later();
    const first = await proposeAmendment(store, staff.sue, { programId, reason: 'Extension', terms: extended() });
    const second = await proposeAmendment(store, staff.sam, { programId, reason: 'Fewer shares', terms: { ...v1, maxShares: 40_000_000 } });
    later();
    await decideAmendment(store, staff.sam, { amendmentId: first.id, decision: 'approve', note: 'Per notice' });
    const before = await journalCount();
    const stale = await refusal(decideAmendment(store, staff.sue, { amendmentId: second.id, decision: 'approve', note: 'Fine' }));
    expect(stale).toMatchObject({ code: 'CONFLICT', field: 'amendmentId' });
    expect(stale.message).toBe(`Amendment #${second.id} was written against version 1, but the terms are now at version 2: reject it and propose again against the current terms`);
    expect(await journalCount()).toBe(before);
    expect((await termsHistory(store, programId)).versions).toHaveLength(2);
  });

  it('checks a proposal exactly as recording terms does, and requires a reason and a note', async () => {
    const before = await journalCount();
    expect(await refusal(proposeAmendment(store, staff.sue, { programId, reason: '   ', terms: extended() }))).toMatchObject({ code: 'INVALID_INPUT', field: 'reason' });
    expect(await refusal(proposeAmendment(store, staff.sue, { programId, reason: 'Same', terms: { ...v1 } }))).toMatchObject({ code: 'CONFLICT', field: 'terms', message: 'Amendment not proposed: the new terms are the same as the current version' });
    expect(await refusal(proposeAmendment(store, staff.sue, { programId, reason: 'Cents', terms: { ...v1, subscriptionPrice: '5.001' } }))).toMatchObject({ code: 'INVALID_INPUT', field: 'terms.subscriptionPrice' });
    const shorter = { ...v1, expiration: { basis: 'entered' as const, at: '2003-12-05T17:00' } };
    expect(await refusal(proposeAmendment(store, staff.sue, { programId, reason: 'Shorter', terms: shorter }))).toMatchObject({ code: 'CONFLICT', field: 'confirmEarlierExpiration' });
    expect(await journalCount()).toBe(before);
    later();
    const confirmed = await proposeAmendment(store, staff.sue, { programId, reason: 'Shorter', terms: shorter, confirmEarlierExpiration: true, earlierExpirationReason: 'Court order' });
    const [entry] = await store.read((r) => r.journal.list({ limit: 1 }));
    expect(entry?.payload).toMatchObject({ earlierExpiration: { from: '2003-12-08T17:00', to: '2003-12-05T17:00', reason: 'Court order' } });
    expect(await refusal(decideAmendment(store, staff.sam, { amendmentId: confirmed.id, decision: 'approve', note: ' ' }))).toMatchObject({ code: 'INVALID_INPUT', field: 'note' });
    expect(await refusal(decideAmendment(store, staff.sam, { amendmentId: 999, decision: 'approve', note: 'x' }))).toMatchObject({ code: 'NOT_FOUND', field: 'amendmentId' });
  });
});
