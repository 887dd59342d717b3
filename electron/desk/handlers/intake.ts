import { addEnvelope, listBatches, listEnvelopes, openBatch } from '../services/intake/mail-log';
import { correctElection, saveElection } from '../services/intake/elections';
import { assessDraft, batchItems, certificateForForm } from '../services/intake/election-views';
import { actorOf } from '../services/views';
import { signedIn, type HandlerTable } from './types';

/** The mail log and the election form. Inputs arrive validated against their schemas; roles are checked by the channel map. */
export const intakeHandlers = {
  'intake.batches': (input, ctx) => listBatches(ctx.store, input.programId),
  'intake.openBatch': (input, ctx) => openBatch(ctx.store, actorOf(signedIn(ctx)), input, ctx.now()),
  'intake.envelopes': (input, ctx) => listEnvelopes(ctx.store, input.batchId),
  'intake.addEnvelope': (input, ctx) => addEnvelope(ctx.store, actorOf(signedIn(ctx)), input, ctx.now()),
  'intake.certificate': (input, ctx) => certificateForForm(ctx.store, input.programId, input.number),
  'intake.assess': (input, ctx) => assessDraft(ctx.store, input.draft),
  'intake.saveElection': (input, ctx) => saveElection(ctx.store, actorOf(signedIn(ctx)), input.draft, input.confirmed),
  'intake.correctElection': (input, ctx) => correctElection(ctx.store, actorOf(signedIn(ctx)), input.electionId, input.reason, input.draft),
  'intake.items': (input, ctx) => batchItems(ctx.store, input.batchId),
} satisfies Partial<HandlerTable>;
