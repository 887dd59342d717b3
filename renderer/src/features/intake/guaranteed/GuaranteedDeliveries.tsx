import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { guaranteedPaymentMethods, type GuaranteedNoticeInput } from '../../../../../shared/ipc/intake-more';
import { useDesk } from '../../../app/DeskContext';
import { useStatus } from '../../../app/StatusContext';
import { EntryForm } from '../../../components/EntryForm';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { useEntryForm } from '../../../components/useEntryForm';
import { invalidateTopics, useDeskQuery } from '../../../frame/query';
import { normalizeMoney, normalizeShares, plainDecimal } from '../../../lib/amounts';
import { formatIsoDate } from '../../../lib/dates';
import { formSchema } from '../../../lib/validation';
import { EnvelopeField } from '../more/EnvelopeField';
import { keyedCertificate, moneyCheck, requiredText, sharesCheck, sharesOf } from '../more/keyed';

type Values = { envelopeId: string; institution: string; account: string; certificateNumber: string; rights: string; basicShares: string; oversubscriptionShares: string; method: string; amount: string; payer: string; reference: string };
const INITIAL: Values = { envelopeId: '', institution: '', account: '', certificateNumber: '', rights: '', basicShares: '', oversubscriptionShares: '0', method: 'wire', amount: '', payer: '', reference: '' };
const METHOD_LABELS: Record<(typeof guaranteedPaymentMethods)[number], string> = { wire: 'Wire', dtc: 'DTC settlement', 'certified-check': 'Certified check', 'bank-draft': 'Bank draft', 'money-order': 'Money order', check: 'Check' };
const METHODS = guaranteedPaymentMethods.map((m) => ({ value: m, label: METHOD_LABELS[m] }));
const schema = formSchema<Values>(() => ({
  envelopeId: requiredText('Envelope'), institution: requiredText('Eligible institution'), account: requiredText('Holder account'), certificateNumber: requiredText('Certificate number'),
  rights: sharesCheck('Rights'), basicShares: sharesCheck('Basic shares'), oversubscriptionShares: sharesCheck('Oversubscription shares'), amount: moneyCheck('Payment amount'), payer: requiredText('Payer'),
}));
const NORMALIZE: Record<string, (v: string) => string> = { amount: normalizeMoney, rights: normalizeShares, basicShares: normalizeShares, certificateNumber: keyedCertificate };

const inputOf = (v: Values): GuaranteedNoticeInput => ({
  envelopeId: Number(v.envelopeId), institution: v.institution.trim(), account: v.account.trim().toUpperCase(), certificateNumbers: [keyedCertificate(v.certificateNumber)],
  rights: sharesOf(v.rights), basicShares: sharesOf(v.basicShares), oversubscriptionShares: sharesOf(v.oversubscriptionShares),
  payment: { method: v.method as GuaranteedNoticeInput['payment']['method'], amount: plainDecimal(v.amount), payer: v.payer.trim(), reference: v.reference.trim() },
});

function NoticeForm({ programId }: { programId: number }) {
  const call = useDesk();
  const status = useStatus();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useEntryForm<Values>({ id: 'guaranteed', initial: INITIAL, schema, normalize: (n) => NORMALIZE[n], onProblem: (m) => status.report(m, 'problem') });
  const save = async () => {
    setProblem(null);
    if (!(await form.checkForSave())) return false;
    const result = await call('guaranteed.save', inputOf(form.values));
    if (!result.ok) {
      const field = result.error.field?.replace('certificateNumbers.0', 'certificateNumber').replace('payment.', '');
      if (!(field && form.showFieldProblem(field, result.error.message))) setProblem(result.error.message);
      status.report(result.error.message, 'problem');
      return false;
    }
    form.reset({ envelopeId: form.values.envelopeId });
    await invalidateTopics(queryClient, ['intake']);
    status.report(`Notice saved: ${result.value.certificateNumbers.join(', ')} due by 5:00 p.m. on ${formatIsoDate(result.value.dueDate)}.`, 'done');
    return true;
  };
  return (
    <EntryForm title="Notice of Guaranteed Delivery" onSave={save} onAbandon={() => form.reset({ envelopeId: form.values.envelopeId })} dirty={form.dirty} saveLabel="Save notice" problem={problem}>
      <EnvelopeField programId={programId} field={form.bind('envelopeId')} autoFocus />
      <TextField label="Eligible institution" field={form.bind('institution')} />
      <TextField label="Holder account" field={form.bind('account')} upperCase />
      <TextField label="Certificate number" field={form.bind('certificateNumber')} upperCase hint="one notice per certificate" />
      <TextField label="Rights" field={form.bind('rights')} inputMode="numeric" />
      <TextField label="Basic shares" field={form.bind('basicShares')} inputMode="numeric" />
      <TextField label="Oversubscription shares" field={form.bind('oversubscriptionShares')} inputMode="numeric" />
      <SelectField label="Payment method" field={form.bind('method')} options={METHODS} hint="payment must arrive by expiration" />
      <TextField label="Payment amount" field={form.bind('amount')} inputMode="decimal" />
      <TextField label="Payer" field={form.bind('payer')} />
      <TextField label="Reference" field={form.bind('reference')} hint="wire reference or check number" />
    </EntryForm>
  );
}

