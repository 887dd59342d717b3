/**
 * Keying an election form (issue points 2, 8, 9). One save is one change: the election, each
 * payment that came with it and each payment's 'deposited' entry in the escrow ledger (§6b), and
 * one journal entry ('election.keyed') saying what was keyed and the engine's verdict.
 *
 * §4a: a saved election is never edited. A correction ('election.corrected') is a reversal with
 * its reason plus a new election that names the one it corrects; the money that came with the
 * first stays deposited and is applied to the new one (a payment_allocations row each).
 *
 * Limits: basic shares beyond the rights left are refused with the number left; the same
 * certificate keyed again, or a check number already keyed for the same account, is a warning
 * the clerk confirms (the answer names the earlier item; saving again with `confirmed` keys it).
 * The body first makes the change the book's only writer, so on a shared PostgreSQL book two
 * clerks keying one certificate at once are taken in turn: the second hears of the first.
 */
import type { CorrectedElection, ElectionDraft, ElectionWarning, PaymentKeyed, SaveElectionAnswer } from '../../../../shared/ipc/intake-forms';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { BookStore, JournalActor, WriteRepos } from '../../store/port';
import { formatInstantEt } from './format';
import { certificateGround, formGround, type CertificateGround, type FormGround } from './election-context';
import { assessStored, sumAmounts } from './assess';
import { assessDraftOn, factsOf, verdictView } from './election-views';
import { userId } from './mail-log';
import { electionById, reversalOf, type PaymentRecord } from './reads';

/** Thrown inside the change to roll it back when the clerk must confirm first. */
class NeedsConfirmation extends Error {
  constructor(readonly warnings: readonly ElectionWarning[]) {
    super('confirmation needed');
  }
}

const sameAccount = (p: Pick<PaymentRecord, 'bankAccount' | 'abaRouting' | 'payer'>, q: PaymentKeyed): boolean => {
  if (p.bankAccount !== null && q.bankAccount !== undefined) return p.bankAccount === q.bankAccount && (p.abaRouting === null || q.abaRouting === undefined || p.abaRouting === q.abaRouting);
  // Without an account number on both, the same bank and payer stand for the same account.
  return p.abaRouting !== null && p.abaRouting === (q.abaRouting ?? null) && p.payer.trim().toLowerCase() === q.payer.trim().toLowerCase();
};

async function warningsFor(tx: WriteRepos, ground: FormGround, cert: CertificateGround, draft: ElectionDraft, correcting?: number): Promise<ElectionWarning[]> {
  const warnings: ElectionWarning[] = [];
  const names = new Map<number, string>();
  for (const e of cert.earlier) {
    if (e.id === correcting) continue;
    if (!names.has(e.keyedBy)) names.set(e.keyedBy, (await tx.users.byId(e.keyedBy))?.username ?? `user ${e.keyedBy}`);
    const who = names.get(e.keyedBy)!;
    const basic = e.basicShares === null ? 'no number indicated' : `${e.basicShares.toLocaleString('en-US')} basic shares`;
    warnings.push({ kind: 'certificate-keyed-before', electionId: e.id, message: `${cert.certificate.number} was keyed before: item ${e.id} by ${who} on ${formatInstantEt(e.keyedAt)} (${basic}). Confirm to key it again.` });
  }
  const seen: PaymentKeyed[] = [];
  for (const p of draft.payments) {
    if (p.checkNumber === undefined) continue;
    const twin = seen.find((q) => q.checkNumber === p.checkNumber && sameAccount({ bankAccount: q.bankAccount ?? null, abaRouting: q.abaRouting ?? null, payer: q.payer }, p));
    if (twin) warnings.push({ kind: 'check-used-before', electionId: 0, message: `Check ${p.checkNumber} is keyed twice on this form for the same account. Confirm to key both.` });
    seen.push(p);
    for (const earlier of await tx.intake.paymentsByCheck(ground.program.id, p.checkNumber)) {
      if (!sameAccount(earlier, p)) continue;
      warnings.push({ kind: 'check-used-before', electionId: earlier.electionId ?? 0, message: `Check ${p.checkNumber} from this account was keyed before, with item ${earlier.electionId ?? '—'} on ${formatInstantEt(earlier.keyedAt)} (${earlier.amount}). Confirm to key it again.` });
    }
  }
  return warnings;
}

