/**
 * What every keyed item beyond the election form needs first: its envelope, the envelope's open
 * batch, the program and its terms in force. Refused in words when any is missing or closed.
 */
import type { OddLotTerms, ProgramTerms, RightsOfferingTerms } from '../../../../shared/domain';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { IntakeRecord, ProgramRecord, ReadRepos, WriteRepos } from '../../store/port';

export interface ItemContext {
  readonly envelope: IntakeRecord<'envelopes'>;
  readonly batch: IntakeRecord<'mail_batches'>;
  readonly program: ProgramRecord;
  readonly terms: ProgramTerms;
}

/**
 * Inside a change that adds an item to an envelope's batch: holds that batch first (before the
 * journal, as a batch's close does), so the close counts the item or the item sees the close.
 */
export async function holdEnvelopeBatch(tx: Pick<WriteRepos, 'intake'>, envelopeId: number): Promise<void> {
  const envelope = await tx.intake.byId('envelopes', envelopeId);
  if (envelope) await tx.intake.holdBatch(envelope.batchId);
}

/**
 * `mustBeOpen: false` for a correction: it replaces an item already counted in its envelope, so a
 * closed batch takes it (as a corrected election form is taken, elections.ts) — nothing new is added.
 */
export async function itemContext(r: ReadRepos, envelopeId: number, options: { mustBeOpen: boolean } = { mustBeOpen: true }): Promise<ItemContext> {
  const envelope = await r.intake.byId('envelopes', envelopeId);
  if (!envelope) throw new DeskFailure('NOT_FOUND', 'Envelope: there is no such envelope in this book', 'envelopeId');
  const batch = await r.intake.byId('mail_batches', envelope.batchId);
  if (!batch) throw new DeskFailure('NOT_FOUND', 'Envelope: its batch is not in this book', 'envelopeId');
  if (options.mustBeOpen && (await r.intake.count('batch_closings', 'batchId', batch.id)) > 0) {
    throw new DeskFailure('CONFLICT', `Envelope: batch “${batch.label}” is closed; open a new batch for this item`, 'envelopeId');
  }
  const program = await r.programs.byId(batch.programId);
  if (!program) throw new DeskFailure('NOT_FOUND', 'There is no such program in this book', 'programId');
  const history = await r.terms.history(program.id);
  const current = history.at(-1);
  if (!current) throw new DeskFailure('CONFLICT', `Program “${program.name}” has no terms recorded yet`, 'programId');
  return { envelope, batch, program, terms: current.terms as ProgramTerms };
}

export function rightsTerms(c: ItemContext): RightsOfferingTerms {
  if (c.terms.kind !== 'rights-offering') throw new DeskFailure('CONFLICT', `Program “${c.program.name}” is an odd-lot program: it takes odd-lot orders, not exercises`, 'envelopeId');
  return c.terms;
}

export function oddLotTerms(c: ItemContext): OddLotTerms {
  if (c.terms.kind !== 'odd-lot') throw new DeskFailure('CONFLICT', `Program “${c.program.name}” is a rights offering: odd-lot orders are taken only in odd-lot programs`, 'envelopeId');
  return c.terms;
}

/** Whole cents as the two-decimal text the intake tables keep. */
export const moneyOf = (amount: string): string => {
  const [whole = '0', cents = ''] = amount.split('.');
  return `${BigInt(whole).toString()}.${cents.padEnd(2, '0')}`;
};
