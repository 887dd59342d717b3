/**
 * Channels' inputs and results for letters to holders: one letter for one item (a deficiency,
 * cure or rejection letter for an election or odd-lot order), or a bulk run (every cure,
 * rejection or foreign-holder letter not yet printed), through the jobs channel; and the letters
 * printed for a program. The renderer names only a program, an item and a kind of letter: the
 * file is chosen in main's own dialog.
 */
import { z } from 'zod';
import { labelled } from './labels';

const positiveId = (label: string) =>
  labelled(z.number({ error: `${label} must be a number` }).int(`${label} must be a whole number`).positive(`${label} must be positive`), label);

export const LETTER_KINDS = ['deficiency', 'cure', 'rejection', 'foreign-holder'] as const;
export type LetterKindName = (typeof LETTER_KINDS)[number];
export const ITEM_LETTERS = ['deficiency', 'cure', 'rejection'] as const;
export const BULK_LETTERS = ['cure', 'rejection', 'foreign-holder'] as const;

export const letterItemInput = labelled(
  z.object({ kind: labelled(z.enum(['election', 'odd-lot-order'], { error: 'Item: choose an election or an odd-lot order' }), 'Item'), id: positiveId('Item') }).strict(),
  'Item',
);

/**
 * One item's letter (`item` and `letter`), or every letter of a kind still owed (`bulk`): one
 * object, so that an unknown field is named like on every channel.
 */
export const printLettersInput = z
  .object({
    programId: positiveId('Program'),
    item: letterItemInput.optional(),
    letter: labelled(z.enum(ITEM_LETTERS, { error: 'Letter: choose a deficiency, cure or rejection letter' }), 'Letter').optional(),
    bulk: labelled(z.enum(BULK_LETTERS, { error: 'Letters: choose cure, rejection or foreign-holder letters' }), 'Letters').optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.bulk !== undefined && (v.item !== undefined || v.letter !== undefined)) ctx.addIssue({ code: 'custom', path: ['bulk'], message: 'Letters: print one item’s letter or a kind of letters in bulk, not both' });
    else if (v.bulk === undefined && v.item === undefined) ctx.addIssue({ code: 'custom', path: ['item'], message: 'Item: name the election or odd-lot order the letter is for' });
    else if (v.bulk === undefined && v.letter === undefined) ctx.addIssue({ code: 'custom', path: ['letter'], message: 'Letter: choose a deficiency, cure or rejection letter' });
  });
export const lettersListInput = z.object({ programId: positiveId('Program') }).strict();

export interface LetterView {
  readonly id: number;
  readonly kind: LetterKindName;
  /** "Election 12", "Odd-lot order 3", "Certificate RT-000001". */
  readonly concerning: string;
  readonly electionId: number | null;
  readonly oddLotOrderId: number | null;
  readonly certificateId: number | null;
  readonly decisionId: number | null;
  /** ISO UTC. */
  readonly printedAt: string;
  readonly printedBy: string;
  readonly fileSha256: string;
}

/** What a finished letters job answers. */
export interface LettersPrintedView {
  readonly letters: number;
  readonly pages: number;
  readonly files: readonly { readonly fileName: string; readonly letters: number; readonly pages: number; readonly sha256: string }[];
}

/** Letters still owed by a program, for the bulk buttons. */
export interface LettersDueView {
  readonly cure: number;
  readonly rejection: number;
  readonly foreignHolder: number;
}

export interface LettersListView {
  readonly letters: readonly LetterView[];
  readonly due: LettersDueView;
}
