import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { BatchItemView, EnvelopeView, SaveElectionAnswer } from '../../../../shared/ipc/intake-forms';
import { ENVELOPE_SOURCE_WORDS, ENVELOPE_SOURCES } from '../../../../shared/ipc/intake-forms';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { EntryForm } from '../../components/EntryForm';
import { useEntryForm } from '../../components/useEntryForm';
import { Grid, type GridColumn } from '../../frame/grid/Grid';
import { useArraySource } from '../../frame/grid/sources';
import { invalidateTopics, useDeskQuery } from '../../frame/query';
import { normalizeMoney } from '../../lib/amounts';
import { formatInstant, formatIsoDate, normalizeKeyedDate, parseKeyedDate } from '../../lib/dates';
import { formatClock, normalizeKeyedTime, parseKeyedTime } from '../../lib/times';
import { formSchema, type FieldCheck } from '../../lib/validation';
import { CorrectionForm } from './CorrectionForm';
import { PaymentCorrectionForm } from './PaymentCorrectionForm';
import { ElectionForm } from './ElectionForm';
import { KeyedField } from './KeyedField';
import { VerdictPanel } from './VerdictPanel';
import { BatchControlSection } from './batch';

type EnvelopeValues = { stampTime: string; itemCount: string; stampDate: string; source: string };

const checks: Record<string, FieldCheck<EnvelopeValues>> = {
  stampTime: (v) => (parseKeyedTime(v) === null ? 'Time stamped: type the time on the stamp as HHMM, e.g. 1659' : null),
  itemCount: (v) => (/^\d{1,3}$/.test(v.trim()) && Number(v) >= 1 ? null : 'Items in the envelope: type how many items it holds, e.g. 1'),
  stampDate: (v) => {
    const parsed = parseKeyedDate(v, 'Date stamped');
    return parsed.ok ? null : parsed.message;
  },
};
const schema = formSchema<EnvelopeValues>(() => checks);

const ITEM_COLUMNS: readonly GridColumn<BatchItemView>[] = [
  { id: 'env', header: 'Envelope', cell: (i) => i.envelopeSeq, className: 'number' },
  { id: 'number', header: 'Certificate', cell: (i) => i.certificateNumber, text: (i) => i.certificateNumber, className: 'code' },
  { id: 'holder', header: 'Holder', cell: (i) => i.holder },
  { id: 'basic', header: 'Basic', cell: (i) => (i.basicShares === null ? 'no number' : i.basicShares.toLocaleString('en-US')), className: 'number' },
  { id: 'over', header: 'Oversubscription', cell: (i) => i.oversubscriptionShares.toLocaleString('en-US'), className: 'number' },
  { id: 'amount', header: 'Amount', cell: (i) => normalizeMoney(i.amount), className: 'number' },
  { id: 'codes', header: 'Deficiencies', cell: (i) => (i.codes.length === 0 ? 'none' : i.codes.join(', ')) },
  { id: 'status', header: 'Status', cell: (i) => (i.reversed ? 'Corrected (reversed)' : i.correctsId !== null ? `Corrects item ${i.correctsId}` : 'Keyed') },
  { id: 'by', header: 'Keyed by', cell: (i) => `${i.keyedBy} ${formatInstant(i.keyedAt)}` },
];
const itemKey = (i: BatchItemView) => i.electionId;

const envelopeLabel = (e: EnvelopeView) => `envelope ${e.seq}, stamped ${formatIsoDate(e.stampedLocal.slice(0, 10))} ${formatClock(e.stampedLocal.slice(11, 16))}`;
const focusCertificate = () => setTimeout(() => document.getElementById('election-certificateNumber')?.focus(), 0);

