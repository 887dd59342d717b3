import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useFieldArray } from 'react-hook-form';
import { deriveExpiration, type CalendarName } from '../../../../shared/domain/calendar';
import type { ProgramTerms } from '../../../../shared/domain/terms';
import type { AmendmentView, ProgramSummary, TermsVersionView } from '../../../../shared/ipc/types';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { CheckField } from '../../components/CheckField';
import { EntryForm } from '../../components/EntryForm';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { FieldBinding } from '../../components/field-binding';
import { useEntryForm } from '../../components/useEntryForm';
import { parseKeyedDate } from '../../lib/dates';
import { flattenValues, formSchema } from '../../lib/validation';
import { classLabel, LABELS, movedEarlier, termsChecks, wholeTermsProblem, type TermsCheckContext } from './terms-checks';
import { CellInput, CellSelect } from './TermsCells';
import { usWallTime } from '../../../../shared/ipc/terms-record';
import {
  blankClassRow,
  blankValues,
  classField,
  classRowCount,
  normalizeField,
  fieldForPath,
  formatWallTime,
  NO,
  termsToValues,
  toFormValues,
  valuesToTerms,
  YES,
  type ClassField,
  type TermsFormValues,
  type TermsValues,
} from './terms-form';


const BASIS_OPTIONS = [
  { value: 'derived', label: 'By rule: first business day after the 29th day after issue, 5:00 p.m.' },
  { value: 'entered', label: 'Entered date and time' },
];
const PRORATION_OPTIONS = [
  { value: 'requested', label: 'Requested: pro rata to shares requested' },
  { value: 'basic', label: 'Basic: pro rata to basic shares exercised' },
];

interface TermsFormProps {
  readonly program: ProgramSummary;
  /** The version the form starts from (an amendment); absent for the original terms. */
  readonly current: TermsVersionView | null;
  readonly onSaved: (version: TermsVersionView) => void;
  readonly onClose: (discarded: boolean) => void;
  /** Certificates are out: the form proposes an amendment for another supervisor to approve, instead of recording a version. */
  readonly onProposed?: ((amendment: AmendmentView) => void) | undefined;
}

