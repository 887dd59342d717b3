import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XO_TERMS_JSON } from '../../../shared/domain/testing/terms';
import type { SessionUser } from '../../../shared/ipc/types';
import { openStore } from '../store/open-store';
import { staffedDesk, type DeskFixture } from '../testing/desk-harness';
import { writeRegister, XO_CUSIP } from '../testing/xo-register-fixture';

let f: DeskFixture;
let programId: number;

beforeEach(async () => {
  f = await staffedDesk();
  const sue: SessionUser = await f.signInAs('sue');
  programId = (await f.value('programs.create', { kind: 'rights-offering', name: 'XO Rights', issuer: 'XO Communications, Inc.', cusip: XO_CUSIP, recordDate: '2003-10-10' })).id;
  await f.value('terms.record', { programId, reason: 'Original terms', terms: XO_TERMS_JSON });
  const store = await openStore(f.bookPath, { now: f.clock.now, mode: 'open' });
  try {
    await writeRegister(store, { programId, supervisor: sue });
  } finally {
    await store.close();
  }
  await f.desk.whenFinished((await f.value('certificates.issue', { programId })).jobId);
  await f.signInAs('carl');
});
afterEach(async () => f.close());

const form = (batchId: number, envelopeId: number, more: Record<string, unknown> = {}) => ({
  batchId, envelopeId, certificateNumber: 'rt4', basicShares: 100, signed: true,
  payments: [{ method: 'check' as const, amount: '500', checkNumber: '104233', abaRouting: '021000021', payer: 'Nguyen Van An' }],
  ...more,
});

describe('the intake channels', () => {
  it('let a clerk open a batch, stamp an envelope, look up a certificate, preview and save a form', async () => {
    const batch = await f.value('intake.openBatch', { programId, receiptDate: '2003-12-01' });
    const envelope = await f.value('intake.addEnvelope', { batchId: batch.id, stampedLocal: '2003-12-01T10:15', itemCount: 1 });
    expect(envelope).toMatchObject({ seq: 1, source: 'mail' });
    // An odd-lot order by phone or from a broker, a nominee's delivery by DTC: stamped as such.
    for (const source of ['phone', 'broker', 'dtc'] as const) {
      expect(await f.value('intake.addEnvelope', { batchId: batch.id, stampedLocal: '2003-12-01T10:20', source, itemCount: 1 })).toMatchObject({ source });
    }
    const certificate = await f.value('intake.certificate', { programId, number: 'RT-4' });
    expect(certificate).toMatchObject({ number: 'RT-000004', class: 'A', colour: 'BLUE', account: 'H-1003', registration: ['Nguyễn Văn An'], firmRights: 999, exercised: 0, left: 999, tinMasked: null, held: false });
    const preview = await f.value('intake.assess', { draft: form(batch.id, envelope.id) });
    expect(preview.deficiencies.map((d) => d.code)).toEqual(['NO_GOOD_FUNDS']);
    const before = await f.journalCount();
    const answer = await f.value('intake.saveElection', { draft: form(batch.id, envelope.id) });
    expect(answer).toMatchObject({ saved: true, verdict: { pending: '500.00', cost: '500.00' } });
    expect(await f.journalCount()).toBe(before + 1);
    const items = await f.value('intake.items', { batchId: batch.id });
    expect(items).toMatchObject([{ certificateNumber: 'RT-000004', holder: 'Nguyễn Văn An', basicShares: 100, amount: '500.00', codes: ['NO_GOOD_FUNDS'], keyedBy: 'carl', reversed: false }]);
    const again = await f.value('intake.saveElection', { draft: form(batch.id, envelope.id) });
    expect(again.saved).toBe(false);
    expect((await f.value('intake.saveElection', { draft: form(batch.id, envelope.id), confirmed: true })).saved).toBe(true);
  });

  it('validate every input in main, naming the field in words', async () => {
    const batch = await f.value('intake.openBatch', { programId, receiptDate: '2003-12-01' });
    const envelope = await f.value('intake.addEnvelope', { batchId: batch.id, stampedLocal: '2003-12-01T10:15', itemCount: 1 });
    const bad = (more: Record<string, unknown>) => f.refused('intake.saveElection', { draft: form(batch.id, envelope.id, more) }, 'INVALID_INPUT');
    expect((await bad({ certificateNumber: 'XY-1' })).message).toMatch(/Certificate number: type or scan it as printed/);
    expect((await bad({ basicShares: 1.5 })).message).toMatch(/Basic shares must be whole shares/);
    expect((await bad({ payments: [{ method: 'check', amount: '500', checkNumber: '1', abaRouting: '021000022', payer: 'An' }] })).message).toMatch(/Routing number: 021000022 fails its check digit \(the last digit should be 1\)/);
    expect((await bad({ payments: [{ method: 'check', amount: '5.001', checkNumber: '1', abaRouting: '021000021', payer: 'An' }] })).message).toMatch(/Amount: type dollars and cents/);
    expect((await bad({ payments: [{ method: 'wire', amount: '5', payer: 'An' }] })).message).toMatch(/Wire reference is required for a wire/);
    await f.refused('intake.addEnvelope', { batchId: batch.id, stampedLocal: '12/01/2003 10:15', itemCount: 1 }, 'INVALID_INPUT', 'stampedLocal');
    await f.refused('intake.addEnvelope', { batchId: batch.id, stampedLocal: '2003-12-01T10:15', itemCount: 0 }, 'INVALID_INPUT', 'itemCount');
    await f.refused('intake.addEnvelope', { batchId: batch.id, stampedLocal: '2003-12-01T10:15', source: 'fax', itemCount: 1 }, 'INVALID_INPUT', 'source');
    await f.refused('intake.correctElection', { electionId: 1, reason: 'typo', draft: form(batch.id, envelope.id) }, 'INVALID_INPUT', 'reason');
  });

  it('are refused to anyone signed out', async () => {
    await f.value('session.signOut', {});
    await f.refused('intake.batches', { programId }, 'NOT_SIGNED_IN');
    await f.refused('intake.openBatch', { programId, receiptDate: '2003-12-01' }, 'NOT_SIGNED_IN');
  });
});