/** One batch: stamp each envelope (time as stamped, New York), then key its items; what was keyed is listed below. */
export function BatchDesk({ programId, batchId, onBack }: { programId: number; batchId: number; onBack: () => void }) {
  const call = useDesk();
  const status = useStatus();
  const queryClient = useQueryClient();
  const batches = useDeskQuery('intake.batches', { programId }, { topics: ['intake'] });
  const batch = batches.data?.find((b) => b.id === batchId);
  const envelopes = useDeskQuery('intake.envelopes', { batchId }, { topics: ['intake'] });
  const items = useDeskQuery('intake.items', { batchId }, { topics: ['intake'] });
  const itemSource = useArraySource(items.data ?? [], itemKey);
  const [chosen, setChosen] = useState<number | null>(null);
  const [last, setLast] = useState<{ answer: Extract<SaveElectionAnswer, { saved: true }>; number: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState<BatchItemView | null>(null);
  const [correctingPayment, setCorrectingPayment] = useState<BatchItemView | null>(null);
  const list = envelopes.data ?? [];
  const current = list.find((e) => e.id === chosen) ?? list[list.length - 1] ?? null;
  const batchDate = batch ? formatIsoDate(batch.receiptDate) : '';
  const form = useEntryForm<EnvelopeValues>({
    id: 'envelope',
    initial: { stampTime: '', itemCount: '1', stampDate: batchDate, source: 'mail' },
    schema,
    normalize: (name) => (name === 'stampTime' ? normalizeKeyedTime : name === 'stampDate' ? normalizeKeyedDate : undefined),
    onProblem: (m) => status.report(m, 'problem'),
  });
  // The batch's date carries over into every envelope's stamp until the clerk keys another.
  useEffect(() => {
    if (batchDate !== '' && form.values.stampDate === '') form.reset({ stampDate: batchDate });
  }, [batchDate]);

  const stamp = async () => {
    setProblem(null);
    if (!(await form.checkForSave())) return false;
    const date = parseKeyedDate(form.values.stampDate, 'Date stamped');
    const time = parseKeyedTime(form.values.stampTime);
    if (!date.ok || time === null) return false;
    const result = await call('intake.addEnvelope', { batchId, stampedLocal: `${date.iso}T${time}`, source: form.values.source as (typeof ENVELOPE_SOURCES)[number], itemCount: Number.parseInt(form.values.itemCount, 10) });
    if (!result.ok) {
      const field = result.error.field === 'stampedLocal' ? 'stampTime' : result.error.field;
      if (!(field && form.showFieldProblem(field, result.error.message))) setProblem(result.error.message);
      status.report(result.error.message, 'problem');
      return false;
    }
    form.reset({ stampDate: form.values.stampDate, source: form.values.source });
    setChosen(result.value.id);
    await invalidateTopics(queryClient, ['intake']);
    status.report(`Envelope ${result.value.seq} stamped ${formatClock(time)} on ${formatIsoDate(date.iso)}: key its ${result.value.itemCount} item${result.value.itemCount === 1 ? '' : 's'}.`, 'done');
    focusCertificate();
    return true;
  };

  const source = form.bind('source');
  return (
    <section className="batch-desk" aria-label="Batch">
      <h2>
        Batch {batch?.label ?? batchId}
        {batch ? ` — received ${batchDate}${batch.closed ? ' (closed)' : ''}` : ''}
      </h2>
      <p className="muted">
        {batch ? `${batch.envelopes} envelope${batch.envelopes === 1 ? '' : 's'}, ${batch.itemsKeyed} of ${batch.itemsExpected} items keyed.` : ''} Esc on an empty form goes back.
      </p>
      <EntryForm title="Stamp an envelope" onSave={stamp} onAbandon={(discarded) => (discarded ? undefined : onBack())} dirty={form.dirty} saveLabel="Stamp envelope" problem={problem} className="envelope-form">
        <KeyedField label="Time stamped" field={form.bind('stampTime')} inputMode="numeric" hint="New York time on the stamp: HHMM, e.g. 1659" autoFocus />
        <KeyedField label="Items in the envelope" field={form.bind('itemCount')} inputMode="numeric" />
        <KeyedField label="Date stamped" field={form.bind('stampDate')} inputMode="numeric" enterSkips hint="carried over from the batch" />
        <div className="field">
          <label htmlFor={source.id}>Came by</label>
          <select id={source.id} name={source.name} data-field data-enter-skip value={source.value} onChange={source.onChange} onBlur={source.onBlur}>
            {ENVELOPE_SOURCES.map((s) => (
              <option key={s} value={s}>
                {ENVELOPE_SOURCE_WORDS[s]}
              </option>
            ))}
          </select>
        </div>
      </EntryForm>
      {list.length > 0 ? (
        <div className="field envelope-choice">
          <label htmlFor="keying-envelope">Keying from</label>
          <select id="keying-envelope" value={current?.id ?? ''} onChange={(e) => setChosen(Number(e.target.value))}>
            {list.map((e) => (
              <option key={e.id} value={e.id}>
                {`Envelope ${e.seq}: ${formatIsoDate(e.stampedLocal.slice(0, 10))} ${formatClock(e.stampedLocal.slice(11, 16))}, ${e.itemsKeyed} of ${e.itemCount} keyed`}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {correctingPayment ? (
        <PaymentCorrectionForm
          item={correctingPayment}
          programId={programId}
          onDone={() => {
            setCorrectingPayment(null);
            focusCertificate();
          }}
        />
      ) : correcting ? (
        <CorrectionForm
          item={correcting}
          batchId={batchId}
          onDone={() => {
            setCorrecting(null);
            focusCertificate();
          }}
        />
      ) : current && batch && !batch.closed ? (
        <ElectionForm
          key={current.id}
          programId={programId}
          batchId={batchId}
          envelopeId={current.id}
          envelopeLabel={envelopeLabel(current)}
          onSaved={(answer, number) => setLast({ answer, number })}
          onLeave={() => document.getElementById('envelope-stampTime')?.focus()}
        />
      ) : (
        <p className="muted">{batch?.closed ? 'This batch is closed.' : 'Stamp the first envelope to key its items.'}</p>
      )}
      {last ? <VerdictPanel verdict={last.answer.verdict} title={`Last saved: item ${last.answer.electionId}, ${last.number}`} /> : null}
      {items.data ? (
        <Grid
          label="Items keyed"
          columns={ITEM_COLUMNS}
          source={itemSource}
          emptyText="Nothing keyed in this batch yet."
          onOpen={(item) => (item.reversed ? status.report(`Item ${item.electionId} was corrected already: correct the item that replaced it.`, 'info') : setCorrecting(item))}
          onRowKey={(e, item) => {
            if (!(e.altKey && e.key.toLowerCase() === 'p')) return false;
            if (item.reversed) status.report(`Item ${item.electionId} was corrected already: its payments are the corrected item’s.`, 'info');
            else setCorrectingPayment(item);
            return true;
          }}
        />
      ) : null}
      <p className="muted">In the list, Enter on an item corrects it (§4a: reversed with a reason and keyed again); Alt+P corrects a payment keyed wrong on it.</p>
      <BatchControlSection batchId={batchId} />
    </section>
  );
}
