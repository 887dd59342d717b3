/**
 * Evaluating one election (the form on the back of a certificate): which deficiencies it has,
 * and what it exercises once §4b deemed exercise is applied.
 */
import { codesOf, DEFICIENCY_BIT, maskOf, REJECT_MASK, VOID_OVERSUBSCRIPTION_MASK, WAIVABLE_MASK, type DeficiencyCode } from './deficiencies';
import { sharesCovered, type SharePrice } from './price';

/** Everything the clerk keyed and the book knows about one election. */
export interface ElectionFacts {
  /** Receipt instant (ms since epoch) and the program's expiration instant; later ⇒ LATE (§5a). */
  readonly receivedAt: number;
  readonly expiresAt: number;
  readonly signed: boolean;
  /** §4a and the form: signature corresponds with the registration (default true). */
  readonly signatureMatchesRegistration?: boolean;
  /** Joint registration: every holder signed (default true). */
  readonly allJointHoldersSigned?: boolean;
  /** Signed in a fiduciary or representative capacity, and whether evidence of authority came. */
  readonly signedAsFiduciary?: boolean;
  readonly fiduciaryEvidence?: boolean;
  /** Shares to be issued in another name or sent to another address, and whether a medallion guarantee came. */
  readonly deliverToOtherNameOrAddress?: boolean;
  readonly medallionGuarantee?: boolean;
  /** Not the original form (photocopy, other deal or class). */
  readonly wrongForm?: boolean;
  /** §2c: the certificate is stopped (reported lost, stolen or destroyed). */
  readonly certificateStopped?: boolean;
  /** §9: held for a holder outside the United States, and whether the holder instructed the exercise. */
  readonly foreignHolder?: boolean;
  readonly foreignInstruction?: boolean;
  /** §21: a TIN (W-9) or W-8 is on file (default true). */
  readonly taxFormOnFile?: boolean;
  /** Shares written on the form for the basic subscription; null when the holder wrote no number. */
  readonly basicShares: number | null;
  /** Shares written for the oversubscription (0 when none). */
  readonly oversubscriptionShares: number;
  /** Good funds (§6a) in integer cents, and whether any payment came back unpaid. */
  readonly goodFunds: number;
  readonly anyReturned?: boolean;
  /** A nominee's DTC instruction: whether the Nominee Holder Certification came (absent: not a nominee instruction). */
  readonly nomineeCertified?: boolean;
  /** §5b: a Notice of Guaranteed Delivery whose cover period passed without its certificate. */
  readonly guaranteedDeliveryNotCovered?: boolean;
}

export interface ElectionContext {
  readonly price: SharePrice;
  /** Firm rights of the certificate (§1b) and what is left of them after earlier exercises. */
  readonly firmRights: number;
  readonly rightsRemaining?: number;
  /** The class carries an oversubscription privilege. */
  readonly classAllowsOversubscription: boolean;
  /** Terms: full basic exercise is required before oversubscribing. */
  readonly requireFullBasic: boolean;
}

