import type { KeyboardEvent, ReactNode } from 'react';
import type { FieldBinding } from '../../components/field-binding';
import { FieldMessages, fieldMessageIds } from '../../components/FieldMessages';

interface YesNoFieldProps {
  readonly label: string;
  /** "yes" or "no". */
  readonly field: FieldBinding;
  readonly onAnswer: (yes: boolean) => void;
  readonly hint?: string;
  /** What the engine says of it (a deficiency in words with its code). */
  readonly note?: ReactNode;
}

/**
 * A question of the form answered with a check box: Space toggles, Y and N answer. A clean form
 * leaves it as it is, so Enter passes it by (data-enter-skip); Tab reaches it.
 */
export function YesNoField({ label, field, onAnswer, hint, note }: YesNoFieldProps) {
  const { describedBy } = fieldMessageIds(field, hint);
  const noteId = `${field.id}-note`;
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const key = e.key.toLowerCase();
    if ((key === 'y' || key === 'n') && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      onAnswer(key === 'y');
    }
  };
  return (
    <div className={field.error || note ? 'field check-field has-problem' : 'field check-field'}>
      <label htmlFor={field.id}>{label}</label>
      <span className="check-box">
        <input
          id={field.id}
          name={field.name}
          data-field
          data-enter-skip
          type="checkbox"
          checked={field.value === 'yes'}
          onChange={(e) => onAnswer(e.target.checked)}
          onKeyDown={onKeyDown}
          onBlur={field.onBlur}
          aria-describedby={[describedBy, note ? noteId : null].filter(Boolean).join(' ') || undefined}
        />
        <span aria-hidden="true" className="check-word">
          {field.value === 'yes' ? 'Yes' : 'No'}
        </span>
      </span>
      <FieldMessages field={field} hint={hint} />
      {note ? (
        <span id={noteId} className="field-problem deficiency-note">
          {note}
        </span>
      ) : null}
    </div>
  );
}
