/**
 * The words printed on a rights certificate, after the seed certificate (002_…): the legends of
 * the face and the election and assignment forms of the back, for a subscription (non-transferable)
 * class and for the transferable class. Kept apart from the layout so that both read plainly.
 */

/** The agent that countersigns and receives the certificates: the firm this desk runs for. */
export const RIGHTS_AGENT = {
  name: 'American Stock Transfer & Trust Company',
  office: '59 Maiden Lane, Plaza Level, New York, NY 10038',
} as const;

export interface LegendFacts {
  readonly issuer: string;
  readonly transferable: boolean;
  readonly certificateName: string;
  readonly price: string;
  readonly expiresInWords: string;
}

/** The legend across the top of the face. */
export function topLegend(transferable: boolean): string {
  const held = 'THIS CERTIFICATE AND THE RIGHTS REPRESENTED BY IT ARE HELD SUBJECT TO THE TERMS AND CONDITIONS HEREIN DESCRIBED.';
  return transferable
    ? `${held} THESE RIGHTS ARE TRANSFERABLE AND ASSIGNABLE ONLY IN ACCORDANCE WITH THE TERMS AND CONDITIONS OF THE PROSPECTUS.`
    : `${held} ANY SALE, ASSIGNMENT, PLEDGE OR TRANSFER OF THESE RIGHTS IS STRICTLY PROHIBITED.`;
}

/** The body of the face: what the certificate entitles its holder to. */
export function faceParagraphs(f: LegendFacts): string[] {
  const name = f.certificateName;
  return [
    `This ${f.transferable ? 'transferable' : 'non-transferable'} rights certificate (the “${name}”) certifies that the registered holder named above` +
      `${f.transferable ? ' or the assignee specified on the reverse hereof' : ''} (the “Holder”) is the owner of the number of firm subscription rights set forth above. ` +
      `Upon presentation of this ${name} with the form of election on the reverse side hereof properly completed and duly executed and accompanied by payment in full ` +
      `of the Purchase Price in U.S. dollars for the number of shares of New Common Stock subscribed, by check, bank check, money order or wire transfer, the Holder is ` +
      `entitled to purchase from ${f.issuer} (the “Company”), at any time on or before ${f.expiresInWords} (the “Expiration Date”), at the office of ` +
      `${RIGHTS_AGENT.name}, ${RIGHTS_AGENT.office}, as Rights Agent (the “Rights Agent”), for a purchase price of $${f.price} per share (the “Purchase Price”), ` +
      'a number of fully paid and non-assessable shares of the Company’s common stock (the “New Common Stock”) equal to the number of firm subscription rights set forth above, ' +
      'as described in the Prospectus related to these securities (the “Prospectus”). Capitalized terms used herein without definition are used as defined in the Prospectus.',
    `Each Holder may specify on the back of this ${name} the total number of shares it wishes to purchase up to the number of Firm Subscription Rights listed on the front ` +
      'of this certificate. The payment for such shares will be held in a special bank account by the Rights Agent. The Rights Agent will issue New Common Stock certificates ' +
      'to subscribers as described in the Prospectus as soon as commercially practicable after the conclusion of the offering. The Company will issue no fractional shares of ' +
      'New Common Stock, and rights are rounded down to the nearest whole number, without cash in lieu.',
    (f.transferable
      ? `This ${name}, and the rights represented hereby, are transferable and assignable in accordance with the terms and conditions of the Prospectus. `
      : `This ${name} and the rights represented hereby may not be sold, assigned, pledged or transferred. `) +
      'Prior to the exercise of any rights represented hereby, the Holder shall not be entitled to any rights of a stockholder of the Company, including, without limitation, ' +
      'the right to vote or to receive dividends or other distributions, and shall not be entitled to receive any notice of any proceedings of the Company.',
    `This ${name} shall not be valid or obligatory until it has been countersigned by the Rights Agent.`,
  ];
}

/** The election form of the back. */
export function electionParagraphs(f: LegendFacts): { intro: string; payment: string; understands: string; acknowledges: string; signatures: string } {
  const name = f.certificateName;
  return {
    intro:
      `The undersigned irrevocably hereby elects to exercise rights represented by this ${name} and irrevocably subscribes to purchase the number of shares set forth below ` +
      `upon the terms and subject to the conditions set forth on the face of this ${name} and in the Prospectus:`,
    payment: `The form of election must be accompanied by check, bank check, money order or wire transfer in U.S. dollars for the number of shares requested multiplied by the $${f.price} purchase price per share.`,
    understands:
      'The undersigned understands that he is not assured of receiving any shares in excess of the number of firm subscription rights. The undersigned also understands that any ' +
      'portion of the purchase price remitted herewith in respect of shares requested but not allocated to him for purchase will be returned to him without interest in due course.',
    acknowledges:
      'The undersigned acknowledges that all shares will be issued in the name of the Holder and will be sent to the Holder’s address of record with the Rights Agent. ' +
      'By completing this election, the undersigned hereby certifies that he has received and had an opportunity to read the Prospectus.',
    signatures: `The signature(s) must correspond in every particular, without alteration, with the name(s) as printed on the face of this ${name}.`,
  };
}

export const PAYMENT_METHODS = [
  `Check, Bank Draft, Cashier’s Check or Money Order payable to ${RIGHTS_AGENT.name} as Rights Agent`,
  `Wire Transfer directly to the bank account maintained by ${RIGHTS_AGENT.name} as Rights Agent, as the Prospectus describes`,
] as const;

/** The assignment form of the back of a transferable certificate. */
export function assignmentText(name: string): { body: string; signatures: string } {
  return {
    body:
      `FOR VALUE RECEIVED, the undersigned registered holder hereby sells, assigns and transfers unto ______________________________ (Name of Assignee) this ${name}, ` +
      'together with all right, title and interest therein, and does irrevocably direct the Rights Agent to transfer the rights of the undersigned registered holder on the books ' +
      'of the Rights Agent to such Assignee.',
    signatures:
      'The signature(s) of an executing Holder or an assigning Holder, in the event of an assignment, must correspond in every particular, without alteration, with the name(s) as ' +
      `printed on the face of this ${name}.`,
  };
}

/** §9: what a certificate for an address outside the United States says about itself. */
export const HELD_NOTICE =
  'HELD BY THE RIGHTS AGENT — NOT MAILED (Section 9: address outside the United States). The holder receives the Prospectus and the letter of Exhibit D; ' +
  'the Rights Agent exercises these rights only on the holder’s instruction and payment received before the Expiration Date.';
