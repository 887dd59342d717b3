import { useState } from 'react';
import { CASE_KINDS } from '../../../../shared/domain/lost';
import { affidavitSchema, openCaseInput, type CaseView } from '../../../../shared/ipc/lost';
import { useStatus } from '../../app/StatusContext';
import { CheckField } from '../../components/CheckField';
import { EntryForm } from '../../components/EntryForm';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useEntryForm } from '../../components/useEntryForm';
import { normalizeKeyedDate } from '../../lib/dates';
import { checkWith, formSchema } from '../../lib/validation';
import { isoOf, keyedDate, useLostCall } from './form-kit';

type Values = {
  certificateNumber: string; kind: string; discoveredOn: string; circumstances: string; policeReport: string;
  received: string; ownerName: string; tinLast4: string; address: string; rights: string; notEndorsedOrPledged: string;
};
const INITIAL: Values = { certificateNumber: '', kind: 'lost', discoveredOn: '', circumstances: '', policeReport: '', received: 'yes', ownerName: '', tinLast4: '', address: '', rights: '', notEndorsedOrPledged: 'yes' };
const a = affidavitSchema.shape;
const schema = formSchema<Values>((v) => ({
  certificateNumber: checkWith<Values>(openCaseInput.shape.certificateNumber, 'Certificate number'),
  discoveredOn: keyedDate<Values>('Discovered on'),
  circumstances: checkWith<Values>(openCaseInput.shape.circumstances, 'When and how'),
  policeReport: (p) => (v.kind === 'stolen' && p.trim() === '' ? 'Police report: a theft needs the police report reference' : null),
  ownerName: checkWith<Values>(a.ownerName, 'Owner'),
  tinLast4: checkWith<Values>(a.tinLast4, 'TIN (last four)'),
  address: checkWith<Values>(a.address, 'Address'),
  rights: (r) => (/^\d{1,9}$/.test(r.trim()) ? null : 'Rights on the affidavit: type the number of rights as digits'),
}));
const KIND_OPTIONS = CASE_KINDS.map((k) => ({ value: k, label: k[0]!.toUpperCase() + k.slice(1) }));

/** Opens a case from a certificate number (typed or scanned): the stop goes on at once. */
export function OpenCaseForm({ programId, onOpened }: { programId: number; onOpened: (c: CaseView) => void }) {
  const status = useStatus();
  const run = useLostCall();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useEntryForm<Values>({ id: 'open-case', initial: INITIAL, schema, normalize: (n) => (n === 'discoveredOn' ? normalizeKeyedDate : undefined), onProblem: (m) => status.report(m, 'problem') });
  const save = async () => {
    setProblem(null);
    if (!(await form.checkForSave())) return false;
    const v = form.values;
    const result = await run(
      'lost.openCase',
      {
        programId, certificateNumber: v.certificateNumber, kind: v.kind as (typeof CASE_KINDS)[number], discoveredOn: isoOf(v.discoveredOn, 'Discovered on'), circumstances: v.circumstances,
        ...(v.policeReport.trim() === '' ? {} : { policeReport: v.policeReport }),
        affidavit: { received: v.received === 'yes', ownerName: v.ownerName, tinLast4: v.tinLast4, address: v.address, rights: Number.parseInt(v.rights, 10), notEndorsedOrPledged: v.notEndorsedOrPledged === 'yes' },
      },
      (c) => `Case ${c.id} opened: ${c.certificateNumber} is stopped.${c.warnings.length > 0 ? ` ${c.warnings.join(' ')}` : ''}`,
    );
    if (!result.ok) {
      const field = result.field?.replace(/^affidavit\./, '');
      if (!(field && form.showFieldProblem(field, result.message))) setProblem(result.message);
      return false;
    }
    form.reset();
    onOpened(result.value);
    return true;
  };
  const toggle = (name: 'received' | 'notEndorsedOrPledged') => (checked: boolean) => form.setValue(name, checked ? 'yes' : 'no');
  return (
    <EntryForm title="Open a case" onSave={save} dirty={form.dirty} saveLabel="Open the case and stop the certificate" problem={problem}>
      <TextField label="Certificate number" field={form.bind('certificateNumber')} upperCase autoFocus hint="type or scan it, e.g. RT-000123" />
      <SelectField label="Kind" field={form.bind('kind')} options={KIND_OPTIONS} hint="L lost, S stolen, D destroyed, M mutilated" />
      <TextField label="Discovered on" field={form.bind('discoveredOn')} inputMode="numeric" hint="MMDDYY" />
      <TextField label="When and how" field={form.bind('circumstances')} />
      <TextField label="Police report" field={form.bind('policeReport')} hint="required for a theft" />
      <CheckField label="Affidavit received" field={form.bind('received')} onToggle={toggle('received')} />
      <TextField label="Owner" field={form.bind('ownerName')} hint="as on the affidavit" />
      <TextField label="TIN (last four)" field={form.bind('tinLast4')} inputMode="numeric" maxLength={4} hint="last four digits only" />
      <TextField label="Address" field={form.bind('address')} />
      <TextField label="Rights on the affidavit" field={form.bind('rights')} inputMode="numeric" />
      <CheckField label="Not endorsed or pledged" field={form.bind('notEndorsedOrPledged')} onToggle={toggle('notEndorsedOrPledged')} hint="the affidavit says so" />
    </EntryForm>
  );
}
