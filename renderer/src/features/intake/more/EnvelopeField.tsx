import { SelectField } from '../../../components/SelectField';
import type { FieldBinding } from '../../../components/field-binding';
import { useDeskQuery } from '../../../frame/query';
import { formatIsoDate } from '../../../lib/dates';

/** The envelope an item is keyed into: the open batches' envelopes, newest first (the mail log opens them). */
export function EnvelopeField({ programId, field, autoFocus }: { programId: number; field: FieldBinding; autoFocus?: boolean }) {
  const envelopes = useDeskQuery('intakeItems.envelopes', { programId }, { topics: ['intake'] });
  const options = [
    { value: '', label: envelopes.isPending ? 'Loading the envelopes…' : 'Choose an envelope' },
    ...(envelopes.data ?? []).map((e) => ({ value: String(e.envelopeId), label: `${e.batchLabel} · envelope ${e.seq} · ${e.source} · stamped ${formatIsoDate(e.stampedLocal.slice(0, 10))} ${e.stampedLocal.slice(11)}` })),
  ];
  return <SelectField label="Envelope" field={field} options={options} autoFocus={autoFocus} hint="the envelope (or call, or DTC delivery) the item came in; it carries over" />;
}
