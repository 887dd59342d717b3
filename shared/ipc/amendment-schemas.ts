/**
 * Inputs of the four-eyes amendment channels (services/amendments.ts). A proposal's `terms` is
 * checked in main against the engine's schema for the program's kind, as terms.record's is.
 */
import { z } from 'zod';
import { labelled } from './labels';
import { idSchema, reasonText, recordTermsInput } from './schemas';

export const proposeAmendmentInput = recordTermsInput.extend({
  reason: reasonText('Reason for the amendment', 'Extension per the company notice of 12/01/2003'),
});

export const AMENDMENT_DECISIONS = ['approve', 'reject'] as const;

export const decideAmendmentInput = z
  .object({
    amendmentId: labelled(idSchema.clone(), 'Amendment'),
    decision: labelled(z.enum(AMENDMENT_DECISIONS, { error: 'Decision must be approve or reject' }), 'Decision'),
    note: reasonText('Note', 'Checked against the notice of extension'),
  })
  .strict();