function refuseBeyondRights(cert: CertificateGround, draft: ElectionDraft, correcting?: number): void {
  if (draft.basicShares === null) return;
  const exercised = cert.earlier.filter((e) => e.id !== correcting).reduce((n, e) => n + (e.basicShares ?? 0), 0);
  const left = Math.max(0, cert.certificate.firmRights - exercised);
  if (draft.basicShares > left) {
    const already = exercised > 0 ? `, ${exercised.toLocaleString('en-US')} already exercised` : '';
    throw new DeskFailure('CONFLICT', `Basic shares: only ${left.toLocaleString('en-US')} left on ${cert.certificate.number} (firm rights ${cert.certificate.firmRights.toLocaleString('en-US')}${already}); ${draft.basicShares.toLocaleString('en-US')} cannot be exercised`, 'basicShares');
  }
}

interface Written {
  readonly electionId: number;
  readonly paymentIds: number[];
}

/** The election, its payments and their 'deposited' ledger entries. */
async function writeElection(tx: WriteRepos, by: JournalActor, at: string, ground: FormGround, cert: CertificateGround, draft: ElectionDraft, correctsId: number | null): Promise<Written> {
  const keyedBy = userId(by);
  const { program, batch, envelope } = ground;
  const electionId = await tx.intake.insert('elections', {
    programId: program.id, batchId: batch.id, envelopeId: envelope.id, kind: 'form', certificateId: cert.certificate.id,
    basicShares: draft.basicShares, oversubscriptionShares: draft.oversubscriptionShares, facts: factsOf(draft),
    voiNumber: null, participantNumber: null, participantName: null, rightsSurrendered: null, correctsId, keyedAt: at, keyedBy,
  });
  const paymentIds: number[] = [];
  for (const p of draft.payments) {
    const paymentId = await tx.intake.insert('payments', {
      programId: program.id, batchId: batch.id, envelopeId: envelope.id, electionId, oddLotOrderId: null, method: p.method, amount: p.amount,
      checkNumber: p.checkNumber ?? null, abaRouting: p.abaRouting ?? null, bankAccount: p.bankAccount ?? null, payer: p.payer, reference: p.reference ?? null, keyedAt: at, keyedBy,
    });
    await tx.intake.insert('ledger_entries', {
      programId: program.id, kind: 'deposited', method: p.method, amount: p.amount, businessDate: batch.receiptDate, paymentId, electionId,
      memo: `Received with the election on ${cert.certificate.number} (batch ${batch.label}, envelope ${envelope.seq})`, at, createdBy: keyedBy,
    });
    paymentIds.push(paymentId);
  }
  return { electionId, paymentIds };
}

/** What the journal keeps of a keyed form: everything keyed (an account number is not a TIN) and the verdict. */
function keyedPayload(ground: FormGround, cert: CertificateGround, draft: ElectionDraft, written: Written, verdict: ReturnType<typeof assessDraftOn>, confirmed: readonly ElectionWarning[]) {
  return {
    electionId: written.electionId,
    programId: ground.program.id,
    batchId: ground.batch.id,
    envelopeId: ground.envelope.id,
    envelopeSeq: ground.envelope.seq,
    stampedLocal: ground.envelope.stampedLocal,
    certificate: { id: cert.certificate.id, number: cert.certificate.number, class: cert.certificate.class, account: cert.certificate.account },
    basicShares: draft.basicShares,
    oversubscriptionShares: draft.oversubscriptionShares,
    facts: factsOf(draft),
    payments: draft.payments.map((p, i) => ({ paymentId: written.paymentIds[i] ?? null, ...p })),
    confirmedWarnings: confirmed.map((w) => w.message),
    verdict: {
      deficiencies: verdict.deficiencies.map((d) => d.code),
      basicExercised: verdict.basicExercised,
      oversubscriptionPaid: verdict.oversubscriptionPaid,
      cost: verdict.cost,
      received: verdict.received,
      goodFunds: verdict.goodFunds,
      due: verdict.due,
      refund: verdict.refund,
    },
  };
}

