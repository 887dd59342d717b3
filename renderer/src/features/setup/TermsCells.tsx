/** The inputs of the Terms form's table of classes: one per cell, labelled for a screen reader. */
import type { FieldBinding } from '../../components/field-binding';

const STAGE_OPTIONS = [
  { value: '1', label: '1' },
  { value: '2', label: '2' },
];

/** A table cell's input: its label is the column heading on screen, and "Class n …" to a screen reader. */
export function CellInput({ label, field, width, upper, numeric }: { label: string; field: FieldBinding; width: number; upper?: boolean; numeric?: boolean }) {
  const errorId = `${field.id}-error`;
  return (
    <div className={field.error ? 'cell-field has-problem' : 'cell-field'}>
      <label htmlFor={field.id} className="visually-hidden">
        {label}
      </label>
      <input
        id={field.id}
        name={field.name}
        data-field
        value={field.value}
        onChange={field.onChange}
        onBlur={field.onBlur}
        size={width}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={field.error ? errorId : undefined}
        autoComplete="off"
        spellCheck={false}
        inputMode={numeric ? 'decimal' : undefined}
        className={upper ? 'upper' : undefined}
      />
      {field.error ? (
        <span id={errorId} className="field-problem">
          {field.error}
        </span>
      ) : null}
    </div>
  );
}

export function CellSelect({ label, field }: { label: string; field: FieldBinding }) {
  return (
    <>
      <label htmlFor={field.id} className="visually-hidden">
        {label}
      </label>
      <select id={field.id} name={field.name} data-field value={field.value} onChange={field.onChange} onBlur={field.onBlur}>
        {STAGE_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </>
  );
}
