/**
 * What the election form reads without saving: the certificate's facts for the form, the engine's
 * verdict on what is keyed so far (the live preview: the same assessment a save records), and a
 * batch's keyed items. Every verdict comes from assess.ts, which asks the engine.
 */
import { DEFICIENCY_FIELD, type BatchItemView, type CertificateForForm, type ElectionDraft, type ElectionVerdict } from '../../../../shared/ipc/intake-forms';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { BookStore, ReadRepos } from '../../store/port';
import { maskTin } from '../register-view-model';
import { assess, assessStored, keyedFactsSchema, sumAmounts, type KeyedFacts, type Verdict } from './assess';
import { certificateGround, formGround, type CertificateGround, type FormGround } from './election-context';
import { batchById, electionsOfBatch, envelopesOf, reversalOf } from './reads';
import { rightsProgram } from '../certificates';

/** The facts column of an election, from the form's check boxes. */
export function factsOf(d: ElectionDraft): KeyedFacts {
  return {
    signed: d.signed,
    signatureMatchesRegistration: d.signatureMatches,
    allJointHoldersSigned: d.allJointHoldersSigned,
    signedAsFiduciary: d.fiduciary,
    ...(d.fiduciary && d.capacity !== '' ? { capacity: d.capacity } : {}),
    fiduciaryEvidence: d.fiduciaryEvidence,
    deliverToOtherNameOrAddress: d.deliverElsewhere,
    medallionGuarantee: d.medallion,
    taxFormOnFile: d.taxFormOnFile,
    foreignInstruction: d.foreignInstruction,
  };
}

/** The form's answers from a stored election's facts (what `factsOf` wrote). */
export function answersOf(f: KeyedFacts): BatchItemView['answers'] {
  return {
    signed: f.signed,
    signatureMatches: f.signatureMatchesRegistration ?? true,
    allJointHoldersSigned: f.allJointHoldersSigned ?? true,
    fiduciary: f.signedAsFiduciary ?? false,
    capacity: f.capacity ?? '',
    fiduciaryEvidence: f.fiduciaryEvidence ?? false,
    deliverElsewhere: f.deliverToOtherNameOrAddress ?? false,
    medallion: f.medallionGuarantee ?? false,
    taxFormOnFile: f.taxFormOnFile ?? true,
    foreignInstruction: f.foreignInstruction ?? false,
  };
}

/** The engine's verdict in the form's terms: each deficiency beside its field. */
export function verdictView(v: Verdict, receivedAt: string, price: string, received: string): ElectionVerdict {
  return {
    deficiencies: v.deficiencies.map((d) => ({ code: d.code, title: d.title, field: DEFICIENCY_FIELD[d.code] })),
    basicExercised: v.basicShares,
    oversubscriptionPaid: v.oversubscriptionPaid,
    paymentShort: v.paymentShort,
    late: v.deficiencies.some((d) => d.code === 'LATE'),
    receivedAt,
    price,
    cost: v.cost,
    received,
    goodFunds: v.goodFunds,
    pending: v.pendingFunds,
    due: v.due,
    refund: v.excess,
    rightsLeft: v.rightsLeft,
  };
}

/**
 * The verdict on a draft as if saved now: its payments just received (none cleared yet), the
 * rights left after the certificate's other elections (`excludeElectionId`: the one a correction
 * replaces).
 */
export function assessDraftOn(ground: FormGround, cert: CertificateGround, draft: ElectionDraft, excludeElectionId?: number): ElectionVerdict {
  const others = cert.earlier.filter((e) => e.id !== excludeElectionId).reduce((n, e) => n + (e.basicShares ?? 0), 0);
  const verdict = assess({
    terms: ground.terms,
    certificate: cert.certificate,
    stampedLocal: ground.envelope.stampedLocal,
    basicShares: draft.basicShares,
    oversubscriptionShares: draft.oversubscriptionShares,
    facts: factsOf(draft),
    payments: draft.payments.map((p) => ({ method: p.method, amount: p.amount, status: 'received' as const })),
    exercisedBefore: others,
    certificateStopped: cert.stopped,
  });
  return verdictView(verdict, ground.envelope.receivedAt, ground.terms.subscriptionPrice, sumAmounts(draft.payments.map((p) => p.amount)));
}

