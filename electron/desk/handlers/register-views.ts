import { certificateDetail, certificatesPage, heldForeign } from '../services/certificate-views';
import { holderPage, registerEntries, registerSummary } from '../services/register-views';
import type { HandlerTable } from './types';

// Read-only views of the register and its certificates: any signed-in role (checked by the
// dispatcher against the channel's access before a handler runs); TINs leave main masked.
export const registerViewsHandlers = {
  'register.summary': (input, ctx) => registerSummary(ctx.store, input.programId),
  'register.entries': (input, ctx) => registerEntries(ctx.store, input),
  'register.holder': (input, ctx) => holderPage(ctx.store, input),
  'register.heldForeign': (input, ctx) => heldForeign(ctx.store, input),
  'certificates.list': (input, ctx) => certificatesPage(ctx.store, input),
  'certificates.detail': (input, ctx) => certificateDetail(ctx.store, input.certificateId),
} satisfies Partial<HandlerTable>;
