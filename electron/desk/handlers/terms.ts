import { z } from 'zod';
import { oddLotTermsSchema, rightsOfferingTermsSchema, type ProgramTerms } from '../../../shared/domain';
import { DeskFailure } from '../../../shared/ipc/result';
import type { ProgramKind } from '../../../shared/ipc/schemas';
import { getProgram } from '../services/programs';
import { decideAmendment, listAmendments, proposeAmendment } from '../services/amendments';
import { recordTerms, termsHistory } from '../services/terms';
import { describeInvalidInput } from './input-errors';
import { signedIn, type HandlerTable } from './types';

const KIND_WORDS: Readonly<Record<ProgramKind, string>> = { 'rights-offering': 'a rights offering', 'odd-lot': 'an odd-lot program' };

/** The engine's schema for the program's kind, wrapped so that every problem's path starts at `terms`. */
const SCHEMAS = {
  'rights-offering': z.object({ terms: rightsOfferingTermsSchema }),
  'odd-lot': z.object({ terms: oddLotTermsSchema }),
} as const;

/** Checks keyed terms against the program's kind and the engine's schema; problems name the dotted field. */
export function parseTerms(kind: ProgramKind, terms: Readonly<Record<string, unknown>>): ProgramTerms {
  if (terms.kind !== kind) {
    const said = typeof terms.kind === 'string' ? `"${terms.kind.slice(0, 40)}"` : 'nothing';
    throw new DeskFailure('INVALID_INPUT', `Kind of terms: this program is ${KIND_WORDS[kind]} ("${kind}"), the terms say ${said}`, 'terms.kind');
  }
  const parsed = SCHEMAS[kind].safeParse({ terms });
  if (!parsed.success) {
    const { field, message } = describeInvalidInput(parsed.error, { terms }, SCHEMAS[kind]);
    throw new DeskFailure('INVALID_INPUT', message, field ?? 'terms');
  }
  return parsed.data.terms;
}

export const termsHandlers = {
  'terms.history': (input, ctx) => termsHistory(ctx.store, input.programId),
  'terms.record': async (input, ctx) => {
    const program = await getProgram(ctx.store, input.programId);
    const terms = parseTerms(program.kind, input.terms);
    const { confirmEarlierExpiration, earlierExpirationReason } = input;
    return recordTerms(ctx.store, signedIn(ctx), { programId: program.id, reason: input.reason, terms, confirmEarlierExpiration, earlierExpirationReason });
  },
  'terms.amendments': (input, ctx) => listAmendments(ctx.store, input.programId),
  'terms.proposeAmendment': async (input, ctx) => {
    const program = await getProgram(ctx.store, input.programId);
    const terms = parseTerms(program.kind, input.terms);
    const { confirmEarlierExpiration, earlierExpirationReason } = input;
    return proposeAmendment(ctx.store, signedIn(ctx), { programId: program.id, reason: input.reason, terms, confirmEarlierExpiration, earlierExpirationReason });
  },
  'terms.decideAmendment': (input, ctx) => decideAmendment(ctx.store, signedIn(ctx), input),
} satisfies Partial<HandlerTable>;
