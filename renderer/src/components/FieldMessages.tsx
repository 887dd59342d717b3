import type { FieldBinding } from './field-binding';

/** The ids that tie a field to its hint and its problem, and the `aria-describedby` naming them. */
export function fieldMessageIds(field: FieldBinding, hint: string | undefined) {
  const hintId = `${field.id}-hint`;
  const errorId = `${field.id}-error`;
  const describedBy = [hint ? hintId : null, field.error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return { hintId, errorId, describedBy };
}

/** A field's hint and, when there is one, its problem in words, beside it. */
export function FieldMessages({ field, hint }: { readonly field: FieldBinding; readonly hint?: string | undefined }) {
  const { hintId, errorId } = fieldMessageIds(field, hint);
  return (
    <>
      {hint ? (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      ) : null}
      {field.error ? (
        <span id={errorId} className="field-problem">
          {field.error}
        </span>
      ) : null}
    </>
  );
}
