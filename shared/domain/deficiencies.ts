/**
 * The catalog of deficiencies (irregularities) an election can have. §11a: the company (in
 * practice a supervisor with authority) decides; it may waive a defect, allow a cure within a
 * time it sets, or reject. A subscription is not accepted until every irregularity is waived
 * or cured. Some defects cannot be waived at all; some do not reject but change what is
 * exercised (short payment ⇒ deemed exercise; no full basic ⇒ the oversubscription part is void).
 */

export type DeficiencyEffect =
  /** The election is rejected unless the defect is waived or cured. */
  | 'reject'
  /** Only the oversubscription request is void; the basic exercise stands. */
  | 'void-oversubscription'
  /** §4b: exercised for the largest whole number of shares the good funds cover. */
  | 'deemed-exercise'
  /** The exercise is cut back to the rights the certificate still carries. */
  | 'cap-at-rights'
  /** The item is disregarded (a returned check is not counted) and the holder told. */
  | 'disregard-payment';

export interface DeficiencyDefinition {
  readonly code: string;
  /** Short label for lists and the supervisor's queue. */
  readonly title: string;
  /** What is wrong and what the clerk or supervisor can do, in words. */
  readonly description: string;
  /** Where the rule comes from (agreement section, certificate or practice). */
  readonly section: string;
  /** Whether the company may waive it (§11a). LATE never can. */
  readonly waivable: boolean;
  readonly effect: DeficiencyEffect;
}

