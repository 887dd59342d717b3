import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DtcInstructionInput } from '../../../../shared/ipc/intake-more';
import type { BookStore, IntakeRecord } from '../../store/port';
import { openEnvelope, rightsIntakeBook, type IntakeBook } from '../../testing/intake-more-fixture';
import { storeKit, type StoreKit } from '../../testing/store-kit';
import { escrowLedger } from '../payments/ledger';
import { actorOf } from '../views';
import { keyDtcInstruction, listDtcInstructions } from './dtc';
import { correctDtcInstruction } from './dtc-correction';

let kit: StoreKit;
let store: BookStore;
let book: IntakeBook;
let envelopeId: number;
beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
  book = await rightsIntakeBook(store);
  ({ envelopeId } = await openEnvelope(store, book, '2003-12-01T10:15', 'dtc'));
});
afterEach(async () => kit.cleanup());

const CEDE = 'RT-000008';
const instruction = (over: Partial<DtcInstructionInput> = {}): DtcInstructionInput => ({
  envelopeId, certificateNumber: CEDE, voiNumber: '0012345', participantNumber: '0352', participantName: 'Example Securities LLC',
  rightsSurrendered: 1000, basicShares: 1000, oversubscriptionShares: 0, amount: '5000.00', settled: true, certified: true, lines: [],
  ...over,
});
const elections = () => kit.raw('SELECT id, voi_number, corrects_id FROM elections ORDER BY id');
const journalCount = () => store.read((r) => r.journal.count());

