import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../store/open-store';
import { staffedDesk, type DeskFixture } from '../testing/desk-harness';
import { openEnvelope, rightsIntakeBook } from '../testing/intake-more-fixture';

let f: DeskFixture;
let rights: { programId: number; envelopeId: number };

beforeEach(async () => {
  f = await staffedDesk();
  const sue = await f.signInAs('sue');
  const store = await openStore(f.bookPath, { now: f.clock.now, mode: 'open' });
  try {
    const r = await rightsIntakeBook(store, { supervisor: sue });
    rights = { programId: r.programId, envelopeId: (await openEnvelope(store, r, '2003-12-01T10:15', 'dtc')).envelopeId };
  } finally {
    await store.close();
  }
  await f.signInAs('carl');
});
afterEach(async () => f.close());

const dtc = (over: Record<string, unknown> = {}) => ({
  envelopeId: rights.envelopeId, certificateNumber: 'RT-000008', voiNumber: '0012345', participantNumber: '0352', participantName: 'Example Securities LLC',
  rightsSurrendered: 100, basicShares: 100, oversubscriptionShares: 10, amount: '550.00', settled: true, certified: true,
  lines: [{ ownerReference: 'BO-1', recordDateHolding: 100, basicExercised: 100, oversubscriptionRequested: 10 }], ...over,
});

describe('dtc.keyed: an instruction read back as keyed, for its correction', () => {
  it('a clerk reads an instruction as keyed, corrects it from that, and the preview counts it as not surrendered', async () => {
    const saved = await f.value('dtc.save', dtc());
    const keyed = await f.value('dtc.keyed', { electionId: saved.electionId });
    expect(keyed).toEqual({ ...dtc(), electionId: saved.electionId, reversed: false });
    const { electionId: _id, reversed: _r, ...instruction } = keyed;
    expect((await f.value('dtc.preview', { ...instruction, correcting: saved.electionId })).position).toMatchObject({ surrendered: 0, left: 50000 });
    const corrected = await f.value('dtc.correct', { electionId: saved.electionId, reason: 'Basic shares were 90', instruction: { ...instruction, basicShares: 90, lines: [{ ...instruction.lines[0]!, basicExercised: 90 }] } });
    expect(await f.value('dtc.keyed', { electionId: saved.electionId })).toMatchObject({ reversed: true });
    expect(await f.value('dtc.keyed', { electionId: corrected.electionId })).toMatchObject({ reversed: false, basicShares: 90, amount: '550.00', settled: true });
  });

  it('validates its input in main, names an unknown instruction, and refuses before sign-in', async () => {
    await f.refused('dtc.keyed', { electionId: 'one' }, 'INVALID_INPUT', 'electionId');
    await f.refused('dtc.keyed', { electionId: 1, extra: true }, 'INVALID_INPUT');
    await f.refused('dtc.keyed', { electionId: 4242 }, 'NOT_FOUND', 'electionId');
    await f.refused('dtc.preview', { ...dtc(), correcting: 0 }, 'INVALID_INPUT', 'correcting');
    await f.value('session.signOut', {});
    await f.refused('dtc.keyed', { electionId: 1 }, 'NOT_SIGNED_IN');
  });
});
