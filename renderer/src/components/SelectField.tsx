import { FieldMessages, fieldMessageIds } from './FieldMessages';
import type { FieldBinding } from './field-binding';

interface SelectFieldProps {
  readonly label: string;
  readonly field: FieldBinding;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly hint?: string;
  readonly autoFocus?: boolean;
}

/** A labelled choice; typing the first letter of an option picks it. */
export function SelectField({ label, field, options, hint, autoFocus }: SelectFieldProps) {
  const { describedBy } = fieldMessageIds(field, hint);
  return (
    <div className={field.error ? 'field has-problem' : 'field'}>
      <label htmlFor={field.id}>{label}</label>
      <select
        id={field.id}
        name={field.name}
        data-field
        value={field.value}
        onChange={field.onChange}
        onBlur={field.onBlur}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy}
        autoFocus={autoFocus}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessages field={field} hint={hint} />
    </div>
  );
}
