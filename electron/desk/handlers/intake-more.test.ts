import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../shared/ipc/types';
import { openStore } from '../store/open-store';
import { staffedDesk, type DeskFixture } from '../testing/desk-harness';
import { oddLotIntakeBook, openEnvelope, rightsIntakeBook } from '../testing/intake-more-fixture';

let f: DeskFixture;
let sue: SessionUser;
let rights: { programId: number; envelopeId: number };
let oddLot: { programId: number; envelopeId: number };

beforeEach(async () => {
  f = await staffedDesk();
  sue = await f.signInAs('sue');
  // The programs, registers and envelopes through a second connection to the same book.
  const store = await openStore(f.bookPath, { now: f.clock.now, mode: 'open' });
  try {
    const r = await rightsIntakeBook(store, { supervisor: sue });
    rights = { programId: r.programId, envelopeId: (await openEnvelope(store, r, '2003-12-01T10:15', 'dtc')).envelopeId };
    const o = await oddLotIntakeBook(store, { supervisor: sue });
    oddLot = { programId: o.programId, envelopeId: (await openEnvelope(store, o, '2003-12-01T11:00', 'phone')).envelopeId };
  } finally {
    await store.close();
  }
  await f.signInAs('carl');
});
afterEach(async () => f.close());

const dtc = (over: Record<string, unknown> = {}) => ({
  envelopeId: rights.envelopeId, certificateNumber: 'rt-000008', voiNumber: '0012345', participantNumber: '0352', participantName: 'Example Securities LLC',
  rightsSurrendered: 100, basicShares: 100, oversubscriptionShares: 10, amount: '550', settled: true, certified: false, lines: [], ...over,
});

describe('DTC instruction channels', () => {
  it('a clerk previews and saves an instruction; the screen lists it with its deficiency in words', async () => {
    const preview = await f.value('dtc.preview', dtc());
    expect(preview.position).toMatchObject({ number: 'RT-000008', left: 50000 });
    expect(preview.assessment.deficiencies.map((d) => [d.code, d.title])).toEqual([['NOMINEE_CERTIFICATION_MISSING', 'Nominee Holder Certification missing']]);
    const saved = await f.value('dtc.save', dtc());
    expect(saved).toMatchObject({ voiNumber: '0012345', certificateNumber: 'RT-000008', basicShares: 100 });
    expect((await f.value('dtc.list', { programId: rights.programId })).map((i) => i.electionId)).toEqual([saved.electionId]);
    expect((await f.value('intakeItems.envelopes', { programId: rights.programId })).map((e) => [e.envelopeId, e.source, e.stampedLocal])).toEqual([[rights.envelopeId, 'dtc', '2003-12-01T10:15']]);
  });

  it('validates every input in main, naming the field; refuses before sign-in', async () => {
    await f.refused('dtc.save', dtc({ amount: '5.5.5' }), 'INVALID_INPUT', 'amount');
    await f.refused('dtc.save', dtc({ rightsSurrendered: -1 }), 'INVALID_INPUT', 'rightsSurrendered');
    await f.refused('dtc.save', dtc({ extra: 1 }), 'INVALID_INPUT');
    await f.value('session.signOut', {});
    await f.refused('dtc.save', dtc(), 'NOT_SIGNED_IN');
  });

  it('imports a file main’s dialog chose; a cancelled dialog imports nothing', async () => {
    const file = f.dir.file('asop.csv');
    writeFileSync(file, 'voi_number,participant_number,participant_name,certificate,rights_surrendered,basic_shares,oversubscription_shares,amount,settled,certified\n0099,0352,Example,RT-000008,10,10,0,50.00,Y,N\n');
    f.chooseOpen(file);
    const started = await f.value('dtc.importFile', { envelopeId: rights.envelopeId });
    // A job in a worker: the window is never held while the file is read and written.
    expect(await f.desk.whenFinished(started.jobId)).toMatchObject({ kind: 'dtc.import', state: 'done', result: { committed: true, instructions: 1, problems: 0 } });
    expect(await f.value('dtc.importResult', { jobId: started.jobId })).toMatchObject({ committed: true, instructions: 1, fileName: 'asop.csv' });
    await f.refused('dtc.importFile', { envelopeId: rights.envelopeId }, 'CANCELLED');
  });

  it('stops a DTC file cancelled while it is imported, leaving the book exactly as it was', async () => {
    const file = f.dir.file('big.csv');
    const rows = Array.from({ length: 40_000 }, (_, i) => `V${i},0352,Example,RT-000008,1,1,0,5.00,Y,N`);
    writeFileSync(file, ['voi_number,participant_number,participant_name,certificate,rights_surrendered,basic_shares,oversubscription_shares,amount,settled,certified', ...rows, ''].join('\n'));
    const before = { journal: await f.journalCount(), instructions: (await f.value('dtc.list', { programId: rights.programId })).length };
    f.chooseOpen(file);
    const started = await f.value('dtc.importFile', { envelopeId: rights.envelopeId });
    await f.value('jobs.cancel', { jobId: started.jobId });
    expect((await f.desk.whenFinished(started.jobId)).state).toBe('cancelled');
    await f.refused('dtc.importResult', { jobId: started.jobId }, 'NOT_FOUND');
    expect({ journal: await f.journalCount(), instructions: (await f.value('dtc.list', { programId: rights.programId })).length }).toEqual(before);
  });
});

describe('odd-lot and guaranteed-delivery channels', () => {
  it('a clerk sees eligibility, then saves; a second order for the account is refused', async () => {
    const order = { envelopeId: oddLot.envelopeId, account: 'OL-5', action: 'buy-up', orderedAt: '2003-12-01T10:55', orderPrice: '7.05' } as const;
    expect(await f.value('oddLot.check', order)).toMatchObject({ eligible: true, shares: 40, source: 'phone' });
    expect(await f.value('oddLot.save', order)).toMatchObject({ account: 'OL-5', shares: 40 });
    const again = await f.refused('oddLot.save', { ...order, action: 'sell', orderPrice: undefined }, 'CONFLICT', 'account');
    expect(again.message).toContain('cannot be withdrawn');
    expect((await f.value('oddLot.list', { programId: oddLot.programId })).length).toBe(1);
  });

  it('a guaranteed delivery is refused where the terms do not allow it (XO, §5b)', async () => {
    const error = await f.refused('guaranteed.save', {
      envelopeId: rights.envelopeId, institution: 'Eligible Bank', account: 'H-1003', certificateNumbers: ['RT-000004'], rights: 10, basicShares: 10, oversubscriptionShares: 0,
      payment: { method: 'wire', amount: '50.00', payer: 'Eligible Bank', reference: 'W1' },
    }, 'INVALID_INPUT', 'institution');
    expect(error.message).toContain('§5b');
    expect(await f.value('guaranteed.list', { programId: rights.programId })).toEqual([]);
  });
});