type CoverValues = { noticeId: string; envelopeId: string; certificateNumber: string };
const coverSchema = formSchema<CoverValues>(() => ({ noticeId: requiredText('Notice'), envelopeId: requiredText('Envelope'), certificateNumber: requiredText('Certificate number') }));

/** The notices awaiting their certificates (with the due date), and recording a certificate that arrived. */
function AwaitingNotices({ programId }: { programId: number }) {
  const call = useDesk();
  const status = useStatus();
  const queryClient = useQueryClient();
  const notices = useDeskQuery('guaranteed.list', { programId }, { topics: ['intake'] });
  const [problem, setProblem] = useState<string | null>(null);
  const form = useEntryForm<CoverValues>({ id: 'cover', initial: { noticeId: '', envelopeId: '', certificateNumber: '' }, schema: coverSchema, normalize: (n) => (n === 'certificateNumber' ? keyedCertificate : undefined) });
  const awaiting = (notices.data ?? []).filter((n) => n.state === 'awaiting');
  const save = async () => {
    setProblem(null);
    if (!(await form.checkForSave())) return false;
    const v = form.values;
    const result = await call('guaranteed.cover', { noticeId: Number(v.noticeId), envelopeId: Number(v.envelopeId), certificateNumber: keyedCertificate(v.certificateNumber) });
    if (!result.ok) {
      if (!(result.error.field && form.showFieldProblem(result.error.field, result.error.message))) setProblem(result.error.message);
      return false;
    }
    form.reset({ envelopeId: v.envelopeId });
    await invalidateTopics(queryClient, ['intake']);
    status.report(result.value.state === 'covered' ? `${result.value.certificateNumbers.join(', ')} arrived in time: the election is complete.` : `${v.certificateNumber} recorded, after the due time: not covered.`, result.value.state === 'covered' ? 'done' : 'problem');
    return true;
  };
  return (
    <>
      <table className="plain-list" aria-label="Notices of guaranteed delivery">
        <caption>Notices (awaiting their certificates first)</caption>
        <thead>
          <tr><th>Notice</th><th>Institution</th><th>Account</th><th>Certificate</th><th>Rights</th><th>Due by 5:00 p.m.</th><th>State</th><th>Deficiencies</th></tr>
        </thead>
        <tbody>
          {(notices.data ?? []).map((n) => (
            <tr key={n.noticeId}>
              <td>{n.noticeId}</td><td>{n.institution}</td><td className="code">{n.account}</td><td className="code">{n.certificateNumbers.join(', ')}</td><td>{n.rights}</td>
              <td>{formatIsoDate(n.dueDate)}</td><td>{n.state === 'awaiting' ? 'Awaiting certificate' : n.state === 'covered' ? 'Covered' : 'Not covered'}</td>
              <td>{n.assessment.deficiencies.length === 0 ? 'None' : n.assessment.deficiencies.map((d) => `${d.title} (${d.code})`).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <EntryForm title="A certificate arrived for a notice" onSave={save} dirty={form.dirty} saveLabel="Record arrival" problem={problem}>
        <SelectField label="Notice" field={form.bind('noticeId')} options={[{ value: '', label: 'Choose a notice' }, ...awaiting.map((n) => ({ value: String(n.noticeId), label: `${n.noticeId}: ${n.certificateNumbers.join(', ')} due ${formatIsoDate(n.dueDate)}` }))]} />
        <EnvelopeField programId={programId} field={form.bind('envelopeId')} />
        <TextField label="Certificate number" field={form.bind('certificateNumber')} upperCase />
      </EntryForm>
    </>
  );
}

/** Guaranteed deliveries (§5b): only where the program's terms allow them. */
export function GuaranteedDeliveries({ programId }: { programId: number }) {
  const terms = useDeskQuery('terms.history', { programId }, { topics: ['terms'] });
  const current = terms.data?.versions.at(-1)?.terms;
  if (!current) return <p>Loading the terms…</p>;
  if (current.kind !== 'rights-offering' || !current.guaranteedDelivery.allowed) {
    return <p role="note">This program’s terms do not allow guaranteed delivery (§5b): a certificate must itself arrive by expiration.</p>;
  }
  return (
    <>
      <p className="muted">{`Certificates are due within ${current.guaranteedDelivery.coverBusinessDays} business days of the notice (${current.businessDays} calendar), by 5:00 p.m. New York time.`}</p>
      <NoticeForm programId={programId} />
      <AwaitingNotices programId={programId} />
    </>
  );
}
