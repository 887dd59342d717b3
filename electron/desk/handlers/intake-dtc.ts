// Nominees' DTC instructions (keyed or from a file main's dialog chooses), Notices of Guaranteed
// Delivery and their covers, and the open envelopes items are keyed into. Clerks and up.
import path from 'node:path';
import { DeskFailure } from '../../../shared/ipc/result';
import { keyDtcInstruction, listDtcInstructions, previewDtcInstruction } from '../services/intake/dtc';
import { correctDtcInstruction } from '../services/intake/dtc-correction';
import { importDtcFile } from '../services/intake/dtc-import';
import { coverGuaranteedNotice, keyGuaranteedNotice, listGuaranteedNotices } from '../services/intake/guaranteed-delivery';
import { openEnvelopes } from '../services/intake/open-envelopes';
import { signedIn, type HandlerTable } from './types';

export const intakeDtcHandlers = {
  'intakeItems.envelopes': (input, ctx) => openEnvelopes(ctx.store, input.programId),
  'dtc.preview': (input, ctx) => previewDtcInstruction(ctx.store, input),
  'dtc.save': (input, ctx) => keyDtcInstruction(ctx.store, signedIn(ctx), input),
  'dtc.correct': (input, ctx) => correctDtcInstruction(ctx.store, signedIn(ctx), input),
  'dtc.list': (input, ctx) => listDtcInstructions(ctx.store, input.programId),
  'dtc.importFile': async (input, ctx) => {
    const user = signedIn(ctx);
    const chosen = await ctx.host.chooseOpenPath({ title: 'Choose a DTC instruction file (CSV)' });
    if (chosen === null) throw new DeskFailure('CANCELLED', 'No file was chosen; nothing was imported');
    if (path.extname(chosen).toLowerCase() !== '.csv') throw new DeskFailure('INVALID_INPUT', `File: ${path.basename(chosen)} is not a .csv file`, 'file');
    return importDtcFile(ctx.store, user, input.envelopeId, chosen);
  },
  'guaranteed.save': (input, ctx) => keyGuaranteedNotice(ctx.store, signedIn(ctx), input, ctx.now()),
  'guaranteed.cover': (input, ctx) => coverGuaranteedNotice(ctx.store, signedIn(ctx), input, ctx.now()),
  'guaranteed.list': (input, ctx) => listGuaranteedNotices(ctx.store, input.programId, ctx.now()),
} satisfies Partial<HandlerTable>;
