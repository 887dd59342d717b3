/**
 * Each deficiency as a holder reads it in a letter: what is wrong, in plain words, and what to
 * send back to cure it. The catalog (shared/domain/deficiencies.ts) speaks to a clerk ("ask the
 * holder to sign, or a supervisor may waive"); a letter speaks to the holder, and names the
 * money still to be sent where money is the cure. Pure: amounts come in as two-decimal text.
 */
import { deficiency, type DeficiencyCode } from '../../../../shared/domain';
import { RIGHTS_AGENT } from '../../pdf/certificate-text';
import { dollars, isZero } from '../intake/print-words';

export interface HolderWords {
  readonly title: string;
  /** What is wrong. */
  readonly explain: string;
  /** What to send back; null where nothing the holder sends can cure it. */
  readonly send: string | null;
}

/** The money facts a letter's words need (two-decimal text). */
export interface MoneyFacts {
  /** Still to be paid for the shares written. */
  readonly due: string;
  readonly pending: string;
  readonly returned: string;
}

const GOOD_FUNDS = `a certified check, bank draft or money order payable to ${RIGHTS_AGENT.name}, as Rights Agent, or a wire transfer`;

function fundsToSend(m: MoneyFacts): string {
  return isZero(m.due) ? `good funds (${GOOD_FUNDS}) for the shares you wish to exercise` : `good funds of ${dollars(m.due)} (${GOOD_FUNDS})`;
}