describe('correcting a DTC instruction under its own VOI number', () => {
  it('corrects an instruction of a batch closed since, as an election form is corrected: nothing new is added to the batch', async () => {
    const keyed = await keyDtcInstruction(store, book.supervisor, instruction({ basicShares: 900 }));
    await store.change(actorOf(book.supervisor), 'batch.closed', async (tx, at) => {
      const envelope = await tx.intake.byId('envelopes', envelopeId);
      await tx.intake.insert('batch_closings', { batchId: envelope!.batchId, closedAt: at, closedBy: book.supervisor.id, control: {} });
      return { payload: {}, result: null };
    });
    await expect(keyDtcInstruction(store, book.supervisor, instruction({ voiNumber: '0099999' }))).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('is closed') });
    const corrected = await correctDtcInstruction(store, book.supervisor, { electionId: keyed.electionId, reason: 'Basic shares mis-keyed', instruction: instruction() });
    expect(corrected).toMatchObject({ voiNumber: '0012345', basicShares: 1000 });
    expect((await listDtcInstructions(store, book.programId)).map((i) => i.electionId)).toEqual([corrected.electionId]);
  });

  it('reverses it and keys it again with the same VOI in one journaled change; the settlement is carried, the ledger still ties', async () => {
    const keyed = await keyDtcInstruction(store, book.supervisor, instruction({ participantName: 'Exmaple Securities' }));
    const before = await journalCount();
    const corrected = await correctDtcInstruction(store, book.supervisor, { electionId: keyed.electionId, reason: 'Participant name mis-keyed', instruction: instruction() });
    expect(corrected).toMatchObject({ voiNumber: '0012345', participantName: 'Example Securities LLC', rightsSurrendered: 1000 });
    expect(corrected.assessment).toMatchObject({ deficiencies: [], goodFunds: '5000.00', due: '0.00' });
    expect(await journalCount()).toBe(before + 1);
    const last = await store.read(async (r) => (await r.journal.list({ limit: 1 }))[0]);
    expect(last).toMatchObject({ action: 'intake.dtcInstructionCorrected', payload: { reversed: { electionId: keyed.electionId, voiNumber: '0012345', reason: 'Participant name mis-keyed' }, electionId: corrected.electionId, participantName: 'Example Securities LLC' } });
    expect((await elections()).map((e) => [Number(e['id']), e['voi_number'], e['corrects_id'] === null ? null : Number(e['corrects_id'])])).toEqual([
      [keyed.electionId, '0012345', null],
      [corrected.electionId, '0012345', keyed.electionId],
    ]);
    expect((await listDtcInstructions(store, book.programId)).map((i) => [i.electionId, i.voiNumber])).toEqual([[corrected.electionId, '0012345']]);
    expect((await escrowLedger(store, book.programId)).tieOut.ties).toBe(true);
    // Corrected again: the chain goes on under the one VOI, still one live instruction.
    const again = await correctDtcInstruction(store, book.supervisor, { electionId: corrected.electionId, reason: 'Rights surrendered were 900', instruction: instruction({ rightsSurrendered: 900, basicShares: 900, amount: '5000.00' }) });
    expect((await listDtcInstructions(store, book.programId)).map((i) => [i.electionId, i.voiNumber, i.rightsSurrendered])).toEqual([[again.electionId, '0012345', 900]]);
  });

  it('refuses in words and leaves the book as it was: a second correction of one instruction, a new instruction under a live VOI, another amount', async () => {
    const keyed = await keyDtcInstruction(store, book.supervisor, instruction());
    await correctDtcInstruction(store, book.supervisor, { electionId: keyed.electionId, reason: 'First', instruction: instruction() });
    const before = { journal: await journalCount(), rows: await elections() };
    await expect(correctDtcInstruction(store, book.supervisor, { electionId: keyed.electionId, reason: 'Again', instruction: instruction() })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already corrected: correct the instruction that replaced it/) });
    await expect(keyDtcInstruction(store, book.supervisor, instruction())).rejects.toMatchObject({ code: 'CONFLICT', field: 'voiNumber' });
    const live = (await listDtcInstructions(store, book.programId))[0]!;
    await expect(correctDtcInstruction(store, book.supervisor, { electionId: live.electionId, reason: 'x', instruction: instruction({ amount: '4000.00' }) })).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'amount', message: expect.stringMatching(/settlement of \$5000\.00 stays as received/) });
    await expect(correctDtcInstruction(store, book.supervisor, { electionId: live.electionId, reason: 'x', instruction: instruction({ rightsSurrendered: 60000, basicShares: 1000 }) })).rejects.toMatchObject({ field: 'rightsSurrendered' });
    expect({ journal: await journalCount(), rows: await elections() }).toEqual(before);
  });

  it('the database itself refuses a second live instruction under one VOI, however it is written', async () => {
    const keyed = await keyDtcInstruction(store, book.supervisor, instruction());
    const original = (await store.read((r) => r.intake.byId('elections', keyed.electionId)))!;
    const copy = (over: Partial<IntakeRecord<'elections'>>) => {
      const { id: _id, ...row } = original;
      return { ...row, ...over };
    };
    const write = (over: Partial<IntakeRecord<'elections'>>, reverseFirst: boolean) =>
      store.change(actorOf(book.supervisor), 'test.rawInstruction', async (tx, at) => {
        if (reverseFirst) await tx.intake.insert('election_reversals', { electionId: original.id, reason: 'raw', reversedAt: at, reversedBy: book.supervisor.id });
        return { payload: {}, result: await tx.intake.insert('elections', copy({ ...over, keyedAt: at })) };
      });
    await expect(write({ correctsId: null }, false)).rejects.toThrow(); // the VOI's first instruction, twice
    await expect(write({ correctsId: original.id }, false)).rejects.toThrow(/already reversed|reverse it first/); // a "correction" of a live instruction
    expect(await elections()).toHaveLength(1);
    // Two desks writing a correction of the same instruction at the same moment, past every service check.
    const other = await kit.open();
    try {
      const raw = (s: BookStore) =>
        s.change(actorOf(book.supervisor), 'test.rawCorrection', async (tx, at) => {
          await tx.intake.insert('election_reversals', { electionId: original.id, reason: 'raw', reversedAt: at, reversedBy: book.supervisor.id });
          return { payload: {}, result: await tx.intake.insert('elections', copy({ correctsId: original.id, keyedAt: at })) };
        });
      const outcomes = await Promise.allSettled([raw(store), raw(other)]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    } finally {
      await other.close();
    }
    const rows = await kit.raw(`SELECT e.id FROM elections e WHERE e.voi_number = '0012345' AND NOT EXISTS (SELECT 1 FROM election_reversals r WHERE r.election_id = e.id)`);
    expect(rows).toHaveLength(1);
  });

  it('two desks correcting one instruction at once: one corrects it, the other is told', async () => {
    const keyed = await keyDtcInstruction(store, book.supervisor, instruction());
    const other = await kit.open();
    try {
      const outcomes = await Promise.allSettled([
        correctDtcInstruction(store, book.supervisor, { electionId: keyed.electionId, reason: 'Mine', instruction: instruction({ participantName: 'Mine LLC' }) }),
        correctDtcInstruction(other, book.supervisor, { electionId: keyed.electionId, reason: 'Theirs', instruction: instruction({ participantName: 'Theirs LLC' }) }),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect((outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already corrected/) });
    } finally {
      await other.close();
    }
    expect(await listDtcInstructions(store, book.programId)).toHaveLength(1);
  });
});
