/**
 * Reading one batch from the book: the batch, its closing if any, its envelopes and everything
 * keyed from them, each election with the engine's verdict as it stands now (services/intake/
 * assess.ts: its payments' clearance included). What batch control and the prints build on.
 */
import type { RightsOfferingTerms } from '../../../../shared/domain';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { CertificateRecord, IntakeRecord, ProgramRecord, ReadRepos } from '../../store/port';
import { rightsProgram } from '../certificates';
import { assessStored, type Verdict } from './assess';
import type { BatchRows, ElectionRow } from './batch-figures';

export interface StoredElection {
  readonly election: IntakeRecord<'elections'>;
  readonly certificate: CertificateRecord;
  readonly envelope: IntakeRecord<'envelopes'>;
  readonly reversal: IntakeRecord<'election_reversals'> | null;
  readonly verdict: Verdict;
}

export interface BatchRead {
  readonly program: ProgramRecord;
  readonly batch: IntakeRecord<'mail_batches'>;
  readonly closing: IntakeRecord<'batch_closings'> | null;
  readonly envelopes: readonly IntakeRecord<'envelopes'>[];
  readonly elections: readonly StoredElection[];
  readonly oddLots: readonly IntakeRecord<'odd_lot_orders'>[];
  readonly covers: readonly IntakeRecord<'guaranteed_delivery_covers'>[];
  readonly payments: readonly IntakeRecord<'payments'>[];
}

/** The batch, or NOT_FOUND in words. */
export async function batchOf(r: Pick<ReadRepos, 'intake'>, batchId: number): Promise<IntakeRecord<'mail_batches'>> {
  const batch = await r.intake.byId('mail_batches', batchId);
  if (!batch) throw new DeskFailure('NOT_FOUND', `Batch: there is no batch ${batchId} in this book`, 'batchId');
  return batch;
}

/** One stored election with what its verdict needs: its certificate, its envelope's stamp, the program's terms. */
export async function storedElection(r: ReadRepos, election: IntakeRecord<'elections'>, terms: RightsOfferingTerms, envelopes?: ReadonlyMap<number, IntakeRecord<'envelopes'>>): Promise<StoredElection> {
  const [certificate, envelope, reversals] = await Promise.all([
    r.certificates.byId(election.certificateId),
    envelopes?.get(election.envelopeId) ?? r.intake.byId('envelopes', election.envelopeId),
    r.intake.where('election_reversals', 'electionId', election.id, 1),
  ]);
  if (!certificate || !envelope) throw new Error(`Election ${election.id} names a certificate or envelope the book does not have`);
  const verdict = await assessStored(r, election, terms, certificate, envelope.stampedLocal);
  return { election, certificate, envelope, reversal: reversals[0] ?? null, verdict };
}

/** Everything batch control needs of one batch, read in the caller's snapshot. */
export async function readBatch(r: ReadRepos, batchId: number): Promise<BatchRead> {
  const batch = await batchOf(r, batchId);
  const program = await r.programs.byId(batch.programId);
  if (!program) throw new Error(`Batch ${batchId} names program ${batch.programId}, which the book does not have`);
  const [closings, envelopes, elections, oddLots, keyed, reversed] = await Promise.all([
    r.intake.where('batch_closings', 'batchId', batchId, 1),
    r.intake.where('envelopes', 'batchId', batchId),
    r.intake.where('elections', 'batchId', batchId),
    r.intake.where('odd_lot_orders', 'batchId', batchId),
    r.intake.where('payments', 'batchId', batchId),
    r.intake.reversedPaymentIds(batchId),
  ]);
  // A payment reversed as keyed wrong is not in the envelope: its replacement (if any) is.
  const gone = new Set(reversed);
  const payments = keyed.filter((p) => !gone.has(p.id));
  const covers = (await Promise.all(envelopes.map((e) => r.intake.where('guaranteed_delivery_covers', 'envelopeId', e.id)))).flat();
  const byId = new Map(envelopes.map((e) => [e.id, e]));
  // An odd-lot program has no rights terms, and no elections to judge by them.
  const terms = elections.length === 0 ? null : (await rightsProgram(r, batch.programId)).terms;
  const stored: StoredElection[] = [];
  for (const e of elections) stored.push(await storedElection(r, e, terms!, byId));
  return { program, batch, closing: closings[0] ?? null, envelopes, elections: stored, oddLots, covers, payments };
}

/** The rows as batch-figures.ts counts them. */
export function rowsOf(read: BatchRead): BatchRows {
  return {
    envelopes: read.envelopes.map((e) => ({ id: e.id, seq: e.seq, source: e.source, stampedLocal: e.stampedLocal, itemCount: e.itemCount })),
    elections: read.elections.map(({ election: e, reversal, verdict }): ElectionRow => ({
      id: e.id,
      envelopeId: e.envelopeId,
      kind: e.kind === 'dtc' ? 'dtc' : 'form',
      basicShares: e.basicShares,
      oversubscriptionShares: e.oversubscriptionShares,
      rightsSurrendered: e.rightsSurrendered,
      correctsId: e.correctsId,
      reversed: reversal !== null,
      verdict: { basicShares: verdict.basicShares, oversubscriptionPaid: verdict.oversubscriptionPaid, deficiencies: verdict.deficiencies.map((d) => d.code) },
    })),
    oddLots: read.oddLots.map((o) => ({ id: o.id, envelopeId: o.envelopeId, action: o.action === 'buy-up' ? 'buy-up' : 'sell', shares: o.shares })),
    covers: read.covers.map((c) => ({ id: c.id, envelopeId: c.envelopeId })),
    payments: read.payments.map((p) => ({ id: p.id, method: p.method, amount: p.amount })),
  };
}
