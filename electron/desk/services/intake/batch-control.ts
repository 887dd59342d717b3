/**
 * Batch control: a batch's control figures from the book, and closing it. A clerk balances the
 * items keyed from each envelope against the count stamped on it, and the envelopes in the tray
 * against the mail log; only a balanced batch closes. Closing writes a batch_closings row with
 * the figures (journaled 'batch.closed'); a closed batch takes no more items — every change that
 * adds one calls `holdOpenBatch` (or at least `assertBatchOpen`) first.
 */
import { deficiency, type DeficiencyCode } from '../../../../shared/domain';
import type { BatchClosedView, BatchControlView, BatchFigures, BatchSummaryView } from '../../../../shared/ipc/batch-control';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { BookStore, IntakeRecord, JournalActor, ReadRepos, WriteRepos } from '../../store/port';
import { batchFigures, differencesInWords } from './batch-figures';
import { batchOf, readBatch, rowsOf, type BatchRead } from './batch-rows';
import { instantInWords } from './print-words';

/** "Batch 3 (Morning mail, 2003-11-20)". */
export const batchName = (b: Pick<IntakeRecord<'mail_batches'>, 'id' | 'label' | 'receiptDate'>): string => `Batch ${b.id} (${b.label}, ${b.receiptDate})`;

/**
 * Refuses, in words, an item for a batch that is closed (or that does not exist). Call it in the
 * change that saves the item; on a shared book call `holdOpenBatch` instead, which also waits
 * for a closing of the batch under way.
 */
export async function assertBatchOpen(r: Pick<ReadRepos, 'intake'>, batchId: number): Promise<IntakeRecord<'mail_batches'>> {
  const batch = await batchOf(r, batchId);
  const [closing] = await r.intake.where('batch_closings', 'batchId', batchId, 1);
  if (closing) {
    throw new DeskFailure('CONFLICT', `${batchName(batch)} was closed ${instantInWords(closing.closedAt)}: it takes no more items — open a new batch for this mail`, 'batchId');
  }
  return batch;
}

/** Inside a change: holds the batch (see IntakeWriter.holdBatch), then refuses it if it is closed. */
export async function holdOpenBatch(tx: Pick<WriteRepos, 'intake'>, batchId: number): Promise<IntakeRecord<'mail_batches'>> {
  await tx.intake.holdBatch(batchId);
  return assertBatchOpen(tx, batchId);
}

const titleOf = (code: string): string => {
  try {
    return deficiency(code as DeficiencyCode).title;
  } catch {
    return code;
  }
};

/** The figures and what the screen lists of a batch already read. */
export function controlView(read: BatchRead, closedBy: string | null): BatchControlView {
  const figures = batchFigures(rowsOf(read));
  const seqOf = new Map(read.envelopes.map((e) => [e.id, e.seq]));
  return {
    batchId: read.batch.id,
    programId: read.program.id,
    programName: read.program.name,
    label: read.batch.label,
    receiptDate: read.batch.receiptDate,
    closed: read.closing ? { at: read.closing.closedAt, by: closedBy } : null,
    figures,
    deficiencyTitles: Object.fromEntries(figures.deficiencies.map((d) => [d.code, titleOf(d.code)])),
    differences: differencesInWords(figures),
    elections: read.elections.map(({ election: e, certificate, reversal, verdict }) => ({
      electionId: e.id,
      kind: e.kind === 'dtc' ? 'dtc' : 'form',
      certificateNumber: certificate.number,
      envelopeSeq: seqOf.get(e.envelopeId) ?? 0,
      basicShares: e.basicShares,
      oversubscriptionShares: e.oversubscriptionShares,
      deficiencies: verdict.deficiencies.map((d) => d.code),
      reversed: reversal !== null,
    })),
  };
}

/** A batch's control figures as the book stands in the caller's snapshot. */
export async function batchControl(r: ReadRepos, batchId: number): Promise<BatchControlView> {
  const read = await readBatch(r, batchId);
  const closer = read.closing ? await r.users.byId(read.closing.closedBy) : undefined;
  return controlView(read, closer?.username ?? null);
}

/** The batches of a program, newest receipt date first. */
export async function batchSummaries(r: ReadRepos, programId: number): Promise<BatchSummaryView[]> {
  if (!(await r.programs.byId(programId))) throw new DeskFailure('NOT_FOUND', `Program: there is no program ${programId} in this book`, 'programId');
  const batches = await r.intake.where('mail_batches', 'programId', programId);
  const views = await Promise.all(
    batches.map(async (b) => ({
      batchId: b.id,
      label: b.label,
      receiptDate: b.receiptDate,
      envelopes: await r.intake.count('envelopes', 'batchId', b.id),
      closed: (await r.intake.count('batch_closings', 'batchId', b.id)) > 0,
    })),
  );
  return views.sort((a, b) => b.receiptDate.localeCompare(a.receiptDate) || b.batchId - a.batchId);
}

/** Why a batch cannot close, in words; empty when it balances. */
function refusals(figures: BatchFigures, envelopesCounted: number): string[] {
  const out: string[] = [];
  const logged = figures.envelopes.length;
  if (envelopesCounted !== logged) {
    out.push(`Envelopes counted: ${envelopesCounted} counted in the tray, ${logged} in the mail log (${Math.abs(envelopesCounted - logged)} ${envelopesCounted < logged ? 'fewer' : 'more'} in the tray)`);
  }
  return [...out, ...differencesInWords(figures)];
}

export interface CloseBatchInput {
  readonly batchId: number;
  /** The clerk's own count of the envelopes in the tray. */
  readonly envelopesCounted: number;
}

/**
 * Closes a balanced batch: one change writing its batch_closings row with the control figures
 * and the journal entry 'batch.closed'. Refused in words naming every difference otherwise.
 */
export async function closeBatch(store: BookStore, by: JournalActor, input: CloseBatchInput): Promise<BatchClosedView> {
  if (by.id === null) throw new DeskFailure('FORBIDDEN', 'Closing a batch needs a signed-in user');
  const closedBy = by.id;
  return store.change(by, 'batch.closed', async (tx, at) => {
    const batch = await holdOpenBatch(tx, input.batchId);
    const read = await readBatch(tx, batch.id);
    const figures = batchFigures(rowsOf(read));
    const wrong = refusals(figures, input.envelopesCounted);
    if (wrong.length > 0) {
      throw new DeskFailure('CONFLICT', `${batchName(batch)} does not balance, so it cannot be closed: ${wrong.join('; ')}`, wrong[0]?.startsWith('Envelopes counted') === true ? 'envelopesCounted' : 'batchId');
    }
    const control = { envelopesCounted: input.envelopesCounted, ...figures };
    await tx.intake.insert('batch_closings', { batchId: batch.id, closedAt: at, closedBy, control });
    return {
      payload: {
        batchId: batch.id,
        programId: batch.programId,
        label: batch.label,
        receiptDate: batch.receiptDate,
        envelopes: figures.envelopes.length,
        items: figures.items,
        shares: figures.shares,
        methods: figures.methods,
        amountTotal: figures.amountTotal,
      },
      result: { batchId: batch.id, closedAt: at, items: figures.items.total, amount: figures.amountTotal.amount },
    };
  });
}
