/**
 * The intake rows the mail log and the election form read, by name, over the port's generic
 * `where`/`byId` (every lookup here is on an indexed column).
 */
import type { IntakeReader, IntakeRecord } from '../../store/port';

export type BatchRecord = IntakeRecord<'mail_batches'>;
export type EnvelopeRecord = IntakeRecord<'envelopes'>;
export type ElectionRecord = IntakeRecord<'elections'>;
export type PaymentRecord = IntakeRecord<'payments'>;

type R = { readonly intake: IntakeReader };

export const batchById = (r: R, id: number) => r.intake.byId('mail_batches', id);
export const batchesOf = (r: R, programId: number) => r.intake.where('mail_batches', 'programId', programId);
export const closingOf = async (r: R, batchId: number) => (await r.intake.where('batch_closings', 'batchId', batchId, 1))[0];
export const envelopeById = (r: R, id: number) => r.intake.byId('envelopes', id);
export const envelopesOf = (r: R, batchId: number) => r.intake.where('envelopes', 'batchId', batchId);
export const electionById = (r: R, id: number) => r.intake.byId('elections', id);
export const electionsOfBatch = (r: R, batchId: number) => r.intake.where('elections', 'batchId', batchId);
export const oddLotOrdersOfBatch = (r: R, batchId: number) => r.intake.where('odd_lot_orders', 'batchId', batchId);
export const reversalOf = async (r: R, electionId: number) => (await r.intake.where('election_reversals', 'electionId', electionId, 1))[0];
