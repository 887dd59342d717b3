import { FieldMessages, fieldMessageIds } from './FieldMessages';
import type { FieldBinding } from './field-binding';

interface CheckFieldProps {
  readonly label: string;
  /** The field's value is "yes" or "no". */
  readonly field: FieldBinding;
  readonly onToggle: (checked: boolean) => void;
  readonly hint?: string;
  /** Hide the label visually where a column heading already says it (tables). */
  readonly labelHidden?: boolean;
  readonly bare?: boolean;
}

/** A labelled check box: Space toggles it, Enter moves on like any other field. */
export function CheckField({ label, field, onToggle, hint, labelHidden, bare }: CheckFieldProps) {
  const { errorId, describedBy } = fieldMessageIds(field, hint);
  const input = (
    <input
      id={field.id}
      name={field.name}
      data-field
      type="checkbox"
      checked={field.value === 'yes'}
      onChange={(e) => onToggle(e.target.checked)}
      onBlur={field.onBlur}
      aria-invalid={field.error ? true : undefined}
      aria-describedby={describedBy}
    />
  );
  if (bare) {
    return (
      <>
        <label htmlFor={field.id} className="visually-hidden">
          {label}
        </label>
        {input}
        {field.error ? (
          <span id={errorId} className="field-problem">
            {field.error}
          </span>
        ) : null}
      </>
    );
  }
  return (
    <div className={field.error ? 'field check-field has-problem' : 'field check-field'}>
      <label htmlFor={field.id} className={labelHidden ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <span className="check-box">
        {input}
        <span aria-hidden="true" className="check-word">
          {field.value === 'yes' ? 'Yes' : 'No'}
        </span>
      </span>
      <FieldMessages field={field} hint={hint} />
    </div>
  );
}