export interface DeemedExercise {
  /** Basic shares exercised: min(rights, number written — or, if none, what the funds cover — , what the funds cover). */
  readonly basicShares: number;
  /** Oversubscription shares the good funds left after the basic shares pay for, up to the number written. */
  readonly oversubscriptionPaid: number;
  /** The funds do not cover what was written (§4b applies). */
  readonly paymentShort: boolean;
  /** More basic shares were written than the certificate's remaining rights. */
  readonly exceedsRights: boolean;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** §4b deemed exercise, written into `out` (no allocation: this runs for every election). */
function deemInto(out: Writable<DeemedExercise>, rights: number, basicWritten: number | null, oversubscriptionWritten: number, goodFunds: number, price: SharePrice): void {
  const cover = sharesCovered(goodFunds, price);
  const wanted = basicWritten ?? cover;
  const basicShares = Math.min(rights, wanted, cover);
  // What the funds left after the basic shares pay for: floor((F − B·p)/p) = floor(F/p) − B.
  const oversubscriptionPaid = oversubscriptionWritten > 0 ? Math.min(oversubscriptionWritten, cover - basicShares) : 0;
  const basicAsked = basicWritten === null ? Math.min(rights, cover) : Math.min(rights, basicWritten);
  out.basicShares = basicShares;
  out.oversubscriptionPaid = oversubscriptionPaid;
  out.paymentShort = basicShares < basicAsked || oversubscriptionPaid < oversubscriptionWritten;
  out.exceedsRights = basicWritten !== null && basicWritten > rights;
}

/** §4b deemed exercise. */
export function deemedExercise(
  rights: number,
  basicWritten: number | null,
  oversubscriptionWritten: number,
  goodFunds: number,
  price: SharePrice,
): DeemedExercise {
  const out = { basicShares: 0, oversubscriptionPaid: 0, paymentShort: false, exceedsRights: false };
  deemInto(out, rights, basicWritten, oversubscriptionWritten, goodFunds, price);
  return out;
}

export interface ElectionEvaluation extends DeemedExercise {
  /** Every deficiency found, in catalog order. */
  readonly deficiencies: readonly DeficiencyCode[];
}

/** The result of `assessElection`: deemed exercise and the deficiencies as a mask (see deficiencies.ts). */
export interface ElectionAssessment extends Writable<DeemedExercise> {
  deficiencyMask: number;
}

export function newAssessment(): ElectionAssessment {
  return { basicShares: 0, oversubscriptionPaid: 0, paymentShort: false, exceedsRights: false, deficiencyMask: 0 };
}

const B = DEFICIENCY_BIT;

/**
 * Finds the deficiencies of an election and applies deemed exercise, into `out` — the
 * allocation-free form of `evaluateElection` for settling a million elections.
 */
export function assessElection(out: ElectionAssessment, facts: ElectionFacts, ctx: ElectionContext): void {
  const rights = ctx.rightsRemaining === undefined ? ctx.firmRights : Math.min(ctx.firmRights, ctx.rightsRemaining);
  deemInto(out, rights, facts.basicShares, facts.oversubscriptionShares, facts.goodFunds, ctx.price);
  let m = 0;
  if (facts.receivedAt > facts.expiresAt) m |= B.LATE;
  if (!facts.signed) m |= B.UNSIGNED;
  if (facts.signed && facts.signatureMatchesRegistration === false) m |= B.SIGNATURE_MISMATCH;
  if (facts.allJointHoldersSigned === false) m |= B.JOINT_HOLDER_MISSING;
  if (facts.signedAsFiduciary === true && facts.fiduciaryEvidence !== true) m |= B.FIDUCIARY_NO_EVIDENCE;
  if (facts.deliverToOtherNameOrAddress === true && facts.medallionGuarantee !== true) m |= B.MEDALLION_GUARANTEE_MISSING;
  if (facts.wrongForm === true) m |= B.WRONG_FORM;
  if (facts.certificateStopped === true) m |= B.CERTIFICATE_STOPPED;
  if (facts.foreignHolder === true && facts.foreignInstruction !== true) m |= B.FOREIGN_NO_INSTRUCTION;
  if (facts.taxFormOnFile === false) m |= B.MISSING_TIN;
  if (facts.goodFunds <= 0) m |= B.NO_GOOD_FUNDS;
  if (facts.anyReturned === true) m |= B.RETURNED_CHECK;
  if (out.paymentShort && facts.goodFunds > 0) m |= B.PAYMENT_SHORT;
  if (out.exceedsRights) m |= B.EXCEEDS_RIGHTS;
  if (facts.oversubscriptionShares > 0) {
    if (ctx.requireFullBasic && out.basicShares < rights) m |= B.OVERSUB_WITHOUT_FULL_BASIC;
    if (!ctx.classAllowsOversubscription) m |= B.NOT_ELIGIBLE_FOR_OVERSUB;
    if (facts.nomineeCertified === false) m |= B.NOMINEE_CERTIFICATION_MISSING;
  }
  if (facts.guaranteedDeliveryNotCovered === true) m |= B.GUARANTEED_DELIVERY_NOT_COVERED;
  out.deficiencyMask = m;
}

/** Finds the deficiencies of an election and applies deemed exercise (§4a, §4b, §5a, §6a, §9, §11, §21). */
export function evaluateElection(facts: ElectionFacts, ctx: ElectionContext): ElectionEvaluation {
  const a = newAssessment();
  assessElection(a, facts, ctx);
  return {
    basicShares: a.basicShares,
    oversubscriptionPaid: a.oversubscriptionPaid,
    paymentShort: a.paymentShort,
    exceedsRights: a.exceedsRights,
    deficiencies: codesOf(a.deficiencyMask),
  };
}

export interface ElectionDecision {
  readonly status: 'accepted' | 'rejected';
  /** Deficiencies that were waived (waivable ones named by the company), in catalog order. */
  readonly waived: readonly DeficiencyCode[];
  /** The oversubscription part is void (an unwaived void-oversubscription deficiency). */
  readonly oversubscriptionVoid: boolean;
}

/** What `decideElection` decides, on masks: waived codes, rejected or not, oversubscription void or not. */
export function decideMask(deficiencyMask: number, waiverMask: number): { waivedMask: number; rejected: boolean; oversubscriptionVoid: boolean } {
  const waivedMask = deficiencyMask & waiverMask & WAIVABLE_MASK;
  const open = deficiencyMask & ~waivedMask;
  return { waivedMask, rejected: (open & REJECT_MASK) !== 0, oversubscriptionVoid: (open & VOID_OVERSUBSCRIPTION_MASK) !== 0 };
}

/**
 * §11a: applies the company's waivers. A deficiency that cannot be waived stays whatever the
 * waiver list says. Any unwaived deficiency whose effect is `reject` rejects the election.
 */
export function decideElection(deficiencies: readonly DeficiencyCode[], waivers: ReadonlySet<string>): ElectionDecision {
  const d = decideMask(maskOf(deficiencies), maskOf(waivers));
  return { status: d.rejected ? 'rejected' : 'accepted', waived: codesOf(d.waivedMask), oversubscriptionVoid: d.oversubscriptionVoid };
}
