import type { HTMLAttributes } from 'react';
import { FieldMessages, fieldMessageIds } from './FieldMessages';
import type { FieldBinding } from './field-binding';

interface TextFieldProps {
  readonly label: string;
  readonly field: FieldBinding;
  readonly type?: 'text' | 'password';
  readonly hint?: string;
  readonly autoComplete?: string;
  readonly inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  readonly maxLength?: number;
  readonly autoFocus?: boolean;
  readonly upperCase?: boolean;
}

/** A labelled input with its hint and its problem beside it, tied together for screen readers. */
export function TextField({ label, field, type = 'text', hint, autoComplete = 'off', inputMode, maxLength, autoFocus, upperCase }: TextFieldProps) {
  const { describedBy } = fieldMessageIds(field, hint);
  return (
    <div className={field.error ? 'field has-problem' : 'field'}>
      <label htmlFor={field.id}>{label}</label>
      <input
        id={field.id}
        name={field.name}
        data-field
        type={type}
        value={field.value}
        onChange={field.onChange}
        onBlur={field.onBlur}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy}
        autoComplete={autoComplete}
        spellCheck={false}
        inputMode={inputMode}
        maxLength={maxLength}
        autoFocus={autoFocus}
        className={upperCase ? 'upper' : undefined}
      />
      <FieldMessages field={field} hint={hint} />
    </div>
  );
}
