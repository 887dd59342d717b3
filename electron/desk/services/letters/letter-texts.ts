/**
 * What each letter to a holder says, from facts already read (pure): the deficiency letter (each
 * open problem in plain words, what to send back, before the offer expires), the cure letter (the
 * same, by the date the company allowed, §11), the rejection letter (the reason, each problem,
 * the refund mailed without interest or deduction, §4b) and the foreign-holder letter (§9,
 * Exhibit D: the certificate is held; how to instruct and pay before expiration; otherwise the
 * rights lapse). Registration and address as on the record-date register; a TIN only masked.
 */
import type { DeficiencyCode } from '../../../../shared/domain';
import { RIGHTS_AGENT } from '../../pdf/certificate-text';
import type { LetterBlock, LetterContent, LetterItem } from '../../pdf/letter-doc';
import { dateInWords, dollars, shares } from '../intake/print-words';
import { codeLine, holderWords, type MoneyFacts } from './holder-words';

/** Who the letter goes to and what it concerns, as the register and the book have them. */
export interface LetterParty {
  readonly issuer: string;
  readonly programName: string;
  /** The letter's date in words ("December 3, 2003"). */
  readonly date: string;
  /** Registration lines, any attention line, then the address lines. */
  readonly addressee: readonly string[];
  /** Certificate, class, masked TIN, the item's reference. */
  readonly reference: readonly string[];
}

/** One election or order, as its letters speak of it. */
export interface ItemFacts extends LetterParty {
  /** "Election 12" / "Odd-lot order 3": quoted in the reply. */
  readonly itemRef: string;
  /** "your election on certificate RT-000004, received November 20, 2003, 10:15 a.m. New York time". */
  readonly itemWords: string;
  readonly certificateNumber: string | null;
  readonly money: MoneyFacts;
  /** "5:00 p.m., New York City time, on December 8, 2003"; null where the program has no rights expiration. */
  readonly expiresInWords: string | null;
}

const paragraph = (text: string): LetterBlock => ({ kind: 'paragraph', text });

function problemItems(codes: readonly DeficiencyCode[], money: MoneyFacts): (LetterItem & { readonly code: DeficiencyCode })[] {
  return codes.map((code) => {
    const w = holderWords(code, money);
    return { title: w.title, body: w.send === null ? `${w.explain} This cannot be corrected by sending anything.` : w.explain, small: codeLine(code), code };
  });
}

function sendList(codes: readonly DeficiencyCode[], money: MoneyFacts): LetterBlock[] {
  const wanted = [...new Set(codes.map((c) => holderWords(c, money).send).filter((s): s is string => s !== null))];
  if (wanted.length === 0) return [paragraph('Nothing you can send corrects the problems above.')];
  return [{ kind: 'heading', text: 'What to send back' }, { kind: 'list', lines: wanted }];
}

const replyNote = (f: ItemFacts): string => `Please quote ${f.itemRef}${f.certificateNumber ? ` and certificate ${f.certificateNumber}` : ''} in your reply to the address above.`;

function base(f: ItemFacts, kind: string, subject: string, body: readonly LetterBlock[]): LetterContent {
  return {
    title: `${f.issuer} — ${kind} letter — ${f.itemRef}`,
    date: f.date,
    addressee: f.addressee,
    reference: f.reference,
    subject,
    body,
    closing: 'Sincerely,',
    footnote: replyNote(f),
    footer: `${f.issuer} — ${kind} letter — ${f.itemRef}`,
  };
}

/** Each open deficiency and what to send back, before the offer expires (no cure date was set). */
export function deficiencyLetter(f: ItemFacts, open: readonly DeficiencyCode[]): LetterContent {
  const by = f.expiresInWords === null ? 'as soon as possible' : `as soon as possible, so that we receive it before ${f.expiresInWords}, when the offer expires`;
  return base(f, 'Deficiency', `${f.programName}: your election cannot be accepted as received`, [
    paragraph(`We have received ${f.itemWords}. It cannot be accepted as it stands: a subscription is accepted only when every irregularity has been corrected or waived by the Company (§11 of the Rights Agent Agreement). We found the following:`),
    { kind: 'items', items: problemItems(open, f.money) },
    ...sendList(open, f.money),
    paragraph(`Please send what is asked for above ${by}. Rights not validly exercised by then expire and are void.`),
  ]);
}

/**
 * The deficiencies the company allowed to be cured and the date what cures them must arrive by;
 * any other open deficiency is named too, with the offer's own deadline.
 */
