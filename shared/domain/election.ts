/**
 * Evaluating one election (the form on the back of a certificate): which deficiencies it has,
 * and what it exercises once §4b deemed exercise is applied.
 */
import { isWaivable, deficiency, type DeficiencyCode } from './deficiencies';
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

/** §4b deemed exercise. */
export function deemedExercise(
  rights: number,
  basicWritten: number | null,
  oversubscriptionWritten: number,
  goodFunds: number,
  price: SharePrice,
): DeemedExercise {
  const cover = sharesCovered(goodFunds, price);
  const wanted = basicWritten ?? cover;
  const basicShares = Math.min(rights, wanted, cover);
  // What the funds left after the basic shares pay for: floor((F − B·p)/p) = floor(F/p) − B.
  const oversubscriptionPaid = oversubscriptionWritten > 0 ? Math.min(oversubscriptionWritten, cover - basicShares) : 0;
  const basicAsked = basicWritten === null ? Math.min(rights, cover) : Math.min(rights, basicWritten);
  return {
    basicShares,
    oversubscriptionPaid,
    paymentShort: basicShares < basicAsked || oversubscriptionPaid < oversubscriptionWritten,
    exceedsRights: basicWritten !== null && basicWritten > rights,
  };
}

export interface ElectionEvaluation extends DeemedExercise {
  /** Every deficiency found, in catalog order. */
  readonly deficiencies: readonly DeficiencyCode[];
}

const NO_CODES: readonly DeficiencyCode[] = Object.freeze([]);

function add(codes: DeficiencyCode[] | null, code: DeficiencyCode): DeficiencyCode[] {
  if (codes === null) return [code];
  codes.push(code);
  return codes;
}

/** Finds the deficiencies of an election and applies deemed exercise (§4a, §4b, §5a, §6a, §9, §11, §21). */
export function evaluateElection(facts: ElectionFacts, ctx: ElectionContext): ElectionEvaluation {
  const rights = ctx.rightsRemaining === undefined ? ctx.firmRights : Math.min(ctx.firmRights, ctx.rightsRemaining);
  const d = deemedExercise(rights, facts.basicShares, facts.oversubscriptionShares, facts.goodFunds, ctx.price);
  // Pushed in catalog order (see deficiencies.ts), so no sorting is needed. Most elections have
  // no deficiency: the list is only created when there is one.
  let codes: DeficiencyCode[] | null = null;
  if (facts.receivedAt > facts.expiresAt) codes = add(codes, 'LATE');
  if (!facts.signed) codes = add(codes, 'UNSIGNED');
  if (facts.signed && facts.signatureMatchesRegistration === false) codes = add(codes, 'SIGNATURE_MISMATCH');
  if (facts.allJointHoldersSigned === false) codes = add(codes, 'JOINT_HOLDER_MISSING');
  if (facts.signedAsFiduciary === true && facts.fiduciaryEvidence !== true) codes = add(codes, 'FIDUCIARY_NO_EVIDENCE');
  if (facts.deliverToOtherNameOrAddress === true && facts.medallionGuarantee !== true) codes = add(codes, 'MEDALLION_GUARANTEE_MISSING');
  if (facts.wrongForm === true) codes = add(codes, 'WRONG_FORM');
  if (facts.certificateStopped === true) codes = add(codes, 'CERTIFICATE_STOPPED');
  if (facts.foreignHolder === true && facts.foreignInstruction !== true) codes = add(codes, 'FOREIGN_NO_INSTRUCTION');
  if (facts.taxFormOnFile === false) codes = add(codes, 'MISSING_TIN');
  if (facts.goodFunds <= 0) codes = add(codes, 'NO_GOOD_FUNDS');
  if (facts.anyReturned === true) codes = add(codes, 'RETURNED_CHECK');
  if (d.paymentShort && facts.goodFunds > 0) codes = add(codes, 'PAYMENT_SHORT');
  if (d.exceedsRights) codes = add(codes, 'EXCEEDS_RIGHTS');
  if (facts.oversubscriptionShares > 0) {
    if (ctx.requireFullBasic && d.basicShares < rights) codes = add(codes, 'OVERSUB_WITHOUT_FULL_BASIC');
    if (!ctx.classAllowsOversubscription) codes = add(codes, 'NOT_ELIGIBLE_FOR_OVERSUB');
  }
  return {
    basicShares: d.basicShares,
    oversubscriptionPaid: d.oversubscriptionPaid,
    paymentShort: d.paymentShort,
    exceedsRights: d.exceedsRights,
    deficiencies: codes ?? NO_CODES,
  };
}

const CLEAN: ElectionDecision = Object.freeze({ status: 'accepted', waived: NO_CODES, oversubscriptionVoid: false });

export interface ElectionDecision {
  readonly status: 'accepted' | 'rejected';
  /** Deficiencies that were waived (waivable ones named by the company), in catalog order. */
  readonly waived: readonly DeficiencyCode[];
  /** The oversubscription part is void (an unwaived void-oversubscription deficiency). */
  readonly oversubscriptionVoid: boolean;
}

/**
 * §11a: applies the company's waivers. A deficiency that cannot be waived stays whatever the
 * waiver list says. Any unwaived deficiency whose effect is `reject` rejects the election.
 */
export function decideElection(deficiencies: readonly DeficiencyCode[], waivers: ReadonlySet<string>): ElectionDecision {
  if (deficiencies.length === 0) return CLEAN;
  const waived: DeficiencyCode[] = [];
  let rejected = false;
  let oversubscriptionVoid = false;
  for (const code of deficiencies) {
    if (waivers.has(code) && isWaivable(code)) {
      waived.push(code);
      continue;
    }
    const effect = deficiency(code).effect;
    if (effect === 'reject') rejected = true;
    else if (effect === 'void-oversubscription') oversubscriptionVoid = true;
  }
  return { status: rejected ? 'rejected' : 'accepted', waived, oversubscriptionVoid };
}