const CATALOG = [
  {
    code: 'LATE',
    title: 'Received after expiration',
    description: 'Received after 5:00 p.m. New York time on the expiration date. Not honoured, whenever it was sent; all money is returned.',
    section: '§5a',
    waivable: false,
    effect: 'reject',
  },
  {
    code: 'UNSIGNED',
    title: 'Not signed',
    description: 'The election form is not signed. A right is not exercised without a duly executed certificate. Ask the holder to sign, or a supervisor may waive.',
    section: '§4a',
    waivable: true,
    effect: 'reject',
  },
  {
    code: 'SIGNATURE_MISMATCH',
    title: 'Signature does not match registration',
    description: 'The signature does not correspond in every particular with the name printed on the certificate. Needs a corrected form or a supervisor’s waiver.',
    section: '§4a; certificate, form of election',
    waivable: true,
    effect: 'reject',
  },
  {
    code: 'JOINT_HOLDER_MISSING',
    title: 'Joint holder did not sign',
    description: 'The certificate is registered to joint holders and not all of them signed.',
    section: '§4a',
    waivable: true,
    effect: 'reject',
  },
  {
    code: 'FIDUCIARY_NO_EVIDENCE',
    title: 'Fiduciary without evidence of authority',
    description: 'Signed by an executor, trustee, guardian, attorney-in-fact, officer or other fiduciary without evidence of authority to act.',
    section: '§4a, §11a',
    waivable: true,
    effect: 'reject',
  },
  {
    code: 'MEDALLION_GUARANTEE_MISSING',
    title: 'Medallion signature guarantee missing',
    description: 'Shares are to be issued in another name or mailed to another address, which needs a medallion signature guarantee.',
    section: '§8, §11a',
    waivable: true,
    effect: 'reject',
  },
  {
    code: 'WRONG_FORM',
    title: 'Wrong or photocopied form',
    description: 'Not the original certificate or election form (a photocopy, a form of another deal or class).',
    section: '§4a',
    waivable: true,
    effect: 'reject',
  },
  {
    code: 'CERTIFICATE_STOPPED',
    title: 'Certificate stopped',
    description: 'The certificate was reported lost, stolen or destroyed and is stopped. Only its replacement of like tenor can be exercised.',
    section: '§2c',
    waivable: false,
    effect: 'reject',
  },
  {
    code: 'FOREIGN_NO_INSTRUCTION',
    title: 'Foreign holder without instruction',
    description: 'The certificate is held for a holder outside the United States; rights are exercised only on the holder’s instruction and payment before expiration.',
    section: '§9',
    waivable: false,
    effect: 'reject',
  },
  {
    code: 'MISSING_TIN',
    title: 'Missing TIN / W-9',
    description: 'No taxpayer identification number or Form W-9 (W-8 for foreign holders). Request it; backup withholding applies to reportable payments until certified.',
    section: '§21',
    waivable: true,
    effect: 'reject',
  },
  {
    code: 'NO_GOOD_FUNDS',
    title: 'No good funds',
    description: 'No payment counts as paid yet: an uncertified check must clear, a wire must be collected. A right is not exercised until payment is received.',
    section: '§4a, §6a',
    waivable: true,
    effect: 'reject',
  },
  {
    code: 'RETURNED_CHECK',
    title: 'Returned check',
    description: 'A check was returned unpaid (NSF or stopped). It is not counted; the holder may cure with good funds before expiration.',
    section: '§6a',
    waivable: false,
    effect: 'disregard-payment',
  },
  {
    code: 'PAYMENT_SHORT',
    title: 'Payment short',
    description: 'The good funds do not cover the shares indicated. The holder is deemed to exercise the largest whole number of shares the payment covers; the rest is refunded without interest.',
    section: '§4b',
    waivable: false,
    effect: 'deemed-exercise',
  },
  {
    code: 'EXCEEDS_RIGHTS',
    title: 'Exercise beyond remaining rights',
    description: 'More basic shares requested than the rights the certificate still carries. The exercise is cut back to the remaining rights; the excess payment is refunded.',
    section: '§1b, §4b',
    waivable: false,
    effect: 'cap-at-rights',
  },
  {
    code: 'OVERSUB_WITHOUT_FULL_BASIC',
    title: 'Oversubscription without full basic exercise',
    description: 'Oversubscription requested without exercising every basic right. The oversubscription part alone is void unless waived.',
    section: 'Prospectus terms (full basic exercise required)',
    waivable: true,
    effect: 'void-oversubscription',
  },
  {
    code: 'NOT_ELIGIBLE_FOR_OVERSUB',
    title: 'Class not eligible for oversubscription',
    description: 'This class of rights carries no oversubscription privilege. The oversubscription part alone is void unless waived.',
    section: 'Recitals (classes of rights)',
    waivable: true,
    effect: 'void-oversubscription',
  },
  // Appended after the settlement contract's codes so every earlier code keeps its bit.
  {
    code: 'NOMINEE_CERTIFICATION_MISSING',
    title: 'Nominee Holder Certification missing',
    description: 'A nominee asked for oversubscription without the Nominee Holder Certification that each beneficial owner exercised its basic rights in full. The oversubscription part alone is void unless waived.',
    section: '§4, Nominee Holder Certification',
    waivable: true,
    effect: 'void-oversubscription',
  },
  {
    // Not waivable: the notice only moves the certificate's deadline to the end of the cover
    // period; a certificate after that is received after the time allowed, which §5a says is
    // never honoured (the same footing as LATE).
    code: 'GUARANTEED_DELIVERY_NOT_COVERED',
    title: 'Guaranteed delivery not covered',
    description: 'A Notice of Guaranteed Delivery was given but the certificate did not arrive within the cover period. The guarantee failed; the exercise is not honoured and all money is returned.',
    section: '§5b, Notice of Guaranteed Delivery; §5a',
    waivable: false,
    effect: 'reject',
  },
] as const satisfies readonly DeficiencyDefinition[];

export type DeficiencyCode = (typeof CATALOG)[number]['code'];

/** Every deficiency, in the order they are listed on screens, letters and reports. */
export const DEFICIENCIES: readonly DeficiencyDefinition[] & readonly { readonly code: DeficiencyCode }[] = CATALOG;

export const DEFICIENCY_CODES: readonly DeficiencyCode[] = CATALOG.map((d) => d.code);

const BY_CODE = new Map<string, DeficiencyDefinition>(CATALOG.map((d) => [d.code, d]));
const ORDER = new Map<string, number>(CATALOG.map((d, i) => [d.code, i]));

export function isDeficiencyCode(code: unknown): code is DeficiencyCode {
  return typeof code === 'string' && BY_CODE.has(code);
}

export function deficiency(code: DeficiencyCode): DeficiencyDefinition {
  return BY_CODE.get(code)!;
}

