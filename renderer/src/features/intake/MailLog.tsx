import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BatchView } from '../../../../shared/ipc/intake-forms';
import { openBatchInput } from '../../../../shared/ipc/intake-forms';
import { useDesk } from '../../app/DeskContext';
import { useStatus } from '../../app/StatusContext';
import { EntryForm } from '../../components/EntryForm';
import { TextField } from '../../components/TextField';
import { useEntryForm } from '../../components/useEntryForm';
import { Grid, type GridColumn } from '../../frame/grid/Grid';
import { useArraySource } from '../../frame/grid/sources';
import { invalidateTopics, useDeskQuery } from '../../frame/query';
import { formatIsoDate, normalizeKeyedDate, parseKeyedDate } from '../../lib/dates';
import { checkWith, formSchema, type FieldCheck } from '../../lib/validation';

type Values = { receiptDate: string; label: string };

const receiptDate: FieldCheck<Values> = (v) => {
  const parsed = parseKeyedDate(v, 'Receipt date');
  return parsed.ok ? null : parsed.message;
};
const schema = formSchema<Values>(() => ({ receiptDate, label: checkWith<Values>(openBatchInput.shape.label, 'Batch label') }));

const COLUMNS: readonly GridColumn<BatchView>[] = [
  { id: 'date', header: 'Receipt date', cell: (b) => formatIsoDate(b.receiptDate), text: (b) => formatIsoDate(b.receiptDate) },
  { id: 'label', header: 'Batch', cell: (b) => b.label },
  { id: 'envelopes', header: 'Envelopes', cell: (b) => b.envelopes, className: 'number' },
  { id: 'items', header: 'Items keyed', cell: (b) => `${b.itemsKeyed} of ${b.itemsExpected}`, className: 'number' },
  { id: 'status', header: 'Status', cell: (b) => (b.closed ? 'Closed' : 'Open') },
  { id: 'by', header: 'Opened by', cell: (b) => b.openedBy },
];
const keyOf = (b: BatchView) => b.id;

/** A program's mail log: open a batch for a receipt date; the batches, newest first, open with Enter. */
export function MailLog({ programId, onOpenBatch, onOpenMore, onOpenLetters, onBack }: { programId: number; onOpenBatch: (batchId: number) => void; onOpenMore: () => void; onOpenLetters: () => void; onBack: () => void }) {
  const call = useDesk();
  const status = useStatus();
  const queryClient = useQueryClient();
  const program = useDeskQuery('programs.get', { programId }, { topics: ['programs'] });
  const batches = useDeskQuery('intake.batches', { programId }, { topics: ['intake'] });
  const source = useArraySource(batches.data ?? [], keyOf);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useEntryForm<Values>({
    id: 'open-batch',
    initial: { receiptDate: '', label: '' },
    schema,
    normalize: (name) => (name === 'receiptDate' ? normalizeKeyedDate : undefined),
    onProblem: (m) => status.report(m, 'problem'),
  });

  const save = async () => {
    setProblem(null);
    if (!(await form.checkForSave())) return false;
    const date = parseKeyedDate(form.values.receiptDate, 'Receipt date');
    if (!date.ok) return false;
    const label = form.values.label.trim();
    const result = await call('intake.openBatch', { programId, receiptDate: date.iso, ...(label === '' ? {} : { label }) });
    if (!result.ok) {
      if (!(result.error.field && form.showFieldProblem(result.error.field, result.error.message))) setProblem(result.error.message);
      status.report(result.error.message, 'problem');
      return false;
    }
    form.reset();
    await invalidateTopics(queryClient, ['intake']);
    status.report(`Batch “${result.value.label}” opened for ${formatIsoDate(result.value.receiptDate)}.`, 'done');
    onOpenBatch(result.value.id);
    return true;
  };

  return (
    <section className="mail-log" aria-label="Mail log">
      <h2>Mail log{program.data ? `: ${program.data.name}` : ''}</h2>
      <EntryForm title="Open a batch" onSave={save} onAbandon={(discarded) => (discarded || !form.dirty ? onBack() : undefined)} dirty={form.dirty} saveLabel="Open batch" problem={problem}>
        <TextField label="Receipt date" field={form.bind('receiptDate')} inputMode="numeric" hint="the day the mail came: MMDDYY" autoFocus />
        <TextField label="Batch label" field={form.bind('label')} hint="optional, e.g. Morning mail" />
      </EntryForm>
      {batches.error ? <p className="form-problem" role="alert">The batches cannot be listed: {batches.error.message}</p> : null}
      {batches.data ? <Grid label="Batches" columns={COLUMNS} source={source} onOpen={(b) => onOpenBatch(b.id)} emptyText="No batch yet: open one for today’s mail." /> : null}
      <div className="toolbar">
        <button type="button" onClick={onOpenMore}>
          DTC instructions, guaranteed deliveries, odd-lot orders…
        </button>
        <button type="button" onClick={onOpenLetters}>
          Letters to holders…
        </button>
      </div>
    </section>
  );
}