export function cureLetter(f: ItemFacts, open: readonly DeficiencyCode[], covered: readonly DeficiencyCode[], cureBy: string): LetterContent {
  const allowed = open.filter((c) => covered.includes(c));
  const others = open.filter((c) => !covered.includes(c));
  const cureList = allowed.length > 0 ? allowed : open;
  return base(f, 'Cure', `${f.programName}: please correct your election by ${dateInWords(cureBy)}`, [
    paragraph(`We have received ${f.itemWords}. It cannot be accepted as it stands, but the Company has allowed the following to be corrected (§11 of the Rights Agent Agreement):`),
    { kind: 'items', items: problemItems(cureList, f.money) },
    ...(allowed.length > 0 && others.length > 0
      ? [paragraph(`Also still outstanding${f.expiresInWords === null ? '' : `, to be corrected before ${f.expiresInWords}`}:`), { kind: 'items' as const, items: problemItems(others, f.money) }]
      : []),
    ...sendList(open, f.money),
    { kind: 'paragraph', bold: true, text: `What you send must reach us on or before ${dateInWords(cureBy)} (New York time).` },
    paragraph('If it does not, the Company may reject your election; any good funds received with it would then be returned to you by mail, without interest or deduction.'),
  ]);
}

export interface RejectionFacts {
  readonly reason: string;
  readonly codes: readonly DeficiencyCode[];
  /** The refund a rejection scheduled (two-decimal text), or null when none was. */
  readonly refund: string | null;
}

/** The Company's rejection: its reason, each deficiency, and the refund of the good funds. */
export function rejectionLetter(f: ItemFacts, r: RejectionFacts): LetterContent {
  const refund = r.refund === null
    ? paragraph('We hold no good funds received with it, so no refund is due on it.')
    : { kind: 'paragraph' as const, bold: true, text: `The good funds received with it, ${dollars(r.refund)}, will be returned to you by mail, without interest or deduction, after the offer expires and all prorations are made (§4b).` };
  return base(f, 'Rejection', `${f.programName}: your election has been rejected`, [
    paragraph(`We have received ${f.itemWords}. The Company, whose determination is final and binding (§11 of the Rights Agent Agreement), has rejected it.`),
    { kind: 'facts', rows: [['Reason given', r.reason]] },
    ...(r.codes.length > 0 ? [paragraph('It was rejected for the following:'), { kind: 'items' as const, items: problemItems(r.codes, f.money).map((i) => ({ ...i, body: holderWords(i.code, f.money).explain })) }] : []),
    refund,
  ]);
}

export interface ForeignFacts extends LetterParty {
  readonly certificateNumber: string;
  readonly className: string;
  readonly rights: number;
  /** The subscription price per share and for every right, two-decimal text. */
  /** The subscription price per share (decimal text as the terms state it). */
  readonly price: string;
  /** The price of every right exercised, two-decimal text. */
  readonly fullPrice: string;
  readonly expiresInWords: string;
}

/** §9, Exhibit D: the certificate is held for the holder abroad; how to exercise; otherwise the rights lapse. */
export function foreignHolderLetter(f: ForeignFacts): LetterContent {
  const what = `${f.issuer} — Foreign holder letter — certificate ${f.certificateNumber}`;
  return {
    title: what,
    date: f.date,
    addressee: f.addressee,
    reference: f.reference,
    subject: `${f.programName}: your rights certificate is held for you`,
    body: [
      paragraph(`Because your address of record is outside the United States, your rights certificate is not being mailed to you (§9 of the Rights Agent Agreement). We hold certificate ${f.certificateNumber} for your account, evidencing ${shares(f.rights)} rights, and enclose the Prospectus and the other documents of the offer.`),
      { kind: 'facts', rows: [['Certificate held', f.certificateNumber], ['Class', f.className], ['Rights', shares(f.rights)], ['Subscription price', `${dollars(f.price)} per share`], ['Price of every right exercised', dollars(f.fullPrice)], ['Offer expires', f.expiresInWords]] },
      { kind: 'heading', text: 'To exercise your rights' },
      { kind: 'items', items: [
        { title: 'Instruct us in writing', body: 'Tell us how many shares you wish to purchase, up to your rights, signed as your name appears on our register, and quote the certificate number.' },
        { title: 'Pay the subscription price in full', body: `In United States dollars, by check drawn on a United States bank, certified check, bank draft or money order payable to ${RIGHTS_AGENT.name}, as Rights Agent, or by wire transfer to the Rights Agent’s account as set forth in the Prospectus.` },
      ] },
      { kind: 'paragraph', bold: true, text: `Your instruction and your payment must both reach us no later than ${f.expiresInWords}. If we have not received them by then, your rights expire unexercised and are null and void.` },
      paragraph('Rights may not be exercised in any jurisdiction where doing so would be unlawful, and the Company may reject a subscription from a holder outside the United States if, in its opinion, it may not lawfully issue shares to that holder.'),
    ],
    closing: 'Sincerely,',
    footnote: `Please quote certificate ${f.certificateNumber} in your reply to the address above.`,
    footer: what,
  };
}