const WORDS: { readonly [C in DeficiencyCode]: (m: MoneyFacts) => HolderWords } = {
  LATE: () => ({
    title: 'Received after the offer expired',
    explain: 'Your election was received after 5:00 p.m. New York City time on the expiration date. Under the terms of the offer it cannot be honoured, whenever it was sent.',
    send: null,
  }),
  UNSIGNED: () => ({
    title: 'The election form is not signed',
    explain: 'A right is exercised only with a duly signed election form, and yours reached us unsigned.',
    send: 'The election form signed by the holder, exactly as the name is printed on the certificate.',
  }),
  SIGNATURE_MISMATCH: () => ({
    title: 'The signature does not match the registration',
    explain: 'The signature must correspond in every particular, without alteration, with the name printed on the certificate.',
    send: 'The election form signed again, exactly as the name is printed on the certificate.',
  }),
  JOINT_HOLDER_MISSING: () => ({
    title: 'Not every joint holder signed',
    explain: 'The certificate is registered to joint holders, and every one of them must sign the election form.',
    send: 'The election form signed by every joint holder named on the certificate.',
  }),
  FIDUCIARY_NO_EVIDENCE: () => ({
    title: 'Evidence of authority is missing',
    explain: 'The form was signed on the holder’s behalf (by an executor, trustee, guardian, attorney-in-fact, officer or other fiduciary) without evidence of the authority to act.',
    send: 'Evidence of the signer’s authority, such as letters testamentary, a court appointment, a power of attorney or a certified corporate resolution.',
  }),
  MEDALLION_GUARANTEE_MISSING: () => ({
    title: 'A medallion signature guarantee is needed',
    explain: 'You asked for the shares to be issued in another name or mailed to another address, which needs the signature to be guaranteed.',
    send: 'The election form with the signature guaranteed by an eligible guarantor institution (a bank, broker or credit union in a Medallion Signature Guarantee program). A notary’s stamp is not a medallion guarantee.',
  }),
  WRONG_FORM: () => ({
    title: 'Not the original certificate or form',
    explain: 'What we received is not the original certificate or its election form (for example a photocopy, or a form of another offering or class).',
    send: 'The original certificate with its election form completed and signed.',
  }),
  CERTIFICATE_STOPPED: () => ({
    title: 'The certificate is stopped',
    explain: 'This certificate was reported lost, stolen or destroyed and has been stopped; it can no longer be exercised.',
    send: 'Your election on the replacement certificate issued in its place. If you have not received a replacement, please contact us.',
  }),
  FOREIGN_NO_INSTRUCTION: () => ({
    title: 'Your certificate is held for you',
    explain: 'Your address is outside the United States, so we hold your certificate and exercise the rights only on your written instruction and payment.',
    send: 'Your written instruction stating the number of shares to exercise, with payment in full.',
  }),
  MISSING_TIN: () => ({
    title: 'Your taxpayer identification number is missing',
    explain: 'We have no certified taxpayer identification number (TIN) for you. Until we do, backup withholding may apply to reportable payments.',
    send: 'A completed and signed Form W-9 (or the appropriate Form W-8, such as W-8BEN, if you are not a U.S. person).',
  }),
  NO_GOOD_FUNDS: (m) => ({
    title: 'Payment has not been received in good funds',
    explain: `A right is exercised only once payment counts as received: an uncertified check once it has cleared, a wire once it is collected.${isZero(m.pending) ? '' : ` ${dollars(m.pending)} is still awaiting clearance; if it clears, nothing more is needed for it.`}`,
    send: isZero(m.due) && !isZero(m.pending)
      ? `Nothing more if your payment of ${dollars(m.pending)} clears; should it be returned unpaid, good funds of the same amount (${GOOD_FUNDS}).`
      : `${fundsToSend(m).replace(/^./, (c) => c.toUpperCase())}.`,
  }),
  RETURNED_CHECK: (m) => ({
    title: 'Your check was returned unpaid',
    explain: `Your bank returned ${isZero(m.returned) ? 'your check' : `your check for ${dollars(m.returned)}`} unpaid, so it does not count as payment.`,
    send: `${fundsToSend(m).replace(/^./, (c) => c.toUpperCase())} in its place.`,
  }),
  PAYMENT_SHORT: (m) => ({
    title: 'The payment does not cover the shares you asked for',
    explain: 'Unless the rest is paid, you are treated as exercising the largest whole number of shares your payment covers; anything left over is refunded by mail without interest or deduction after the offer expires.',
    send: isZero(m.due) ? null : `If you wish to exercise every share you asked for, the remaining ${dollars(m.due)} in good funds (${GOOD_FUNDS}).`,
  }),
  EXCEEDS_RIGHTS: () => ({
    title: 'More shares asked for than your rights allow',
    explain: 'You asked for more shares than the rights your certificate still carries. The exercise is reduced to the rights left, and the payment for the excess is refunded without interest.',
    send: null,
  }),
  OVERSUB_WITHOUT_FULL_BASIC: () => ({
    title: 'Additional shares asked for without exercising every basic right',
    explain: 'Additional shares (the oversubscription privilege) may be requested only by a holder who exercises every basic right. Your request for additional shares is void unless this is corrected.',
    send: 'If you wish to request additional shares: the election form exercising all of your basic rights, with payment for them.',
  }),
  NOT_ELIGIBLE_FOR_OVERSUB: () => ({
    title: 'Your class of rights carries no oversubscription privilege',
    explain: 'Rights of this class do not carry the privilege to request additional shares, so that part of your election is void. Your basic exercise is not affected.',
    send: null,
  }),
  NOMINEE_CERTIFICATION_MISSING: () => ({
    title: 'The Nominee Holder Certification is missing',
    explain: 'A nominee’s request for additional shares must come with the Nominee Holder Certification that each beneficial owner exercised its basic rights in full.',
    send: 'The completed and signed Nominee Holder Certification, one line for each beneficial owner.',
  }),
  GUARANTEED_DELIVERY_NOT_COVERED: () => ({
    title: 'The guaranteed delivery was not completed',
    explain: 'The certificate promised by the Notice of Guaranteed Delivery did not arrive within the time allowed, so the exercise cannot be honoured.',
    send: null,
  }),
};

/** The holder's words for a deficiency. */
export function holderWords(code: DeficiencyCode, money: MoneyFacts): HolderWords {
  return WORDS[code](money);
}

/** The small print under each problem: its code and the agreement's section, to quote in a reply. */
export function codeLine(code: DeficiencyCode): string {
  return `Reference ${code} (${deficiency(code).section})`;
}
