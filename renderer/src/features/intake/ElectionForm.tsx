import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CertificateForForm, ElectionDraft, ElectionVerdict, ElectionWarning, SaveElectionAnswer } from '../../../../shared/ipc/intake-forms';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EntryForm } from '../../components/EntryForm';
import { useEntryForm } from '../../components/useEntryForm';
import { fetchDeskQuery, invalidateTopics, useDeskQuery } from '../../frame/query';
import { parseKeyedShares } from '../../lib/amounts';
import { useDebounced } from '../../lib/useDebounced';
import { formSchema } from '../../lib/validation';
import { CertificateFacts } from './CertificateFacts';
import { blankElection, blankPayment, CHECK_LABELS, draftOf, electionChecks, normalizeCertificateNumber, normalizeField, type CheckFieldName, type ElectionValues } from './election-values';
import { KeyedField } from './KeyedField';
import { PaymentRows } from './PaymentRows';
import { VerdictPanel } from './VerdictPanel';
import { YesNoField } from './YesNoField';

const schema = formSchema<Record<string, string>>((values) => electionChecks(values));
const CERTIFICATE = /^RT-\d{6,9}$/;

interface ElectionFormProps {
  readonly programId: number;
  readonly batchId: number;
  readonly envelopeId: number;
  readonly envelopeLabel: string;
  /** Told of each saved item (its verdict shows below the form). */
  readonly onSaved: (answer: Extract<SaveElectionAnswer, { saved: true }>, number: string) => void;
  /** Esc on a form with nothing keyed: the clerk is done with this envelope. */
  readonly onLeave: () => void;
}

/**
 * The election form on the back of a rights certificate. The certificate number comes first
 * (typed, or scanned: a scanner types it and Enter); the engine's verdict follows every keystroke;
 * Enter moves through what a clean form needs and saves on the last field, Ctrl+Enter saves from
 * anywhere, Esc abandons. After a save the form is empty again and the focus is on the number.
 */
