import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XO_TERMS_JSON } from '../../../shared/domain/testing/terms';
import { openStore } from '../store/open-store';
import { staffedDesk, type DeskFixture } from '../testing/desk-harness';
import { markCertificatesIssued } from '../testing/program-fixtures';

let f: DeskFixture;
let programId: number;

const xo = XO_TERMS_JSON;
const extended = { ...xo, expiration: { basis: 'entered', at: '2003-12-15T17:00' } };

/** Issues the program's certificates as the certificates service will: through its own connection to the book. */
async function issueCertificates(id: number): Promise<void> {
  const store = await openStore(f.bookPath, { now: f.clock.now, mode: 'open' });
  try {
    await markCertificatesIssued(store, id);
  } finally {
    await store.close();
  }
}

beforeEach(async () => {
  f = await staffedDesk();
  await f.addUser('sam', 'supervisor');
  programId = (await f.value('programs.create', { kind: 'rights-offering', name: 'XO Rights', issuer: 'XO Communications', cusip: '983764176', recordDate: '2003-10-10' })).id;
  await f.signInAs('sue');
  await f.value('terms.record', { programId, reason: 'Original terms', terms: xo });
});
afterEach(async () => f.close());

describe('terms.amendments and the lock', () => {
  it('shows the terms open before issue and locked after; terms.record is then refused', async () => {
    expect(await f.value('terms.amendments', { programId })).toMatchObject({ locked: false, issuedAt: null, currentVersion: 1, amendments: [] });
    await issueCertificates(programId);
    expect(await f.value('terms.amendments', { programId })).toMatchObject({ locked: true, currentVersion: 1 });
    f.clock.advanceMinutes(1);
    const error = await f.refused('terms.record', { programId, reason: 'Extension per notice', terms: extended }, 'CONFLICT', 'terms');
    expect(error.message).toMatch(/^Terms are locked/);
  });
});

describe('terms.proposeAmendment and terms.decideAmendment', () => {
  beforeEach(async () => {
    await issueCertificates(programId);
    f.clock.advanceMinutes(1);
  });

  it('runs the four-eyes flow through the handlers: propose, the proposer refused, another approves', async () => {
    const proposed = await f.value('terms.proposeAmendment', { programId, reason: 'Extension per notice of 12/01/2003', terms: extended });
    expect(proposed).toMatchObject({ status: 'pending', proposedBy: 'sue', baseVersion: 1 });
    await f.refused('terms.decideAmendment', { amendmentId: proposed.id, decision: 'approve', note: 'Checked against notice' }, 'FORBIDDEN', 'amendmentId');
    await f.signInAs('sam');
    const approved = await f.value('terms.decideAmendment', { amendmentId: proposed.id, decision: 'approve', note: 'Checked against notice' });
    expect(approved).toMatchObject({ status: 'approved', decidedBy: 'sam' });
    const history = await f.value('terms.history', { programId });
    expect(history.versions.map((v) => [v.version, v.derived.expiresAt])).toEqual([
      [1, '2003-12-08T17:00'],
      [2, '2003-12-15T17:00'],
    ]);
    const list = await f.value('terms.amendments', { programId });
    expect(list).toMatchObject({ currentVersion: 2, amendments: [{ id: proposed.id, status: 'approved' }] });
  });

  it('refuses a clerk, who may still read the amendments', async () => {
    const proposed = await f.value('terms.proposeAmendment', { programId, reason: 'Extension per notice of 12/01/2003', terms: extended });
    await f.signInAs('carl');
    const before = await f.journalCount();
    await f.refused('terms.proposeAmendment', { programId, reason: 'My own amendment here', terms: extended }, 'FORBIDDEN');
    await f.refused('terms.decideAmendment', { amendmentId: proposed.id, decision: 'approve', note: 'Looks right to me' }, 'FORBIDDEN');
    expect(await f.journalCount()).toBe(before);
    expect((await f.value('terms.amendments', { programId })).amendments).toHaveLength(1);
  });

  it('validates every input, naming the field', async () => {
    await f.refused('terms.proposeAmendment', { programId, reason: 'short', terms: extended }, 'INVALID_INPUT', 'reason');
    await f.refused('terms.proposeAmendment', { programId, reason: 'Extension per notice', terms: { ...extended, subscriptionPrice: 5 } }, 'INVALID_INPUT', 'terms.subscriptionPrice');
    await f.refused('terms.proposeAmendment', { programId, reason: 'Extension per notice', terms: { ...extended, kind: 'odd-lot' } }, 'INVALID_INPUT', 'terms.kind');
    await f.refused('terms.decideAmendment', { amendmentId: 1, decision: 'maybe', note: 'Checked against notice' }, 'INVALID_INPUT', 'decision');
    await f.refused('terms.decideAmendment', { amendmentId: 1, decision: 'approve', note: '' }, 'INVALID_INPUT', 'note');
    await f.refused('terms.amendments', { programId: 999 }, 'NOT_FOUND', 'programId');
  });
});