export function isWaivable(code: DeficiencyCode): boolean {
  return BY_CODE.get(code)!.waivable;
}

/** Sorts codes into catalog order (stable, deterministic output). */
export function inCatalogOrder<T extends DeficiencyCode>(codes: Iterable<T>): T[] {
  return [...new Set(codes)].sort((a, b) => ORDER.get(a)! - ORDER.get(b)!);
}

// ---------------------------------------------------------------------------------------------
// Sets of codes as bit masks (bit k = the k-th code of the catalog): a million elections are
// checked without building a list for each.

/** The bit of a code in a deficiency mask. */
export const DEFICIENCY_BIT: Readonly<Record<DeficiencyCode, number>> = Object.freeze(
  Object.fromEntries(CATALOG.map((d, k) => [d.code, 1 << k])) as Record<DeficiencyCode, number>,
);

function maskWhere(test: (d: DeficiencyDefinition) => boolean): number {
  return CATALOG.reduce((mask, d, k) => (test(d) ? mask | (1 << k) : mask), 0);
}

/** Codes the company may waive. */
export const WAIVABLE_MASK = maskWhere((d) => d.waivable);
/** Codes that reject the election unless waived. */
export const REJECT_MASK = maskWhere((d) => d.effect === 'reject');
/** Codes that void only the oversubscription part unless waived. */
export const VOID_OVERSUBSCRIPTION_MASK = maskWhere((d) => d.effect === 'void-oversubscription');

/** The mask of a list of codes. */
export function maskOf(codes: Iterable<string>): number {
  let mask = 0;
  for (const c of codes) if (isDeficiencyCode(c)) mask |= DEFICIENCY_BIT[c];
  return mask;
}

const LISTS = new Map<number, readonly DeficiencyCode[]>();
/** The codes of a mask in catalog order (one shared, frozen list per mask). */
export function codesOf(mask: number): readonly DeficiencyCode[] {
  let list = LISTS.get(mask);
  if (!list) {
    list = Object.freeze(CATALOG.filter((_, k) => (mask & (1 << k)) !== 0).map((d) => d.code));
    LISTS.set(mask, list);
  }
  return list;
}

/** The codes the settlement contract reports (shared/contracts/SETTLE.md, step 1), in its order. */
export const SETTLE_DEFICIENCY_CODES = ['LATE', 'UNSIGNED', 'NO_GOOD_FUNDS', 'OVERSUB_WITHOUT_FULL_BASIC', 'NOT_ELIGIBLE_FOR_OVERSUB'] as const satisfies readonly DeficiencyCode[];
export type SettleDeficiencyCode = (typeof SETTLE_DEFICIENCY_CODES)[number];

// ---------------------------------------------------------------------------------------------
// Odd-lot program: why an order is rejected (shared/contracts/SETTLE.md, odd-lot).

const ODD_LOT_CATALOG = [
  { code: 'NOT_ODD_LOT', title: 'Not an odd lot', description: 'The holder’s eligible shares on the record date (plan shares excluded) are not between 1 and one less than a round lot.', section: 'Notice: offer to purchase' },
  { code: 'LATE', title: 'Received after expiry', description: 'Received after 5:00 p.m. Eastern on the expiry date.', section: 'Notice: expiry' },
  { code: 'DUPLICATE_ORDER', title: 'Duplicate order', description: 'The account already has an order in this program; only the first received counts.', section: 'Notice: one election per holder' },
  { code: 'NO_PRICE', title: 'No closing price', description: 'No closing price is recorded for the date of transfer.', section: 'Notice: terms (close on the date of transfer)' },
  { code: 'PRICE_BELOW_FEE', title: 'Price does not exceed the fee', description: 'The closing price does not exceed the processing fee, so a sale would pay the holder nothing.', section: 'Notice: terms (close less the processing fee)' },
] as const;

export type OddLotCode = (typeof ODD_LOT_CATALOG)[number]['code'];
export const ODD_LOT_CODES: readonly OddLotCode[] = ODD_LOT_CATALOG.map((d) => d.code);
export const ODD_LOT_REJECTIONS: readonly { readonly code: OddLotCode; readonly title: string; readonly description: string; readonly section: string }[] = ODD_LOT_CATALOG;
