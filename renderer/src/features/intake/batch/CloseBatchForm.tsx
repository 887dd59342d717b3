import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { envelopesCounted } from '../../../../../shared/ipc/batch-control';
import { useDesk } from '../../../app/DeskContext';
import { useStatus } from '../../../app/StatusContext';
import { EntryForm } from '../../../components/EntryForm';
import { TextField } from '../../../components/TextField';
import { useEntryForm } from '../../../components/useEntryForm';
import { invalidateTopics } from '../../../frame/query';
import { formSchema, nameTheField, type FieldCheck } from '../../../lib/validation';
import { dollars, whole } from './batch-words';

type Values = { envelopesCounted: string };

const LABEL = 'Envelopes counted';
/** Digits as the clerk types them, then the very rule main applies. */
const counted: FieldCheck<Values> = (v) => {
  if (!/^\d{1,6}$/.test(v.trim())) return `${LABEL}: type the number of envelopes in the tray as digits, e.g. 12`;
  const parsed = envelopesCounted.safeParse(Number.parseInt(v.trim(), 10));
  return parsed.success ? null : nameTheField(LABEL, parsed.error.issues[0]?.message ?? 'is not valid');
};
const schema = formSchema<Values>(() => ({ envelopesCounted: counted }));

/**
 * Closing a batch: the clerk counts the envelopes in the tray and types the number; main closes
 * the batch only if it matches the mail log and every envelope's keyed items equal its count.
 */
export function CloseBatchForm({ batchId, onClosed }: { batchId: number; onClosed: () => void }) {
  const call = useDesk();
  const status = useStatus();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useEntryForm<Values>({ id: `close-batch-${batchId}`, initial: { envelopesCounted: '' }, schema, onProblem: (m) => status.report(m, 'problem') });

  const save = async () => {
    setProblem(null);
    if (!(await form.checkForSave())) return false;
    const result = await call('batchControl.close', { batchId, envelopesCounted: Number.parseInt(form.values.envelopesCounted.trim(), 10) });
    if (!result.ok) {
      if (!(result.error.field && form.showFieldProblem(result.error.field, result.error.message))) setProblem(result.error.message);
      status.report(result.error.message, 'problem');
      return false;
    }
    form.reset();
    await invalidateTopics(queryClient, ['journal']);
    status.report(`Batch ${batchId} closed: ${whole(result.value.items)} items, ${dollars(result.value.amount)} received.`, 'done');
    onClosed();
    return true;
  };

  return (
    <EntryForm title="Close the batch" onSave={save} dirty={form.dirty} saveLabel="Close the batch" problem={problem} className="close-batch">
      <TextField label={LABEL} field={form.bind('envelopesCounted')} inputMode="numeric" maxLength={6} hint="count the envelopes in the tray, e.g. 12" />
    </EntryForm>
  );
}
