import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DtcInstructionInput } from '../../../../shared/ipc/intake-more';
import type { BookStore } from '../../store/port';
import { cleanDraft } from '../../testing/intake-fixture';
import { openEnvelope, rightsIntakeBook, type IntakeBook } from '../../testing/intake-more-fixture';
import { storeKit, type StoreKit } from '../../testing/store-kit';
import { actorOf } from '../views';
import { keyDtcInstruction, previewDtcInstruction } from './dtc';
import { correctDtcInstruction } from './dtc-correction';
import { keyedDtcInstruction } from './dtc-keyed';
import { saveElection } from './elections';

let kit: StoreKit;
let store: BookStore;
let book: IntakeBook;
let ids: { batchId: number; envelopeId: number };
beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
  book = await rightsIntakeBook(store);
  ids = await openEnvelope(store, book, '2003-12-01T10:15', 'dtc');
});
afterEach(async () => {
  await store.close();
  await kit.cleanup();
});

const CEDE = 'RT-000008';
const LINES = [
  { ownerReference: 'BO-1', recordDateHolding: 600, basicExercised: 600, oversubscriptionRequested: 150 },
  { ownerReference: 'BO-2', recordDateHolding: 400, basicExercised: 400, oversubscriptionRequested: 50 },
];
const instruction = (over: Partial<DtcInstructionInput> = {}): DtcInstructionInput => ({
  envelopeId: ids.envelopeId, certificateNumber: CEDE, voiNumber: '0012345', participantNumber: '0352', participantName: 'Example Securities LLC',
  rightsSurrendered: 1000, basicShares: 1000, oversubscriptionShares: 200, amount: '6000.00', settled: true, certified: true, lines: LINES,
  ...over,
});

describe('reading a DTC instruction back as it was keyed', () => {
  it('gives the instruction in its keyed shape: settlement applied, settled, its certification lines in line order', async () => {
    const keyed = await keyDtcInstruction(store, book.supervisor, instruction());
    expect(await keyedDtcInstruction(store, keyed.electionId)).toEqual({ ...instruction(), electionId: keyed.electionId, reversed: false });
    const unsettled = await keyDtcInstruction(store, book.supervisor, instruction({ voiNumber: 'V-2', rightsSurrendered: 10, basicShares: 10, oversubscriptionShares: 0, amount: '50.5', settled: false, certified: false, lines: [] }));
    expect(await keyedDtcInstruction(store, unsettled.electionId)).toMatchObject({ voiNumber: 'V-2', amount: '50.50', settled: false, certified: false, lines: [] });
  });

  it('after a correction: the one replaced reads as reversed, the new one holds the carried settlement and its own lines', async () => {
    const keyed = await keyDtcInstruction(store, book.supervisor, instruction());
    const fixedLines = [LINES[0]!, { ...LINES[1]!, basicExercised: 300 }];
    const corrected = await correctDtcInstruction(store, book.supervisor, { electionId: keyed.electionId, reason: 'Basic shares were 900', instruction: instruction({ basicShares: 900, lines: fixedLines }) });
    expect(await keyedDtcInstruction(store, keyed.electionId)).toMatchObject({ electionId: keyed.electionId, reversed: true });
    expect(await keyedDtcInstruction(store, corrected.electionId)).toEqual({ ...instruction({ basicShares: 900, lines: fixedLines }), electionId: corrected.electionId, reversed: false });
  });

  it('an unknown instruction or an election form is not found, in words', async () => {
    await expect(keyedDtcInstruction(store, 999)).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'electionId', message: 'Instruction: there is no DTC instruction 999 in this book' });
    const form = await saveElection(store, actorOf(book.supervisor), cleanDraft(ids, 'RT-000001', 100), true);
    if (!form.saved) throw new Error('the form was not saved');
    await expect(keyedDtcInstruction(store, form.electionId)).rejects.toMatchObject({ code: 'NOT_FOUND', message: `Instruction: there is no DTC instruction ${form.electionId} in this book` });
  });
});

describe('the preview of a correction', () => {
  it('counts the instruction being corrected as not surrendered; refuses one corrected already', async () => {
    const keyed = await keyDtcInstruction(store, book.supervisor, instruction());
    expect((await previewDtcInstruction(store, instruction())).position).toMatchObject({ firmRights: 50000, surrendered: 1000, left: 49000 });
    expect((await previewDtcInstruction(store, { ...instruction(), correcting: keyed.electionId })).position).toMatchObject({ surrendered: 0, left: 50000 });
    await correctDtcInstruction(store, book.supervisor, { electionId: keyed.electionId, reason: 'Name', instruction: instruction({ participantName: 'Example Securities L.L.C.' }) });
    await expect(previewDtcInstruction(store, { ...instruction(), correcting: keyed.electionId })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already corrected/) });
  });
});
