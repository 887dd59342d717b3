/**
 * One item's letter to its holder — a deficiency, cure or rejection letter — as a labelled
 * button: main's save dialog chooses the file, a job prints it (progress and Cancel on the status
 * bar), and the status line says where it went. Mounted by the queue's item page.
 */
import type { ItemLetterKind } from './letter-kinds';
import { LETTER_WORDS, usePrintLetters } from './print-letters';

export interface PrintLetterActionProps {
  readonly programId: number;
  readonly item: { readonly kind: 'election' | 'odd-lot-order'; readonly id: number };
  readonly letter: ItemLetterKind;
}

const itemWords = (item: PrintLetterActionProps['item']): string => (item.kind === 'election' ? `election ${item.id}` : `odd-lot order ${item.id}`);

export function PrintLetterAction({ programId, item, letter }: PrintLetterActionProps) {
  const { busy, print } = usePrintLetters();
  const what = `the ${LETTER_WORDS[letter]} for ${itemWords(item)}`;
  return (
    // aria-disabled, not disabled: the focus stays on the button while its job runs.
    <button type="button" className="print-letter" aria-disabled={busy} onClick={() => void (busy ? undefined : print({ programId, item: { kind: item.kind, id: item.id }, letter }, what))}>
      {busy ? `Printing the ${LETTER_WORDS[letter]}…` : `Print the ${LETTER_WORDS[letter]}…`}
    </button>
  );
}
