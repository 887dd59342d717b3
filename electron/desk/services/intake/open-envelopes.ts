/** The envelopes of a program's open batches (not closed), newest first: where the next item is keyed. */
import type { OpenEnvelopeView } from '../../../../shared/ipc/intake-more';
import type { BookStore } from '../../store/port';

export function openEnvelopes(store: BookStore, programId: number): Promise<OpenEnvelopeView[]> {
  return store.read(async (r) => {
    const out: OpenEnvelopeView[] = [];
    for (const batch of (await r.intake.where('mail_batches', 'programId', programId)).reverse()) {
      if ((await r.intake.count('batch_closings', 'batchId', batch.id)) > 0) continue;
      for (const e of (await r.intake.where('envelopes', 'batchId', batch.id)).reverse()) {
        out.push({ envelopeId: e.id, batchId: batch.id, batchLabel: batch.label, receiptDate: batch.receiptDate, seq: e.seq, source: e.source, stampedLocal: e.stampedLocal });
      }
      if (out.length >= 200) break;
    }
    return out;
  });
}