/** Records the original terms or amends them; prefilled from the current version. */
export function TermsForm({ program, current, onSaved, onClose, onProposed }: TermsFormProps) {
  const call = useDesk();
  const status = useStatus();
  const kind = program.kind;
  const base: ProgramTerms | undefined = current?.terms;
  const [problem, setProblem] = useState<string | null>(null);
  const calendar = (base?.businessDays ?? 'NYSE') as CalendarName;
  const currentExpiresAt = current?.derived.expiresAt ?? null;
  const context = useMemo<TermsCheckContext>(() => ({ calendar, currentExpiresAt }), [calendar, currentExpiresAt]);
  // The checks follow the rows keyed so far: formSchema runs them on the flat values.
  const schema = useMemo(() => formSchema<TermsValues>((flat) => termsChecks(kind, classRowCount(flat), context)), [kind, context]);
  const form = useEntryForm<TermsFormValues>({
    id: `terms-${program.id}`,
    // The confirmation of an earlier expiration and its reason show only when the keyed expiration is earlier.
    initial: toFormValues({ ...(base ? termsToValues(base) : blankValues(kind, program.recordDate)), confirmEarlier: NO, earlierReason: '' }),
    schema,
    normalize: normalizeField,
    onProblem: (m) => status.report(m, 'problem'),
  });
  const classes = useFieldArray({ control: form.form.control, name: 'classes' });
  const rows = classes.fields.length;
  const v = form.values as Readonly<Record<string, string>>;
  const amending = current !== null;
  const issued = parseKeyedDate(v.certificateIssueDate ?? '', 'Certificate issue date');
  const byRule = issued.ok ? `${formatWallTime(deriveExpiration(issued.iso, calendar))} New York` : null;
  const moved = movedEarlier(kind, v, context);

  // The field to focus once a row added or removed is on screen, in the same commit.
  const focusNext = useRef<string | null>(null);
  useLayoutEffect(() => {
    const name = focusNext.current;
    focusNext.current = null;
    if (name !== null) document.getElementById(`terms-${program.id}-${name}`)?.focus();
  });
  const focusSoon = (name: string) => {
    focusNext.current = name;
  };

  const addRow = (after: number) => {
    classes.insert(after + 1, blankClassRow(), { shouldFocus: false });
    status.report(`Class row ${after + 2} added.`, 'info');
    focusSoon(classField(after + 1, 'code'));
  };

  const removeRow = (row: number) => {
    if (rows <= 1) {
      status.report('A rights offering needs at least one class of rights.', 'problem');
      return;
    }
    classes.remove(row);
    status.report(`Class row ${row + 1} removed.`, 'info');
    focusSoon(classField(Math.min(row, rows - 2), 'code'));
  };

  /** Alt+Insert adds a row below; Alt+Delete removes this row. */
  const onRowKeys = (row: number) => (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (e.altKey && e.key === 'Insert') {
      e.preventDefault();
      addRow(row);
    } else if (e.altKey && e.key === 'Delete') {
      e.preventDefault();
      removeRow(row);
    }
  };

  const toggle = (name: string) => (checked: boolean) => form.setValue(name, checked ? YES : NO);

  const save = async () => {
    setProblem(null);
    if (!(await form.checkForSave())) return false;
    const flat = flattenValues(form.form.getValues());
    const whole = wholeTermsProblem(kind, flat, rows, base);
    if (whole) {
      status.report(whole.message, 'problem');
      if (whole.field && form.showFieldProblem(whole.field, whole.message)) document.getElementById(form.bind(whole.field).id)?.focus();
      else setProblem(whole.message);
      return false;
    }
    const earlier = movedEarlier(kind, flat, context) ? { confirmEarlierExpiration: flat.confirmEarlier === YES, earlierExpirationReason: flat.earlierReason ?? '' } : {};
    const input = { programId: program.id, reason: flat.reason ?? '', terms: valuesToTerms(kind, flat, rows, base), ...earlier };
    const result = onProposed ? await call('terms.proposeAmendment', input) : await call('terms.record', input);
    if (!result.ok) {
      const field = result.error.field ? fieldForPath(result.error.field) : null;
      if (!(field && form.showFieldProblem(field, result.error.message))) setProblem(result.error.message);
      status.report(result.error.message, 'problem');
      return false;
    }
    if ('status' in result.value) {
      status.report(`Amendment #${result.value.id} proposed: another supervisor must approve it.`, 'done');
      onProposed?.(result.value);
      return true;
    }
    status.report(`Terms version ${result.value.version} recorded: ${result.value.reason}.`, 'done');
    onSaved(result.value);
    return true;
  };

  const cell = (row: number, name: ClassField): FieldBinding => form.bind(classField(row, name));

  return (
    <EntryForm
      title={onProposed && amending ? `Propose an amendment of version ${current.version} (another supervisor approves it)` : amending ? `Amend terms (will be version ${current.version + 1})` : 'Record terms (version 1, original terms)'}
      onSave={save}
      onAbandon={onClose}
      dirty={form.dirty}
      saveLabel={onProposed ? 'Propose amendment' : amending ? 'Record amendment' : 'Record terms'}
      problem={problem}
      className="terms-form"
    >
      {kind === 'rights-offering' ? (
        <>
          <TextField label={LABELS.subscriptionPrice!} field={form.bind('subscriptionPrice')} inputMode="decimal" hint="Dollars per share, e.g. 5 → 5.00" autoFocus />
          <TextField label={LABELS.maxShares!} field={form.bind('maxShares')} inputMode="numeric" hint="Whole shares, digits only" />
          <TextField label={LABELS.recordDate!} field={form.bind('recordDate')} inputMode="numeric" hint="MMDDYY, MMDDYYYY or MM/DD/YYYY" />
          <TextField label={LABELS.certificateIssueDate!} field={form.bind('certificateIssueDate')} inputMode="numeric" hint="MMDDYY, MMDDYYYY or MM/DD/YYYY" />
          <SelectField label={LABELS.expirationBasis!} field={form.bind('expirationBasis')} options={BASIS_OPTIONS} hint={byRule ? `By rule: ${byRule}. B: by rule, E: entered` : 'B: by rule, E: entered'} />
          {v.expirationBasis === 'entered' ? (
            <>
              <TextField label={LABELS.expirationDate!} field={form.bind('expirationDate')} inputMode="numeric" hint="MMDDYY, MMDDYYYY or MM/DD/YYYY" />
              <TextField label={LABELS.expirationTime!} field={form.bind('expirationTime')} inputMode="numeric" hint="HHMM, New York time (1700 = 5:00 p.m.)" />
            </>
          ) : null}
          <CheckField label={LABELS.guaranteedDelivery!} field={form.bind('guaranteedDelivery')} onToggle={toggle('guaranteedDelivery')} hint="Space toggles (Notice of Guaranteed Delivery, §5b)" />
          {v.guaranteedDelivery === YES ? (
            <TextField label={LABELS.coverBusinessDays!} field={form.bind('coverBusinessDays')} inputMode="numeric" hint="Business days after expiration for the certificate" />
          ) : null}
          <SelectField label={LABELS.prorationBasis!} field={form.bind('prorationBasis')} options={PRORATION_OPTIONS} hint="R: requested, B: basic" />
          <CheckField label={LABELS.requireFullBasic!} field={form.bind('requireFullBasic')} onToggle={toggle('requireFullBasic')} hint="Oversubscription only after the basic rights in full" />
          <fieldset className="terms-classes-edit">
            <legend>Classes of rights</legend>
            <p className="field-hint">Alt+Insert adds a row below, Alt+Delete removes the row you are in.</p>
            <p className="field-hint">
              <strong>Firm rights per unit:</strong> rights per share or unit held on the record date, rounded down. <strong>Oversubscription:</strong> the class may ask for more than its firm rights.{' '}
              <strong>Stage:</strong> 1 for the first offer; 2 for rights sold later (e.g. to lenders) from what the others did not take.
            </p>
            <table className="grid">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Code</th>
                  <th scope="col">Colour</th>
                  <th scope="col">Firm rights per unit</th>
                  <th scope="col">Oversubscription</th>
                  <th scope="col">Transferable</th>
                  <th scope="col">Stage</th>
                  <th scope="col">
                    <span className="visually-hidden">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {classes.fields.map((row, i) => (
                  <tr key={row.id} onKeyDown={onRowKeys(i)}>
                    <th scope="row">{i + 1}</th>
                    <td>
                      <CellInput label={classLabel(i, 'code')} field={cell(i, 'code')} width={5} upper />
                    </td>
                    <td>
                      <CellInput label={classLabel(i, 'colour')} field={cell(i, 'colour')} width={8} upper />
                    </td>
                    <td>
                      <CellInput label={classLabel(i, 'firmRightsPerUnit')} field={cell(i, 'firmRightsPerUnit')} width={8} numeric />
                    </td>
                    <td className="check-cell">
                      <CheckField bare label={classLabel(i, 'oversubscription')} field={cell(i, 'oversubscription')} onToggle={toggle(classField(i, 'oversubscription'))} />
                    </td>
                    <td className="check-cell">
                      <CheckField bare label={classLabel(i, 'transferable')} field={cell(i, 'transferable')} onToggle={toggle(classField(i, 'transferable'))} />
                    </td>
                    <td>
                      <CellSelect label={classLabel(i, 'stage')} field={cell(i, 'stage')} />
                    </td>
                    <td>
                      <button type="button" className="link" onClick={() => removeRow(i)} aria-label={`Remove class row ${i + 1}`} disabled={rows <= 1}>
                        Remove
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="button" onClick={() => addRow(rows - 1)}>
              Add class row <span className="key-hint">Alt+Insert</span>
            </button>
          </fieldset>
        </>
      ) : (
        <>
          <TextField label={LABELS.processingFeePerShare!} field={form.bind('processingFeePerShare')} inputMode="decimal" hint="Dollars per share, e.g. 0.65" autoFocus />
          <TextField label={LABELS.roundLot!} field={form.bind('roundLot')} inputMode="numeric" hint="Shares; holders of fewer may take part" />
          <TextField label={LABELS.recordDate!} field={form.bind('recordDate')} inputMode="numeric" hint="MMDDYY, MMDDYYYY or MM/DD/YYYY" />
          <TextField label={LABELS.expiryDate!} field={form.bind('expiryDate')} inputMode="numeric" hint="MMDDYY, MMDDYYYY or MM/DD/YYYY" />
          <TextField label={LABELS.expiryTime!} field={form.bind('expiryTime')} inputMode="numeric" hint="HHMM, New York time (1700 = 5:00 p.m.)" />
          <TextField label={LABELS.excludedJurisdictions!} field={form.bind('excludedJurisdictions')} upperCase hint='Comma-separated codes, e.g. "CA, US-NY"; empty for none' />
          <CheckField label={LABELS.planSharesExcluded!} field={form.bind('planSharesExcluded')} onToggle={toggle('planSharesExcluded')} hint="Employee benefit plan shares do not count" />
          <TextField label={LABELS.backupWithholdingPercent!} field={form.bind('backupWithholdingPercent')} inputMode="decimal" hint="Percent, e.g. 24" />
        </>
      )}
      {moved ? (
        <fieldset className="terms-earlier">
          <legend>
            Expiration moves earlier: from {usWallTime(moved.from)} to {usWallTime(moved.to)} New York time
          </legend>
          <CheckField label={LABELS.confirmEarlier!} field={form.bind('confirmEarlier')} onToggle={toggle('confirmEarlier')} hint="Space confirms: holders get less time than the current terms give" />
          <TextField label={LABELS.earlierReason!} field={form.bind('earlierReason')} hint="e.g. Company shortened the offer per notice of 11/20/2003" />
        </fieldset>
      ) : null}
      <TextField label={LABELS.reason!} field={form.bind('reason')} hint={amending ? 'e.g. Extension per press release' : 'e.g. Original terms'} />
    </EntryForm>
  );
}