export function ElectionForm({ programId, batchId, envelopeId, envelopeLabel, onSaved, onLeave }: ElectionFormProps) {
  const call = useDesk();
  const status = useStatus();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [asking, setAsking] = useState<{ warnings: readonly ElectionWarning[]; answer: (yes: boolean) => void } | null>(null);
  const form = useEntryForm<ElectionValues>({ id: 'election', initial: blankElection(), schema, normalize: normalizeField, onProblem: (m) => status.report(m, 'problem') });
  const v = form.values;

  const number = useDebounced(normalizeCertificateNumber(v.certificateNumber), 120);
  const certificate = useDeskQuery('intake.certificate', { programId, number }, { topics: ['intake', 'certificates'], enabled: CERTIFICATE.test(number) });
  const found = certificate.data && certificate.data.number === number ? certificate.data : null;
  // Debounced as text: the draft is a new object on every render, its JSON only when something changed.
  const draftJson = useDebounced(JSON.stringify(found ? draftOf(v, batchId, envelopeId, { preview: true }) : null), 150);
  const draft = useMemo(() => JSON.parse(draftJson) as ElectionDraft | null, [draftJson]);
  const preview = useDeskQuery('intake.assess', { draft: draft! }, { topics: ['intake'], enabled: draft !== null, placeholderData: keepPreviousData });
  const verdict: ElectionVerdict | null = found && preview.data ? preview.data : null;

  // The payer is most often the registered holder: carried in once, when the certificate typed now
  // is found. A save keyed faster than the lookup (a scanner, a busy machine) waits for it and
  // carries the payer in first (see payerCarriedIn), so it never stumbles on "Payer is required".
  const carriedFor = useRef<string | null>(null);
  const carryPayerFrom = (c: CertificateForForm) => {
    carriedFor.current = c.number;
    const payer = c.registration[0] ?? '';
    if (payer === '') return;
    form.form.getValues('payments').forEach((p, i) => {
      if (p.payer === '') form.setValue(`payments.${i}.payer`, payer);
    });
  };
  const typedNumber = normalizeCertificateNumber(v.certificateNumber);
  const carryNow = found && found.number === typedNumber && carriedFor.current !== found.number ? found : null;
  useEffect(() => {
    if (carryNow) carryPayerFrom(carryNow);
  }, [carryNow]);
  const payerCarriedIn = async (): Promise<void> => {
    const typed = normalizeCertificateNumber(form.form.getValues('certificateNumber'));
    if (!CERTIFICATE.test(typed) || carriedFor.current === typed) return;
    // The same call the form's lookup makes (joined if in flight); a failed lookup is the form's to show.
    const c = await fetchDeskQuery(queryClient, call, 'intake.certificate', { programId, number: typed }, ['intake', 'certificates']).catch(() => null);
    if (c && c.number === normalizeCertificateNumber(form.form.getValues('certificateNumber'))) carryPayerFrom(c);
  };
  const startAgain = () => {
    carriedFor.current = null;
    form.reset();
  };

  const noteFor = (field: string) => {
    const codes = verdict?.deficiencies.filter((d) => d.field === field) ?? [];
    return codes.length === 0 ? null : codes.map((d) => `${d.title} — deficiency ${d.code}`).join('; ');
  };
  const basic = v.basicShares.trim() === '' ? null : parseKeyedShares(v.basicShares);
  const beyond = found && basic !== null && basic > found.left ? `Only ${found.left.toLocaleString('en-US')} rights left on ${found.number}: that many at most` : null;
  const certificateNote = certificate.error && CERTIFICATE.test(number) ? certificate.error.message : noteFor('certificateNumber');

  const confirm = (warnings: readonly ElectionWarning[]) => new Promise<boolean>((resolve) => setAsking({ warnings, answer: resolve }));

  const save = async (): Promise<boolean> => {
    setProblem(null);
    await payerCarriedIn();
    if (!(await form.checkForSave())) return false;
    // Read afresh: the payer may have been carried in since this render.
    const keyed = draftOf(form.form.getValues(), batchId, envelopeId);
    if (!keyed) return false;
    let result = await call('intake.saveElection', { draft: keyed });
    if (result.ok && !result.value.saved) {
      const yes = await confirm(result.value.warnings);
      setAsking(null);
      if (!yes) {
        status.report('Not saved: the warning was not confirmed.', 'info');
        return false;
      }
      result = await call('intake.saveElection', { draft: keyed, confirmed: true });
    }
    if (!result.ok) {
      if (!(result.error.field && form.showFieldProblem(result.error.field, result.error.message))) setProblem(result.error.message);
      status.report(result.error.message, 'problem');
      return false;
    }
    if (!result.value.saved) return false;
    startAgain();
    onSaved(result.value, keyed.certificateNumber);
    const codes = result.value.verdict.deficiencies.map((d) => d.code);
    status.report(`Saved item ${result.value.electionId}: ${keyed.certificateNumber}${codes.length ? ` — deficiencies ${codes.join(', ')}` : ' — no deficiencies'}.`, 'done');
    await invalidateTopics(queryClient, ['intake']);
    return true;
  };

  const answer = (name: CheckFieldName) => (yes: boolean) => form.setValue(name, yes ? 'yes' : 'no');
  const yesNo = (name: CheckFieldName, hint?: string) => <YesNoField key={name} label={CHECK_LABELS[name]} field={form.bind(name)} onAnswer={answer(name)} note={noteFor(name)} {...(hint ? { hint } : {})} />;
  const addPayment = () => form.form.setValue('payments', [...form.values.payments, blankPayment(found?.registration[0] ?? '')], { shouldDirty: true });
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      addPayment();
    }
  };

  return (
    <div className="election" onKeyDown={onKeyDown}>
      <EntryForm
        title={`Election form — ${envelopeLabel}`}
        onSave={save}
        onAbandon={(discarded) => {
          startAgain();
          if (!discarded) onLeave();
          else document.getElementById('election-certificateNumber')?.focus();
        }}
        dirty={form.dirty}
        saveLabel="Save item"
        problem={problem}
        className="election-form"
      >
        <KeyedField label="Certificate number" field={form.bind('certificateNumber')} upperCase maxLength={12} hint="type or scan, e.g. RT-000123" note={certificateNote} />
        {found ? <CertificateFacts certificate={found} /> : null}
        <KeyedField label="Basic shares" field={form.bind('basicShares')} inputMode="numeric" hint={found ? `blank: no number indicated (§4b); ${found.left.toLocaleString('en-US')} left` : 'blank: no number indicated (§4b)'} note={beyond ?? noteFor('basicShares')} />
        <KeyedField label="Oversubscription shares" field={form.bind('oversubscriptionShares')} inputMode="numeric" enterSkips note={noteFor('oversubscriptionShares')} />
        <fieldset className="signatures">
          <legend>Signatures and forms</legend>
          {noteFor('envelope') ? <p className="field-problem deficiency-note">{noteFor('envelope')}</p> : null}
          {yesNo('signed')}
          {yesNo('signatureMatches')}
          {yesNo('allJointHoldersSigned', found?.jointRegistration ? 'joint registration' : undefined)}
          {yesNo('fiduciary')}
          {v.fiduciary === 'yes' ? <KeyedField label="Capacity" field={form.bind('capacity')} enterSkips hint="executor, trustee, attorney-in-fact…" /> : null}
          {v.fiduciary === 'yes' ? yesNo('fiduciaryEvidence') : null}
          {yesNo('deliverElsewhere')}
          {v.deliverElsewhere === 'yes' ? yesNo('medallion') : null}
          {yesNo('taxFormOnFile')}
          {found?.held ? <YesNoField label="Instruction from the holder abroad" field={form.bind('foreignInstruction')} onAnswer={(yes) => form.setValue('foreignInstruction', yes ? 'yes' : 'no')} note={noteFor('foreignInstruction')} /> : null}
        </fieldset>
        <PaymentRows rows={v.payments} bind={form.bind} note={noteFor('payments')} onAdd={addPayment} />
      </EntryForm>
      <VerdictPanel verdict={verdict} />
      {asking ? (
        <ConfirmDialog question="Key it anyway?" detail={asking.warnings.map((w) => w.message).join(' ')} yesLabel="Key it anyway" noLabel="Do not save" onAnswer={(yes) => asking.answer(yes)} />
      ) : null}
    </div>
  );
}
