import type { ChangeEvent, ReactNode } from 'react';
import { isValidAbaRouting } from '../../../../shared/domain/aba';
import { METHOD_WORDS, PAYMENT_METHODS_KEYED } from '../../../../shared/ipc/intake-forms';
import type { FieldBinding } from '../../components/field-binding';
import { FieldMessages } from '../../components/FieldMessages';
import type { PaymentValues } from './election-values';
import { KeyedField } from './KeyedField';

/**
 * A routing number moves on by itself once its nine digits are in and its check digit is right —
 * at once, inside the keystroke: a digit typed right after the ninth (a fast clerk, a busy machine)
 * must land in the check number, not be dropped by the full routing field.
 */
function advancingRouting(field: FieldBinding, nextId: string): FieldBinding {
  return {
    ...field,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
      field.onChange(e);
      if (isValidAbaRouting(e.target.value.trim())) document.getElementById(nextId)?.focus();
    },
  };
}

/** The method: Check unless changed; Tab reaches it (Enter passes it by), its first letter picks. */
function MethodField({ label, field }: { readonly label: string; readonly field: FieldBinding }) {
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <select id={field.id} name={field.name} data-field data-enter-skip value={field.value} onChange={field.onChange} onBlur={field.onBlur} aria-describedby={`${field.id}-hint`}>
        {PAYMENT_METHODS_KEYED.map((m) => (
          <option key={m} value={m}>
            {METHOD_WORDS[m]}
          </option>
        ))}
      </select>
      <FieldMessages field={field} hint="first letter picks" />
    </div>
  );
}

/**
 * The payments that came with the form, one row each; Alt+A adds a row. On a clean check Enter
 * goes amount → routing number (which moves on by itself) → check number, which saves; the
 * account number and the payer (carried in from the registration) are reached with Tab.
 */
export function PaymentRows({ rows, bind, note, onAdd, single }: { readonly rows: readonly PaymentValues[]; readonly bind: (name: string) => FieldBinding; readonly note: ReactNode; readonly onAdd: () => void; readonly single?: boolean }) {
  return (
    <fieldset className="payments">
      <legend>Payments</legend>
      {rows.map((p, i) => {
        const at = (f: string) => bind(`payments.${i}.${f}`);
        const n = rows.length > 1 ? ` ${i + 1}` : '';
        return (
          <div className="payment-row" key={i} role="group" aria-label={`Payment${n}`}>
            <MethodField label={`Method${n}`} field={at('method')} />
            <KeyedField label={`Amount${n}`} field={at('amount')} inputMode="decimal" hint="dollars and cents" />
            {p.method === 'wire' ? (
              <KeyedField label={`Wire reference${n}`} field={at('reference')} hint="as on the bank’s advice" />
            ) : (
              <>
                <KeyedField label={`Routing number${n}`} field={advancingRouting(at('abaRouting'), `election-payments.${i}.checkNumber`)} inputMode="numeric" maxLength={9} enterSkips={p.method !== 'check'} hint="9 digits, check digit last" />
                <KeyedField label={`Check number${n}`} field={at('checkNumber')} inputMode="numeric" maxLength={15} hint={p.method === 'money-order' ? 'the money order’s serial number' : undefined} />
                <KeyedField label={`Account number${n}`} field={at('bankAccount')} inputMode="numeric" maxLength={17} enterSkips />
              </>
            )}
            <KeyedField label={`Payer${n}`} field={at('payer')} enterSkips hint="as printed on the check" />
          </div>
        );
      })}
      {note ? <p className="field-problem deficiency-note">{note}</p> : null}
      {single ? null : (
        <button type="button" onClick={onAdd}>
          Add another payment <span className="key-hint">Alt+A</span>
        </button>
      )}
    </fieldset>
  );
}
