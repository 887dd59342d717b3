/**
 * One item's letter from the letters view: the item (an election or an odd-lot order, by its
 * number) and the kind of letter, then the same print button the queue's item page shows. The
 * number is checked as typed; main refuses, in words, a letter the item does not call for.
 */
import { useId, useState } from 'react';
import { ITEM_LETTERS } from '../../../../shared/ipc/letters';
import type { ItemLetterKind } from './letter-kinds';
import { LETTER_WORDS } from './print-letters';
import { PrintLetterAction } from './PrintLetterAction';

type ItemKind = 'election' | 'odd-lot-order';

export function OneLetterForm({ programId }: { programId: number }) {
  const ids = { kind: useId(), number: useId(), letter: useId(), problem: useId() };
  const [kind, setKind] = useState<ItemKind>('election');
  const [number, setNumber] = useState('');
  const [letter, setLetter] = useState<ItemLetterKind>('deficiency');
  const id = /^\d{1,9}$/.test(number.trim()) ? Number.parseInt(number.trim(), 10) : null;
  const problem = number.trim() === '' ? null : id === null || id === 0 ? 'Number: type the item’s number in digits, e.g. 12' : null;
  return (
    <fieldset className="one-letter">
      <legend>One item’s letter</legend>
      <span className="field inline">
        <label htmlFor={ids.kind}>Item</label>
        <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as ItemKind)}>
          <option value="election">Election</option>
          <option value="odd-lot-order">Odd-lot order</option>
        </select>
      </span>
      <span className="field inline">
        <label htmlFor={ids.number}>Number</label>
        <input id={ids.number} inputMode="numeric" value={number} onChange={(e) => setNumber(e.target.value)} aria-invalid={problem !== null} aria-describedby={problem ? ids.problem : undefined} />
      </span>
      <span className="field inline">
        <label htmlFor={ids.letter}>Letter</label>
        <select id={ids.letter} value={letter} onChange={(e) => setLetter(e.target.value as ItemLetterKind)}>
          {ITEM_LETTERS.map((l) => (
            <option key={l} value={l}>
              {LETTER_WORDS[l]}
            </option>
          ))}
        </select>
      </span>
      {problem ? <p id={ids.problem} className="field-problem">{problem}</p> : null}
      {id !== null && id > 0 ? <PrintLetterAction programId={programId} item={{ kind, id }} letter={letter} /> : null}
    </fieldset>
  );
}
