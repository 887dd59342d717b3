import type { HTMLAttributes, KeyboardEvent, ReactNode } from 'react';
import type { FieldBinding } from '../../components/field-binding';
import { FieldMessages, fieldMessageIds } from '../../components/FieldMessages';

interface KeyedFieldProps {
  readonly label: string;
  readonly field: FieldBinding;
  readonly hint?: string;
  readonly inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  readonly maxLength?: number;
  /** Reached with Tab only: a clean form leaves it blank (see EntryForm). */
  readonly enterSkips?: boolean;
  readonly upperCase?: boolean;
  /** What the engine says of it (a deficiency in words with its code), beside the field. */
  readonly note?: ReactNode;
  readonly onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void;
  readonly onBlur?: () => void;
  readonly autoFocus?: boolean;
}

/** A labelled input of the election form, with its hint, its problem and the engine's note beside it. */
export function KeyedField({ label, field, hint, inputMode, maxLength, enterSkips, upperCase, note, onKeyDown, onBlur, autoFocus }: KeyedFieldProps) {
  const { describedBy } = fieldMessageIds(field, hint);
  const noteId = `${field.id}-note`;
  return (
    <div className={field.error || note ? 'field has-problem' : 'field'}>
      <label htmlFor={field.id}>{label}</label>
      <input
        id={field.id}
        name={field.name}
        data-field
        data-enter-skip={enterSkips ? true : undefined}
        type="text"
        value={field.value}
        onChange={field.onChange}
        onKeyDown={onKeyDown}
        onBlur={() => {
          field.onBlur();
          onBlur?.();
        }}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={[describedBy, note ? noteId : null].filter(Boolean).join(' ') || undefined}
        autoComplete="off"
        spellCheck={false}
        inputMode={inputMode}
        maxLength={maxLength}
        className={upperCase ? 'upper' : undefined}
        autoFocus={autoFocus}
      />
      <FieldMessages field={field} hint={hint} />
      {note ? (
        <span id={noteId} className="field-problem deficiency-note">
          {note}
        </span>
      ) : null}
    </div>
  );
}