/** `intake.saveElection`: keys one form, or answers with the warnings to confirm first (nothing written). */
export async function saveElection(store: BookStore, by: JournalActor, draft: ElectionDraft, confirmed: boolean): Promise<SaveElectionAnswer> {
  try {
    return await store.change(by, 'election.keyed', async (tx, at) => {
      // The batch first, then the journal: the order a batch's close takes them in, so neither waits on the other for good.
      await tx.intake.holdBatch(draft.batchId);
      await tx.intake.serializeWriters();
      const ground = await formGround(tx, draft.batchId, draft.envelopeId);
      const cert = await certificateGround(tx, ground.program, ground.terms, draft.certificateNumber);
      refuseBeyondRights(cert, draft);
      const warnings = await warningsFor(tx, ground, cert, draft);
      if (warnings.length > 0 && !confirmed) throw new NeedsConfirmation(warnings);
      const verdict = assessDraftOn(ground, cert, draft);
      const written = await writeElection(tx, by, at, ground, cert, draft, null);
      const answer: SaveElectionAnswer = { saved: true, electionId: written.electionId, verdict, paymentIds: written.paymentIds };
      return { payload: keyedPayload(ground, cert, draft, written, verdict, warnings), result: answer };
    });
  } catch (error) {
    if (error instanceof NeedsConfirmation) return { saved: false, warnings: error.warnings };
    throw error;
  }
}

/**
 * `intake.correctElection` (§4a): reverses a saved election with the reason and keys the form again
 * as a new election correcting it, in the original's batch and envelope (its receipt stamp stands).
 * The original's payments stay deposited and are applied to the new election; payments on the
 * draft are new money that came with the form and was not keyed before.
 */
export async function correctElection(store: BookStore, by: JournalActor, electionId: number, reason: string, draft: ElectionDraft): Promise<CorrectedElection> {
  return store.change(by, 'election.corrected', async (tx, at) => {
    await tx.intake.serializeWriters();
    const original = await electionById(tx, electionId);
    if (!original || original.kind !== 'form') throw new DeskFailure('NOT_FOUND', 'There is no such election form in this book', 'electionId');
    if (await reversalOf(tx, original.id)) throw new DeskFailure('CONFLICT', `Item ${original.id} was already corrected: correct the election that replaced it`, 'electionId');
    const ground = await formGround(tx, original.batchId, original.envelopeId, { mustBeOpen: false });
    const kept = await tx.intake.paymentsOf(original.id);
    const rekeyed: ElectionDraft = { ...draft, batchId: original.batchId, envelopeId: original.envelopeId };
    const cert = await certificateGround(tx, ground.program, ground.terms, rekeyed.certificateNumber);
    refuseBeyondRights(cert, rekeyed, original.id);
    await tx.intake.insert('election_reversals', { electionId: original.id, reason, reversedAt: at, reversedBy: userId(by) });
    const written = await writeElection(tx, by, at, ground, cert, rekeyed, original.id);
    for (const p of kept) {
      await tx.intake.insert('payment_allocations', { paymentId: p.payment.id, electionId: written.electionId, amount: p.applied, reason: `Correction of item ${original.id}: ${reason}`, allocatedAt: at, allocatedBy: userId(by) });
    }
    // The verdict as stored now: the carried payments with their clearance as it stands.
    const stored = await electionById(tx, written.electionId);
    const verdict = verdictView(await assessStored(tx, stored!, ground.terms, cert.certificate, ground.envelope.stampedLocal), ground.envelope.receivedAt, ground.terms.subscriptionPrice, sumAmounts([...kept.map((p) => p.applied), ...rekeyed.payments.map((p) => p.amount)]));
    const payload = { reversed: { electionId: original.id, reason }, carriedPayments: kept.map((p) => ({ paymentId: p.payment.id, amount: p.applied })), ...keyedPayload(ground, cert, rekeyed, written, verdict, []) };
    return { payload, result: { reversedId: original.id, electionId: written.electionId, verdict } };
  });
}
