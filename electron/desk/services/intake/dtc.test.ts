import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DtcInstructionInput } from '../../../../shared/ipc/intake-more';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { BookStore } from '../../store/port';
import { openEnvelope, rightsIntakeBook, type IntakeBook } from '../../testing/intake-more-fixture';
import { storeKit, type StoreKit } from '../../testing/store-kit';
import { keyDtcInstruction, listDtcInstructions, previewDtcInstruction } from './dtc';

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
  rightsSurrendered: 1000, basicShares: 1000, oversubscriptionShares: 200, amount: '6000.00', settled: true, certified: true,
  lines: [
    { ownerReference: 'BO-1', recordDateHolding: 600, basicExercised: 600, oversubscriptionRequested: 150 },
    { ownerReference: 'BO-2', recordDateHolding: 400, basicExercised: 400, oversubscriptionRequested: 50 },
  ],
  ...over,
});

async function refusal(work: Promise<unknown>): Promise<DeskFailure> {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DeskFailure);
  return error as DeskFailure;
}
const codes = (v: { assessment: { deficiencies: readonly { code: string }[] } }) => v.assessment.deficiencies.map((d) => d.code);

describe('DTC instructions on a nominee position', () => {
  it('keys an instruction with its certification, payment and ledger deposit in one journaled change; the engine sees the rights surrendered', async () => {
    const before = await store.read((r) => r.journal.count());
    const saved = await keyDtcInstruction(store, book.supervisor, instruction());
    expect(saved).toMatchObject({ voiNumber: '0012345', rightsSurrendered: 1000, basicShares: 1000, oversubscriptionShares: 200, certified: true, lines: 2 });
    expect(saved.assessment).toMatchObject({ deficiencies: [], basicShares: 1000, oversubscriptionPaid: 200, goodFunds: '6000.00', cost: '6000.00', due: '0.00', excess: '0.00' });
    const written = await store.read(async (r) => ({
      journal: await r.journal.count(),
      lines: await r.intake.where('nominee_certification_lines', 'electionId', saved.electionId),
      payments: await r.intake.paymentsOf(saved.electionId),
      ledger: await r.intake.where('ledger_entries', 'electionId', saved.electionId),
      last: (await r.journal.list({ limit: 1 }))[0],
    }));
    expect(written.journal).toBe(before + 1);
    expect(written.lines.map((l) => [l.line, l.ownerReference, l.basicExercised, l.oversubscriptionRequested])).toEqual([[1, 'BO-1', 600, 150], [2, 'BO-2', 400, 50]]);
    expect(written.payments.map((p) => [p.payment.method, p.payment.amount, p.payment.reference, p.events.map((e) => e.kind)])).toEqual([['dtc', '6000.00', '0012345', ['cleared']]]);
    expect(written.ledger.map((l) => [l.kind, l.method, l.amount, l.businessDate])).toEqual([['deposited', 'dtc', '6000.00', '2003-12-01'], ['cleared', 'dtc', '6000.00', '2003-12-01']]);
    expect(written.last?.action).toBe('intake.dtcInstructionKeyed');
  });

  it('an oversubscription without the certification is NOMINEE_CERTIFICATION_MISSING (the oversubscription alone void); without oversubscription it needs none', async () => {
    const missing = await keyDtcInstruction(store, book.supervisor, instruction({ certified: false, lines: [] }));
    expect(codes(missing)).toEqual(['NOMINEE_CERTIFICATION_MISSING']);
    const certifiedWithoutLines = await previewDtcInstruction(store, instruction({ voiNumber: '0012346', lines: [] }));
    expect(codes(certifiedWithoutLines)).toEqual(['NOMINEE_CERTIFICATION_MISSING']);
    const basicOnly = await keyDtcInstruction(store, book.supervisor, instruction({ voiNumber: '0012347', oversubscriptionShares: 0, amount: '5000.00', certified: false, lines: [] }));
    expect(codes(basicOnly)).toEqual([]);
  });

  it('DTC settlement not yet collected is not good funds (like a wire): NO_GOOD_FUNDS, the amount pending', async () => {
    const preview = await previewDtcInstruction(store, instruction({ settled: false }));
    // With no good funds the engine deems no basic shares exercised, so the oversubscription also lacks its full basic.
    expect(codes(preview)).toEqual(['NO_GOOD_FUNDS', 'OVERSUB_WITHOUT_FULL_BASIC']);
    expect(preview.assessment).toMatchObject({ goodFunds: '0.00', pendingFunds: '6000.00', due: '0.00' });
    expect(preview.position).toMatchObject({ number: CEDE, nominee: 'Cede & Co', firmRights: 50000, surrendered: 0, left: 50000 });
  });

  it('the instructions of one position never surrender more than it has: refused with the number left, the book unchanged', async () => {
    await keyDtcInstruction(store, book.supervisor, instruction({ rightsSurrendered: 49500, basicShares: 49500, oversubscriptionShares: 0, amount: '247500.00', lines: [] }));
    const before = await store.read((r) => r.journal.count());
    const refused = await refusal(keyDtcInstruction(store, book.supervisor, instruction({ voiNumber: '0099999' })));
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', field: 'rightsSurrendered' });
    expect(refused.message).toContain('more than the 500 rights left on RT-000008');
    expect(await store.read((r) => r.journal.count())).toBe(before);
    expect((await listDtcInstructions(store, book.programId)).length).toBe(1);
  });

  it('two desks keying instructions on one position at once: one saves, the other is refused with the number left', async () => {
    const big = (voi: string) => instruction({ voiNumber: voi, rightsSurrendered: 30000, basicShares: 30000, oversubscriptionShares: 0, amount: '150000.00', lines: [] });
    const outcomes = await Promise.allSettled([keyDtcInstruction(store, book.supervisor, big('A-1')), keyDtcInstruction(store, book.supervisor, big('A-2'))]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(DeskFailure);
    expect((refused.reason as DeskFailure).message).toContain('more than the 20000 rights left');
    expect((await listDtcInstructions(store, book.programId)).map((i) => i.rightsSurrendered)).toEqual([30000]);
  });

  it('refuses in words: a VOI keyed twice, a holder’s own certificate, basic shares beyond the rights surrendered, a certification that does not tie', async () => {
    await keyDtcInstruction(store, book.supervisor, instruction());
    expect(await refusal(keyDtcInstruction(store, book.supervisor, instruction()))).toMatchObject({ code: 'CONFLICT', field: 'voiNumber' });
    expect((await refusal(previewDtcInstruction(store, instruction({ certificateNumber: 'RT-000004' })))).message).toMatch(/not a nominee’s position/);
    expect(await refusal(keyDtcInstruction(store, book.supervisor, instruction({ voiNumber: '1', basicShares: 1001 })))).toMatchObject({ field: 'basicShares' });
    const untied = await refusal(keyDtcInstruction(store, book.supervisor, instruction({ voiNumber: '2', oversubscriptionShares: 300, amount: '6500.00' })));
    expect(untied).toMatchObject({ field: 'lines' });
    expect(untied.message).toContain('add up to 200, the instruction asks 300');
  });

  it('late by a minute: LATE, never waivable', async () => {
    const late = await openEnvelope(store, book, '2003-12-08T17:01', 'dtc');
    expect(codes(await previewDtcInstruction(store, instruction({ envelopeId: late.envelopeId })))).toEqual(['LATE']);
  });
});