/** `intake.assess`: the live preview, read-only. */
export function assessDraft(store: BookStore, draft: ElectionDraft): Promise<ElectionVerdict> {
  return store.read(async (r) => {
    const ground = await formGround(r, draft.batchId, draft.envelopeId, { mustBeOpen: false });
    const cert = await certificateGround(r, ground.program, ground.terms, draft.certificateNumber);
    return assessDraftOn(ground, cert, draft);
  });
}

const userNames = (r: ReadRepos) => {
  const known = new Map<number, string>();
  return async (id: number) => {
    if (!known.has(id)) known.set(id, (await r.users.byId(id))?.username ?? `user ${id}`);
    return known.get(id)!;
  };
};

/** `intake.certificate`: what the form shows once the number is typed or scanned. */
export function certificateForForm(store: BookStore, programId: number, number: string): Promise<CertificateForForm> {
  return store.read(async (r) => {
    const { program, terms } = await rightsProgram(r, programId);
    const g = await certificateGround(r, program, terms, number);
    const e = g.entry;
    const nameOf = userNames(r);
    const earlier = [];
    for (const x of [...g.earlier].reverse()) earlier.push({ electionId: x.id, keyedAt: x.keyedAt, keyedBy: await nameOf(x.keyedBy), basicShares: x.basicShares });
    return {
      certificateId: g.certificate.id,
      number: g.certificate.number,
      class: g.certificate.class,
      colour: g.klass.colour,
      account: g.certificate.account,
      registration: e.registration.filter((line) => line !== ''),
      address: [e.address1, e.address2, [e.city, e.state, e.postalCode].filter(Boolean).join(' '), e.country === 'US' ? '' : e.country].filter((line) => line !== ''),
      tinMasked: e.tinType === 'NONE' || e.tinLast4 === null ? null : maskTin(e.tinType, e.tinLast4),
      firmRights: g.certificate.firmRights,
      exercised: g.exercised,
      left: Math.max(0, g.certificate.firmRights - g.exercised),
      held: g.certificate.held,
      stopped: g.stopped,
      oversubscriptionAllowed: g.klass.oversubscription,
      jointRegistration: e.registration.some((line) => /\b(JT TEN|JTWROS|TEN COM|TEN ENT)\b/i.test(line)),
      earlier,
    };
  });
}

/** `intake.items`: a batch's keyed elections in the order keyed, each with its verdict as it stands now. */
export function batchItems(store: BookStore, batchId: number): Promise<BatchItemView[]> {
  return store.read(async (r) => {
    const batch = await batchById(r, batchId);
    if (!batch) throw new DeskFailure('NOT_FOUND', 'There is no such batch in this book', 'batchId');
    const { terms } = await rightsProgram(r, batch.programId);
    const envelopes = new Map((await envelopesOf(r, batchId)).map((e) => [e.id, e]));
    const nameOf = userNames(r);
    const items: BatchItemView[] = [];
    for (const e of await electionsOfBatch(r, batchId)) {
      const certificate = await r.certificates.byId(e.certificateId);
      const envelope = envelopes.get(e.envelopeId);
      if (!certificate || !envelope) throw new Error(`Election ${e.id} names a certificate or envelope that is not in the book`);
      const entry = await r.register.entryById(certificate.entryId);
      const verdict = await assessStored(r, e, terms, certificate, envelope.stampedLocal);
      const payments = await r.intake.paymentsOf(e.id);
      items.push({
        electionId: e.id,
        envelopeId: envelope.id,
        envelopeSeq: envelope.seq,
        certificateNumber: certificate.number,
        holder: entry?.registration[0] ?? '',
        basicShares: e.basicShares,
        oversubscriptionShares: e.oversubscriptionShares,
        amount: sumAmounts(payments.map((p) => p.applied)),
        codes: verdict.deficiencies.map((d) => d.code),
        keyedAt: e.keyedAt,
        keyedBy: await nameOf(e.keyedBy),
        reversed: (await reversalOf(r, e.id)) !== undefined,
        correctsId: e.correctsId,
        answers: answersOf(keyedFactsSchema.parse(e.facts)),
      });
    }
    return items;
  });
}
